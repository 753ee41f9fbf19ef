// Angular: the component's template is compiled in the browser by @angular/compiler (JIT), the app runs with
// zoneless change detection, and CUSTOM_ELEMENTS_SCHEMA lets the template use the tags.
import '@angular/compiler';
import type { ApplicationRef } from '@angular/core';
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  InjectionToken,
  inject,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { interopSuite, type AppProps } from './scenario.js';

const APP_PROPS = new InjectionToken<AppProps>('interop app props');

@Component({
  selector: 'interop-app',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <agora-relay-host
      channel-name="stage-a"
      uid="7"
      [client]="props.client"
      [sdk]="props.sdk"
      [tokenProvider]="props.tokenProvider"
      (channel-media-relay-state)="onState($event)"
      (agora-relay-error)="onError($event)"
    >
      @for (channel of channels(); track channel) {
        <agora-relay-destination [attr.channel-name]="channel"></agora-relay-destination>
      }
    </agora-relay-host>
    <output class="relay-state">{{ state() }}</output>
    <output class="relay-errors">{{ errors() }}</output>
    <agora-relay-audience
      app-id="app"
      channel-name="stage-b"
      [sdk]="props.audienceSdk"
      [tokenProvider]="props.audienceTokenProvider"
      (user-published)="onPublished($event)"
    >
      <agora-relay-label uid="1001">Stage A — Alice</agora-relay-label>
    </agora-relay-audience>
    <output class="audience-published">{{ published() }}</output>
  `,
})
class InteropApp {
  readonly props = inject(APP_PROPS);
  readonly channels = signal(this.props.channels);
  readonly state = signal('');
  readonly errors = signal(0);
  readonly published = signal(0);

  onPublished(event: Event) {
    const { detail } = event as CustomEvent;
    this.published.update((count) => count + 1);
    this.props.onPublished(detail);
  }

  onState(event: Event) {
    const { detail } = event as CustomEvent;
    this.state.set(detail.state);
    this.props.onState(detail);
  }

  onError(event: Event) {
    const { detail } = event as CustomEvent;
    this.errors.update((count) => count + 1);
    this.props.onError(detail);
  }
}

interopSuite('Angular', async (container, props) => {
  container.append(document.createElement('interop-app'));
  const appRef: ApplicationRef = await bootstrapApplication(InteropApp, {
    providers: [provideZonelessChangeDetection(), { provide: APP_PROPS, useValue: props }],
  });
  const app = appRef.components[0]?.instance as InteropApp | undefined;
  if (!app) throw new Error('the Angular app did not bootstrap');
  appRef.tick();
  return {
    async setChannels(channels) {
      app.channels.set(channels);
      appRef.tick();
    },
    async unmount() {
      appRef.destroy();
    },
  };
});
