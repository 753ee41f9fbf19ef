// Vue 3: the template below is compiled at run time by Vue's full build (vue.esm-bundler.js with the compiler), the
// same compiler Vue's SFC tooling runs at build time, with the tags declared as custom elements.
import type {} from 'agora-relay-elements/types/vue';
import { createApp, nextTick, ref } from 'vue';
import { interopSuite } from './scenario.js';

interopSuite('Vue 3', async (container, props) => {
  const channels = ref(props.channels);
  const app = createApp({
    setup() {
      const state = ref('');
      const errors = ref(0);
      const published = ref(0);
      return {
        channels,
        state,
        errors,
        // Plain values, not made reactive: the element receives the very objects.
        client: props.client,
        sdk: props.sdk,
        tokenProvider: props.tokenProvider,
        published,
        audienceSdk: props.audienceSdk,
        audienceTokenProvider: props.audienceTokenProvider,
        onPublished(event: CustomEvent) {
          published.value += 1;
          props.onPublished(event.detail);
        },
        onState(event: CustomEvent) {
          state.value = event.detail.state;
          props.onState(event.detail);
        },
        onError(event: CustomEvent) {
          errors.value += 1;
          props.onError(event.detail);
        },
      };
    },
    template: `
      <agora-relay-host
        channel-name="stage-a"
        uid="7"
        :client="client"
        :sdk="sdk"
        :tokenProvider="tokenProvider"
        @channel-media-relay-state="onState"
        @agora-relay-error="onError"
      >
        <agora-relay-destination v-for="channel in channels" :key="channel" :channel-name="channel"></agora-relay-destination>
      </agora-relay-host>
      <output class="relay-state">{{ state }}</output>
      <output class="relay-errors">{{ errors }}</output>
      <agora-relay-audience
        app-id="app"
        channel-name="stage-b"
        :sdk="audienceSdk"
        :tokenProvider="audienceTokenProvider"
        @user-published="onPublished"
      >
        <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
      </agora-relay-audience>
      <output class="audience-published">{{ published }}</output>
    `,
  });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('agora-relay-');
  app.mount(container);
  await nextTick();
  return {
    async setChannels(list) {
      channels.value = list;
      await nextTick();
    },
    async unmount() {
      app.unmount();
    },
  };
});
