// <agora-relay-audience>'s internals, loaded on first use (lazy-internals.ts): starts the viewer when the element is
// connected with something to join, starts it again when what it joins with changes (a new token alone is a renewal),
// re-dispatches its events on the element, and closes it when the element is removed.
import type { TemplateResult } from 'lit';
import type { AudienceClient, AudienceSdk } from '../core/audience-viewer.js';
import { nextTask } from '../core/next-task.js';
import { tokenUrlProvider, type TokenProvider } from '../core/tokens.js';
import type { AgoraRelayAudience } from './agora-relay-audience.js';
import { AudienceView, AudienceViewer } from './audience-view.js';
import { CLIENT_EVENTS, emit } from './events.js';
import type { Internals } from './lazy-internals.js';
import { AudienceStreams } from './audience-streams.js';

export class AudienceController implements Internals {
  readonly #element: AgoraRelayAudience;
  #view: AudienceView | undefined;
  /** Which stream each host's tile subscribes to, and network quality (audience-streams.ts). */
  #streams: AudienceStreams | undefined;
  #key = '';
  /** Counts the starts asked for: a start that waited on the previous viewer's close gives way to a newer one. */
  #generation = 0;
  #urlProvider: { url: string; provider: TokenProvider } | undefined;
  /** What the running viewer was started with. */
  #started: { provider: TokenProvider | null; sdk: AudienceSdk | null; client: AudienceClient | null; token?: string } =
    { provider: null, sdk: null, client: null };

  constructor(element: AgoraRelayAudience) {
    this.#element = element;
  }

  connected(): void {
    this.#sync();
  }

  disconnected(): void {
    // A move (disconnected, then connected again in the same task) is not a removal.
    queueMicrotask(() => {
      if (this.#element.isConnected) return;
      this.#key = '';
      this.#generation += 1;
      void this.#stop();
    });
  }

  /** After each render of the element. */
  updated(mutedChanged: boolean): void {
    if (mutedChanged) this.#view?.viewer.setMuted(this.#element.muted);
    this.#sync();
    this.#view?.rendered();
    this.#streams?.rendered();
  }

  render(): TemplateResult | undefined {
    return this.#view?.render();
  }

  /** Starts (or starts again) when what it joins with changes; a new token alone is a renewal, not a new join. */
  #sync(): void {
    const element = this.#element;
    const provider = this.#tokenProvider();
    const key = element.isConnected
      ? JSON.stringify([element.appId, element.channelName, element.uid, element.tokenUrl, element.latency])
      : '';
    const started = this.#started;
    const same =
      key === this.#key && started.provider === provider && started.sdk === element.sdk && started.client === element.client;
    if (same && (element.token === started.token || !key)) return;
    const viewer = this.#view?.viewer;
    if (same && element.token && viewer?.status.phase === 'live') {
      started.token = element.token;
      void viewer.renewToken(element.token);
      return;
    }
    this.#key = key;
    this.#started = { provider, sdk: element.sdk, client: element.client, token: element.token };
    const generation = ++this.#generation;
    void this.#stop().then(() => (key && generation === this.#generation ? this.#start(generation) : undefined));
  }

  async #start(generation: number): Promise<void> {
    // A task first: properties a framework sets just after connecting the element (Angular does) join the first
    // start instead of starting a second viewer.
    await new Promise<void>((resolve) => nextTask(resolve));
    if (generation !== this.#generation) return;
    const element = this.#element;
    const viewer = new AudienceViewer({
      appId: element.appId ?? null,
      channelName: element.channelName || null,
      uid: element.uid ?? null,
      token: element.token ?? null,
      tokenProvider: this.#tokenProvider(),
      latency: element.latency ?? null,
      muted: element.muted,
      client: element.client,
      sdk: element.sdk,
    });
    for (const type of CLIENT_EVENTS) {
      viewer.addEventListener(type, (event: CustomEvent) => emit(element, type, event.detail));
    }
    viewer.addEventListener('agora-relay-error', (event) => emit(element, 'agora-relay-error', event.detail));
    viewer.addEventListener('change', () => element.requestUpdate());
    this.#view = new AudienceView(element, viewer);
    this.#streams = new AudienceStreams(element, viewer);
    element.requestUpdate();
    await viewer.connect();
  }

  async #stop(): Promise<void> {
    const view = this.#view;
    if (!view) return;
    this.#view = undefined;
    view.close();
    this.#streams?.close();
    this.#streams = undefined;
    await view.viewer.close();
    this.#element.requestUpdate();
  }

  #tokenProvider(): TokenProvider | null {
    const element = this.#element;
    if (element.tokenProvider) return element.tokenProvider;
    if (!element.tokenUrl) return null;
    if (this.#urlProvider?.url !== element.tokenUrl) {
      this.#urlProvider = { url: element.tokenUrl, provider: tokenUrlProvider(element.tokenUrl) };
    }
    return this.#urlProvider.provider;
  }
}
