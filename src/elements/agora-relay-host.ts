import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  RelaySession,
  type RelayClient,
  type RelaySdk,
  type RelayState,
  type SessionDestination,
  type TokenProvider,
  tokenUrlProvider,
} from '../core/index.js';
import type { ManagedHost } from '../core/managed-host.js';
import type { LocalTrack, ManagedSdk, RemoteTrack } from '../core/sdk-types.js';
import { AgoraRelayDestination } from './agora-relay-destination.js';
import { CLIENT_EVENTS, DESTINATION_CHANGE, emit } from './events.js';

const DESTINATION_TAG = 'agora-relay-destination';

type Player = (LocalTrack | RemoteTrack) & { media?: MediaStreamTrack };

/** Plays a remote video's MediaStreamTrack in a <video> of ours; its play() rejection (a removal) is ours to drop. */
function ownPlayer(media: MediaStreamTrack): Player {
  let video: HTMLVideoElement | undefined;
  return {
    media,
    play(tile?: HTMLElement | string) {
      if (!(tile instanceof HTMLElement)) return;
      video = document.createElement('video');
      Object.assign(video, { autoplay: true, muted: true, playsInline: true, srcObject: new MediaStream([media]) });
      Object.assign(video.style, { width: '100%', height: '100%', objectFit: 'cover' });
      tile.replaceChildren(video);
      video.play().catch(() => undefined);
    },
    stop() {
      if (!video) return;
      video.srcObject = null;
      video.remove();
      video = undefined;
    },
  };
}

const samePlayer = (a: Player | undefined, b: Player) => a === b || (!!a?.media && a.media === b.media);

/** Managed mode leaves and joins again when the SDK's relay is stuck: after 1 s, 2 s, 4 s, then it gives up. */
export const RECOVERY_DELAYS_MS = [1000, 2000, 4000];

/** How long removal waits for the relay to stop before it leaves anyway. */
export const RELAY_STOP_WAIT_MS = 1000;

/**
 * The relay's source channel and the session that owns the relay: starts, updates and stops Agora's channel media
 * relay at the right moments for the `<agora-relay-destination>` children it holds.
 *
 * @summary The source of a cross-channel relay, and the relay itself.
 *
 * @tagname agora-relay-host
 *
 * @attr channel-name - The source channel (required).
 * @attr uid - The source uid in the relay configuration; default 0.
 * @attr token - The source relay token, generated for uid 0 and the source channel. Never reflected.
 * @attr disabled - Hold the relay stopped.
 * @attr app-id - Managed mode: join `channel-name` as a host with this App ID, publish microphone and camera, show
 *   the local preview and the channel's remote users, relay, and leave when removed.
 * @attr join-uid - Managed mode: the uid to join with; default: assigned by Agora.
 * @attr join-token - Managed mode: the join token. Never reflected.
 * @attr join-timeout - Managed mode: milliseconds a join may go unanswered before it fails; default 10000.
 * @attr token-url - Fetch any token not given: `GET {token-url}?channelName=…&uid=…&purpose=…` → `{ "token": "…" }`.
 *
 * @fires {CustomEvent<RelayStateDetail>} channel-media-relay-state - `{ state, previousState, code? }`: the SDK's
 *   relay state.
 * @fires {CustomEvent<RelayEventDetail>} channel-media-relay-event - `{ event }`: the SDK's relay event.
 * @fires {CustomEvent<RelayErrorDetail>} agora-relay-error - `{ code, message, operation, channelName? }`: every
 *   failure, validation included.
 * @fires {CustomEvent<ConnectionStateDetail>} connection-state-change - Managed mode: `{ state, previousState,
 *   reason? }` from the client.
 * @fires {CustomEvent<RemoteUserDetail>} user-joined - Managed mode: `{ uid }`, a user (a relayed co-host) joined the
 *   channel.
 * @fires {CustomEvent<RemoteUserDetail>} user-left - Managed mode: `{ uid, reason? }`.
 * @fires {CustomEvent<RemoteUserDetail>} user-published - Managed mode: `{ uid, mediaType }`, after the host
 *   subscribed to it.
 * @fires {CustomEvent<RemoteUserDetail>} user-unpublished - Managed mode: `{ uid, mediaType }`.
 *
 * @slot - `<agora-relay-destination>` elements, in the order they relay.
 *
 * @csspart local - Managed mode: the local camera preview.
 * @csspart remotes - Managed mode: the grid of remote users.
 * @csspart remote - Managed mode: one remote user's video.
 *
 * @cssprop --agora-relay-gap - Space between videos (default 8px).
 * @cssprop --agora-relay-tile-width - Minimum width of a video tile (default 240px).
 * @cssprop --agora-relay-tile-background - Background of a tile before its video plays (default #111).
 */
export class AgoraRelayHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
    .stage {
      display: grid;
      gap: var(--agora-relay-gap, 8px);
      grid-template-columns: repeat(auto-fill, minmax(var(--agora-relay-tile-width, 240px), 1fr));
    }
    [part='remotes'] {
      display: contents;
    }
    [part='local'],
    [part='remote'] {
      position: relative;
      aspect-ratio: 16 / 9;
      overflow: hidden;
      border-radius: 4px;
      background: var(--agora-relay-tile-background, #111);
    }
  `;

  /** The source channel (required). */
  @property({ attribute: 'channel-name' }) channelName = '';

  /** The source uid put in the relay configuration; default 0. */
  @property() uid: string | number | undefined;

  /** The source relay token. Read from the attribute or set as a property; never reflected. */
  @property() token: string | undefined;

  /** Hold the relay stopped. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Managed mode: the App ID to join with; the host then makes, joins and publishes its own client. */
  @property({ attribute: 'app-id' }) appId: string | undefined;

  /** Managed mode: the uid to join with; default: assigned by Agora. */
  @property({ attribute: 'join-uid' }) joinUid: string | number | undefined;

  /** Managed mode: the join token. Read from the attribute or set as a property; never reflected. */
  @property({ attribute: 'join-token' }) joinToken: string | undefined;

  /** Managed mode: how long a join may go unanswered before it fails with `TIMEOUT`, in milliseconds. */
  @property({ attribute: 'join-timeout', type: Number }) joinTimeout = 10_000;

  /** Fetch any token that is not given from this endpoint (`purpose`: `join`, `relay-source`, `relay-destination`). */
  @property({ attribute: 'token-url' }) tokenUrl: string | undefined;

  /** `async ({ channelName, uid, purpose }) => token`, for tokens not given; preferred over `token-url`. */
  @property({ attribute: false }) tokenProvider: TokenProvider | null = null;

  /** Bring your own `IAgoraRTCClient`, joined as a host; the relay starts once it has published (or on `start()`). */
  @property({ attribute: false }) client: RelayClient | null = null;

  /** The AgoraRTC namespace to use; default: `window.AgoraRTC`, else loaded lazily from `agora-rtc-sdk-ng`. */
  @property({ attribute: false }) sdk: RelaySdk | null = null;

  readonly #session = new RelaySession();
  #observer: MutationObserver | undefined;
  #urlProvider: { url: string; provider: TokenProvider } | undefined;
  #managed: ManagedHost | undefined;
  /** What the managed host was started with, to tell when it must join again. */
  #managedKey = '';
  /** Which track plays in which tile, so a render does not restart playing videos. */
  #playing = new WeakMap<Element, Player>();
  /** Every track played in a tile, to stop before the tiles go. */
  #played = new Set<Player>();
  #connected = false;
  /** Managed-mode recoveries since the relay last ran, and the one waiting. */
  #recoveries = 0;
  #recoveryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The destination children at the last sync. */
  #destinationElements = new Set<AgoraRelayDestination>();

  constructor() {
    super();
    this.#session.addEventListener('channel-media-relay-state', (event) => {
      if (event.detail.state === 'RELAY_STATE_RUNNING') this.#recoveries = 0;
      emit(this, 'channel-media-relay-state', event.detail);
    });
    this.#session.addEventListener('agora-relay-stuck', () => this.#recoverManaged());
    this.#session.addEventListener('channel-media-relay-event', (event) => {
      emit(this, 'channel-media-relay-event', event.detail);
    });
    this.#session.addEventListener('agora-relay-error', (event) => emit(this, 'agora-relay-error', event.detail));
    this.#session.addEventListener('agora-relay-destination-status', (event) => {
      const { key, channelName, status, error } = event.detail;
      if (!(key instanceof AgoraRelayDestination)) return;
      key.setStatus(status, error);
      emit(key, 'agora-relay-destination-status', error ? { channelName, status, error } : { channelName, status });
    });
    this.addEventListener(DESTINATION_CHANGE, this.#syncDestinations);
  }

  /** The relay state, as the SDK last reported it. */
  get state(): RelayState {
    return this.#session.state;
  }

  /** Start now (this is how an app that brings its own client says it has published). Idempotent. */
  start(): Promise<void> {
    return this.#session.start();
  }

  /** Stop, and hold the relay stopped until `start()`. Idempotent. */
  stop(): Promise<void> {
    return this.#session.stop();
  }

  /** Resolves when no change is waiting and no SDK call is in flight. */
  settled(): Promise<void> {
    return this.#session.settled();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connected = true;
    this.#observer ??= new MutationObserver(() => this.#syncDestinations());
    this.#observer.observe(this, { childList: true });
    this.#syncSource();
    this.#syncDestinations();
    this.#syncManaged();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connected = false;
    // Now, not in the microtask: the removal has paused the SDK's <video>s, and the SDK's listener would resume them
    // with a play() that rejects unhandled. A move plays them again (connectedCallback asks for a render).
    this.#stopPlaying();
    // A move (disconnected, then connected again in the same task) is not a removal.
    queueMicrotask(() => {
      if (this.#connected) return;
      this.#observer?.disconnect();
      this.#session.client = null;
      clearTimeout(this.#recoveryTimer);
      this.#recoveries = 0;
      // Forget what managed mode joined, so being added again joins again.
      this.#managedKey = '';
      void this.#stopManaged();
    });
  }

  protected override willUpdate(): void {
    this.#syncSource();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#syncManaged();
    this.#playTracks();
  }

  protected override render() {
    const managed = this.#managed;
    if (!managed) return html`<slot></slot>`;
    const users = managed.remoteUsers.filter((user) => user.hasVideo);
    return html`
      <div class="stage">
        <div part="local" role="img" aria-label="Your camera"></div>
        <div part="remotes" role="group" aria-label="Co-hosts">
          ${repeat(
            users,
            (user) => user.uid,
            (user) => html`<div part="remote" role="img" aria-label=${`Co-host ${user.uid}`} data-uid=${user.uid}></div>`,
          )}
        </div>
      </div>
      <slot></slot>
    `;
  }

  /** Managed mode starts when `app-id` is set and no client is given, and joins again when what it joined changes. */
  #syncManaged(): void {
    const wanted = this.#connected && !!this.appId && !this.client;
    const key = wanted ? JSON.stringify([this.appId, this.channelName, this.joinUid, this.joinToken]) : '';
    if (key === this.#managedKey) return;
    this.#managedKey = key;
    void this.#stopManaged().then(() => {
      if (key && key === this.#managedKey) return this.#startManaged(key);
      return undefined;
    });
  }

  async #startManaged(key: string): Promise<void> {
    // Loaded on first use: a page that brings its own client never downloads managed mode.
    const { ManagedHost } = await import('../core/managed-host.js');
    // Removed, or asked for another channel, while the module loaded: this start is no longer wanted.
    if (key !== this.#managedKey) return;
    const managed = new ManagedHost({
      appId: this.appId ?? '',
      channelName: this.channelName,
      joinUid: this.joinUid ?? null,
      joinToken: this.joinToken ?? null,
      tokenProvider: this.#effectiveTokenProvider(),
      sdk: this.sdk as ManagedSdk | null,
      joinTimeoutMs: this.joinTimeout,
    });
    for (const type of CLIENT_EVENTS) {
      managed.addEventListener(type, (event: CustomEvent) => emit(this, type, event.detail));
    }
    managed.addEventListener('agora-relay-error', (event) => emit(this, 'agora-relay-error', event.detail));
    managed.addEventListener('media-change', () => this.requestUpdate());
    this.#managed = managed;
    this.requestUpdate();
    const published = await managed.connect();
    if (this.#managed !== managed) return;
    this.#session.client = managed.client;
    // The host published itself: say so, so the relay starts at once.
    if (published) await this.#session.start().catch(() => undefined);
  }

  /**
   * Rule 4: the SDK's relay on a client the host owns is stuck (after a FAILURE, say): leave and join again, with
   * growing delays, and say so when it gives up. A page's own client is the page's to reset: that is only reported.
   */
  #recoverManaged(): void {
    if (!this.#managed || this.#recoveryTimer !== undefined) return;
    const delay = RECOVERY_DELAYS_MS[this.#recoveries];
    if (delay === undefined) {
      emit(this, 'agora-relay-error', {
        code: 'RELAY_FAILURE',
        message: `The relay is still stuck after leaving and joining again ${RECOVERY_DELAYS_MS.length} times; giving up.`,
        operation: 'join',
      });
      return;
    }
    this.#recoveries += 1;
    const key = this.#managedKey;
    this.#recoveryTimer = setTimeout(() => {
      this.#recoveryTimer = undefined;
      if (!this.#connected || key !== this.#managedKey) return;
      void this.#stopManaged().then(() => (key === this.#managedKey ? this.#startManaged(key) : undefined));
    }, delay);
  }

  /**
   * Closes the camera and microphone at once, then stops the relay (rule 5), then unpublishes and leaves. A relay
   * stop that never answers delays the leave by at most RELAY_STOP_WAIT_MS and is reported.
   */
  async #stopManaged(): Promise<void> {
    const managed = this.#managed;
    if (!managed) return;
    this.#managed = undefined;
    this.#stopPlaying();
    managed.releaseMedia();
    if (this.#session.client === managed.client) this.#session.client = null;
    const { withinLimit } = await import('../core/within-limit.js');
    if ((await withinLimit(this.#session.settled(), RELAY_STOP_WAIT_MS)) === 'timeout') {
      emit(this, 'agora-relay-error', {
        code: 'TIMEOUT',
        message: `Stopping the relay got no answer within ${RELAY_STOP_WAIT_MS / 1000} s; leaving anyway.`,
        operation: 'stop',
      });
    }
    await managed.close();
    this.requestUpdate();
  }

  /**
   * Stops every track played in a tile before the tile leaves the document: the SDK's <video> would otherwise get
   * paused by the removal, and its own `play()` to resume it rejects unhandled (AbortError, code 20).
   */
  #stopPlaying(): void {
    for (const track of this.#played) track.stop();
    this.#played.clear();
    this.#playing = new WeakMap();
  }

  #playTracks(): void {
    const managed = this.#managed;
    const root = this.renderRoot;
    if (!managed) return;
    const play = (tile: Element | null, track: LocalTrack | RemoteTrack | undefined) => {
      if (!tile || !track || samePlayer(this.#playing.get(tile), track)) return;
      this.#playing.set(tile, track);
      this.#played.add(track);
      track.play(tile as HTMLElement);
    };
    play(root.querySelector('[part="local"]'), managed.localVideoTrack);
    for (const user of managed.remoteUsers) {
      // Our own <video>, not the SDK's player: until the co-host's first frame its play() stays pending, and a removal
      // then rejects it, unhandled inside the SDK (AbortError, code 20). Ours is caught, and only ours.
      const media = user.videoTrack?.getMediaStreamTrack?.();
      if (media) {
        play(root.querySelector(`[part="remote"][data-uid="${CSS.escape(String(user.uid))}"]`), ownPlayer(media));
        continue;
      }
      play(root.querySelector(`[part="remote"][data-uid="${CSS.escape(String(user.uid))}"]`), user.videoTrack);
    }
  }

  #syncSource(): void {
    const session = this.#session;
    session.source = { channelName: this.channelName, uid: this.uid, token: this.token };
    session.disabled = this.disabled;
    session.sdk = this.sdk;
    session.tokenProvider = this.#effectiveTokenProvider();
    if (this.#connected) session.client = this.client ?? this.#managed?.client ?? null;
  }

  #effectiveTokenProvider(): TokenProvider | null {
    if (this.tokenProvider) return this.tokenProvider;
    if (!this.tokenUrl) return null;
    // One provider per URL, so the session's token cache survives unrelated updates.
    if (this.#urlProvider?.url !== this.tokenUrl) {
      this.#urlProvider = { url: this.tokenUrl, provider: tokenUrlProvider(this.tokenUrl) };
    }
    return this.#urlProvider.provider;
  }

  readonly #syncDestinations = (): void => {
    const destinations: SessionDestination[] = [];
    const elements = new Set<AgoraRelayDestination>();
    for (const child of this.children) {
      if (child.localName !== DESTINATION_TAG) continue;
      const element = child as AgoraRelayDestination;
      elements.add(element);
      destinations.push({
        key: element,
        channelName: element.channelName,
        uid: element.uid,
        token: element.token,
        disabled: element.disabled,
        label: `<${DESTINATION_TAG} channel-name=${JSON.stringify(element.channelName ?? '')}>`,
      });
    }
    // A destination taken out of the host is no longer relayed by it; the session forgets it without a word.
    for (const element of this.#destinationElements) {
      if (elements.has(element) || element.status === 'idle') continue;
      element.setStatus('idle');
      emit(element, 'agora-relay-destination-status', { channelName: element.channelName, status: 'idle' });
    }
    this.#destinationElements = elements;
    this.#session.destinations = destinations;
  };
}
