// <agora-relay-host>'s internals, loaded on first use (lazy-internals.ts): the relay session, fed from the element's
// properties and its <agora-relay-destination> children, with the session's events re-dispatched on the elements.
// Managed mode (host-managed.ts) is one more chunk, loaded only when `app-id` is set and no client is given.
import type { TemplateResult } from 'lit';
import { RelaySession, type SessionDestination, type TokenProvider, tokenUrlProvider } from '../core/index.js';
import { AgoraRelayDestination } from './agora-relay-destination.js';
import type { AgoraRelayHost } from './agora-relay-host.js';
import { DESTINATION_CHANGE, emit } from './events.js';
import type { ManagedMode } from './host-managed.js';
import type { Internals } from './lazy-internals.js';

// For the CDN entry's loadAgoraRTC (src/cdn.ts).
export { loadAgoraRTC } from '../core/load-sdk.js';

const DESTINATION_TAG = 'agora-relay-destination';

const isDestination = (element: Element): element is AgoraRelayDestination => element.localName === DESTINATION_TAG;

export class HostController implements Internals {
  readonly session = new RelaySession();
  /** `setCohostVolume` / `setCohostMuted` calls, for managed mode to take at its next update (host-cohosts.ts). */
  readonly cohostChanges: [number | string, { volume?: unknown; muted?: boolean }][] = [];
  readonly #host: AgoraRelayHost;
  readonly #observer: MutationObserver;
  #urlProvider: { url: string; provider: TokenProvider } | undefined;
  #managed: ManagedMode | undefined;
  #loadingManaged: Promise<void> | undefined;
  /** The destination children at the last sync. */
  #destinationElements = new Set<AgoraRelayDestination>();

  constructor(host: AgoraRelayHost) {
    this.#host = host;
    this.#observer = new MutationObserver(() => this.#syncDestinations());
    const session = this.session;
    session.addEventListener('channel-media-relay-state', (event) => {
      if (event.detail.state === 'RELAY_STATE_RUNNING') this.#managed?.relayRunning();
      emit(host, 'channel-media-relay-state', event.detail);
    });
    session.addEventListener('agora-relay-stuck', () => this.#managed?.recover());
    session.addEventListener('channel-media-relay-event', (event) => emit(host, 'channel-media-relay-event', event.detail));
    session.addEventListener('agora-relay-error', (event) => emit(host, 'agora-relay-error', event.detail));
    session.addEventListener('agora-relay-destination-status', (event) => {
      const { key, channelName, status, error } = event.detail;
      if (!(key instanceof AgoraRelayDestination)) return;
      key.setStatus(status, error);
      emit(key, 'agora-relay-destination-status', error ? { channelName, status, error } : { channelName, status });
    });
    host.addEventListener(DESTINATION_CHANGE, this.#syncDestinations);
  }

  connected(): void {
    this.#observer.observe(this.#host, { childList: true });
    this.#syncSource();
    this.#syncDestinations();
    this.#syncManaged();
    this.#host.requestUpdate();
  }

  disconnected(): void {
    // Now, not in the microtask: the removal has paused the SDK's <video>s, and the SDK's listener would resume them
    // with a play() that rejects unhandled. A move plays them again (connected() asks for a render).
    this.#managed?.stopPlaying();
    // A move (disconnected, then connected again in the same task) is not a removal.
    queueMicrotask(() => {
      if (this.#host.isConnected) return;
      this.#observer.disconnect();
      this.session.client = null;
      this.#managed?.removed();
    });
  }

  willUpdate(): void {
    this.#syncSource();
    this.#managed?.willUpdate();
  }

  updated(): void {
    this.#syncManaged();
    this.#managed?.updated();
  }

  /** `setCohostVolume` / `setCohostMuted`: kept for managed mode, which checks and applies them in its next update. */
  setCohost(uid: number | string, change: { volume?: unknown; muted?: boolean }): void {
    this.cohostChanges.push([uid, change]);
    this.#host.requestUpdate();
  }

  render(): TemplateResult | undefined {
    return this.#managed?.render();
  }

  /** The token provider the inputs give: the property, else one per `token-url` (so the token cache survives). */
  tokenProvider(): TokenProvider | null {
    const host = this.#host;
    if (host.tokenProvider) return host.tokenProvider;
    if (!host.tokenUrl) return null;
    if (this.#urlProvider?.url !== host.tokenUrl) {
      this.#urlProvider = { url: host.tokenUrl, provider: tokenUrlProvider(host.tokenUrl) };
    }
    return this.#urlProvider.provider;
  }

  /** Managed mode loads when `app-id` is set and no client is given; once loaded, it follows every change itself. */
  #syncManaged(): void {
    const host = this.#host;
    if (this.#managed) return this.#managed.sync();
    if (!host.isConnected || !host.appId || host.client || this.#loadingManaged) return;
    // Loaded on first use: a page that brings its own client never downloads managed mode.
    this.#loadingManaged = import('./host-managed.js').then(
      ({ ManagedMode }) => {
        this.#managed = new ManagedMode(host, this);
        this.#managed.sync();
      },
      (error: unknown) => {
        this.#loadingManaged = undefined;
        emit(host, 'agora-relay-error', {
          code: 'SDK_LOAD_FAILED',
          message: `Could not load managed mode (keep the chunks/ folder next to the script): ${(error as Error).message}`,
          operation: 'load',
        });
      },
    );
  }

  #syncSource(): void {
    const { session } = this;
    const host = this.#host;
    session.source = { channelName: host.channelName, uid: host.uid, token: host.token };
    session.disabled = host.disabled;
    session.sdk = host.sdk;
    session.tokenProvider = this.tokenProvider();
    if (host.isConnected) session.client = host.client ?? this.#managed?.client ?? null;
  }

  readonly #syncDestinations = (): void => {
    const destinations: SessionDestination[] = [];
    const elements = new Set<AgoraRelayDestination>();
    for (const child of this.#host.children) {
      if (!isDestination(child)) continue;
      elements.add(child);
      destinations.push({
        key: child,
        channelName: child.channelName,
        uid: child.uid,
        token: child.token,
        disabled: child.disabled,
        label: `<${DESTINATION_TAG} channel-name=${JSON.stringify(child.channelName ?? '')}>`,
      });
    }
    // A destination taken out of the host is no longer relayed by it; the session forgets it without a word.
    for (const element of this.#destinationElements) {
      if (elements.has(element) || element.status === 'idle') continue;
      element.setStatus('idle');
      emit(element, 'agora-relay-destination-status', { channelName: element.channelName, status: 'idle' });
    }
    this.#destinationElements = elements;
    this.session.destinations = destinations;
  };
}
