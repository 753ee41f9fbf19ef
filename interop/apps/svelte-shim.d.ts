// For tsc: a .svelte import is a Svelte 5 component (svelte-check reads the component itself).
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}
