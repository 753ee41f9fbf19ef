// Svelte 5: App.svelte compiled by svelte/compiler, mounted with Svelte's own mount().
import { flushSync, mount, unmount } from 'svelte';
import App from './App.svelte';
import { interopSuite } from './scenario.js';

interopSuite('Svelte 5', async (container, props) => {
  let setChannels: (channels: string[]) => void = () => undefined;
  const app = mount(App, { target: container, props: { props, expose: (set: typeof setChannels) => (setChannels = set) } });
  flushSync();
  return {
    async setChannels(channels) {
      setChannels(channels);
      flushSync();
    },
    async unmount() {
      await unmount(app);
    },
  };
});
