/** @jsxImportSource preact */
// Preact, JSX compiled by esbuild's automatic runtime with preact as the import source.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { interopSuite, type AppProps } from './scenario.js';

// Preact's JSX namespace knows no custom elements: these tags take any props here (the typed React, Vue and Svelte
// typings are checked in interop/types/).
declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'agora-relay-host': Record<string, unknown>;
      'agora-relay-destination': Record<string, unknown>;
      'agora-relay-audience': Record<string, unknown>;
      'agora-relay-label': Record<string, unknown>;
    }
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function App({ props, expose }: { props: AppProps; expose: (set: (channels: string[]) => void) => void }) {
  const [channels, setChannels] = useState(props.channels);
  const [state, setState] = useState('');
  const [errors, setErrors] = useState(0);
  const [published, setPublished] = useState(0);
  expose(setChannels);
  return (
    <div>
      <agora-relay-host
        channel-name="stage-a"
        uid="7"
        client={props.client}
        sdk={props.sdk}
        tokenProvider={props.tokenProvider}
        onchannel-media-relay-state={(event: CustomEvent) => {
          setState(event.detail.state);
          props.onState(event.detail);
        }}
        onagora-relay-error={(event: CustomEvent) => {
          setErrors((count) => count + 1);
          props.onError(event.detail);
        }}
      >
        {channels.map((channel) => (
          <agora-relay-destination key={channel} channel-name={channel} />
        ))}
      </agora-relay-host>
      <output class="relay-state">{state}</output>
      <output class="relay-errors">{errors}</output>
      <agora-relay-audience
        app-id="app"
        channel-name="stage-b"
        sdk={props.audienceSdk}
        tokenProvider={props.audienceTokenProvider}
        onuser-published={(event: CustomEvent) => {
          setPublished((count) => count + 1);
          props.onPublished(event.detail);
        }}
      >
        <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
      </agora-relay-audience>
      <output class="audience-published">{published}</output>
    </div>
  );
}

interopSuite('Preact', async (container, props) => {
  let setChannels: (channels: string[]) => void = () => undefined;
  render(<App props={props} expose={(set) => (setChannels = set)} />, container);
  return {
    async setChannels(channels) {
      setChannels(channels);
      // Preact renders state changes on its next microtask/timeout: let it.
      await tick();
    },
    async unmount() {
      render(null, container);
    },
  };
});
