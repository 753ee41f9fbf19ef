// <agora-relay-host>, as the entry holds it: the class, its reactive properties and its public methods. Everything
// that does something loads on first use (lazy-internals.ts): host-controller.ts wires the relay session, and managed
// mode (host-managed.ts, host-tiles.ts) is a further chunk that a page bringing its own client never fetches.
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import type { RelayClient, RelaySdk, RelayState, TokenProvider } from '../core/index.js';
import type { PageTracks } from '../core/local-media.js';
import type { HostController } from './host-controller.js';
import { LazyInternals, LazyModule } from './lazy-internals.js';

const controller = new LazyModule(() => import('./host-controller.js'));

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
 * @attr preview - Managed mode: show the local camera without joining; removing it goes live (join, publish, relay),
 *   setting it again stops the relay, unpublishes and leaves, keeping the camera and microphone open.
 * @attr microphone-muted - Managed mode: the microphone is muted (still published; co-hosts hear silence).
 * @attr camera-off - Managed mode: the video is off (the camera's light too; the publication stays).
 * @attr camera-id - Managed mode: the camera's `deviceId` (from `devices-change`); switched live.
 * @attr microphone-id - Managed mode: the microphone's `deviceId`; switched live.
 * @attr screen-share - Managed mode: publish the screen instead of the camera (the browser asks which). Removed by
 *   the host when sharing stops from the browser's own UI (`screen-share-ended`).
 * @attr cohost-volume - Managed mode: the co-hosts' audio on this page only, 0–100 (default 100); the audience hears
 *   them as they are. Anything else is an `agora-relay-error` (`INVALID_VOLUME`) and the volume stays.
 * @attr dual-stream - Managed mode: also publish a low stream (the SDK's dual stream), which audience tiles narrower
 *   than 320 px use. A failure is an `agora-relay-error` and the high stream goes on.
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
 * @fires {CustomEvent<NetworkQualityDetail>} network-quality - Managed mode: `{ uplink, downlink }`, the SDK's
 *   last-mile quality every 2 s once joined: 0 unknown, 1 excellent … 5 very bad, 6 down.
 * @fires {CustomEvent<DevicesDetail>} devices-change - Managed mode: `{ cameras, microphones }`, each a list of
 *   `{ deviceId, label }`: once the camera or microphone opened (after permission), and on each plugged in or out.
 * @fires {CustomEvent<ScreenShareEndedDetail>} screen-share-ended - Managed mode: `{ reason }`, `ended` when the
 *   person stopped sharing from the browser's own UI, `failed` when sharing never began (refused or cancelled); the
 *   host removed `screen-share` and shows the camera again.
 *
 * @slot - `<agora-relay-destination>` elements, in the order they relay.
 *
 * @csspart local - Managed mode: the local camera preview.
 * @csspart local-label - Managed mode: a label on the local tile, `data-state="microphone-muted"`, `camera-off`,
 *   `screen-share` or `preview` (e.g. "Camera off").
 * @csspart remotes - Managed mode: the grid of remote users.
 * @csspart remote - Managed mode: one remote user's video.
 * @csspart cohost-mute - Managed mode: the button in a co-host's tile that mutes that co-host on this page only
 *   (`aria-pressed`).
 * @csspart status - Managed mode: the status line (connecting, live, relaying to N channels, or an error and what to
 *   do), a polite live region.
 *
 * @cssprop --agora-relay-gap - Space between videos (default 8px).
 * @cssprop --agora-relay-tile-width - Minimum width of a video tile (default 240px).
 * @cssprop --agora-relay-tile-background - Background of a tile before its video plays (default #111).
 */
export class AgoraRelayHost extends LitElement {
  // The managed-mode stage's styles come with its tiles (host-tiles.ts).
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  static override properties: PropertyDeclarations = {
    channelName: { attribute: 'channel-name' },
    uid: {},
    token: {},
    disabled: { type: Boolean, reflect: true },
    appId: { attribute: 'app-id' },
    joinUid: { attribute: 'join-uid' },
    joinToken: { attribute: 'join-token' },
    joinTimeout: { attribute: 'join-timeout', type: Number },
    tokenUrl: { attribute: 'token-url' },
    tokenProvider: { attribute: false },
    preview: { type: Boolean, reflect: true },
    microphoneMuted: { attribute: 'microphone-muted', type: Boolean, reflect: true },
    cameraOff: { attribute: 'camera-off', type: Boolean, reflect: true },
    cameraId: { attribute: 'camera-id' },
    microphoneId: { attribute: 'microphone-id' },
    screenShare: { attribute: 'screen-share', type: Boolean, reflect: true },
    tracks: { attribute: false },
    client: { attribute: false },
    sdk: { attribute: false },
    // Co-hosts' audio, dual stream (host-cohosts.ts).
    cohostVolume: { attribute: 'cohost-volume' },
    dualStream: { attribute: 'dual-stream', type: Boolean },
  };

  /** The source channel (required). */
  channelName = '';

  /** The source uid put in the relay configuration; default 0. */
  uid: string | number | undefined;

  /** The source relay token. Read from the attribute or set as a property; never reflected. */
  token: string | undefined;

  /** Hold the relay stopped. */
  disabled = false;

  /** Managed mode: the App ID to join with; the host then makes, joins and publishes its own client. */
  appId: string | undefined;

  /** Managed mode: the uid to join with; default: assigned by Agora. */
  joinUid: string | number | undefined;

  /** Managed mode: the join token. Read from the attribute or set as a property; never reflected. */
  joinToken: string | undefined;

  /** Managed mode: how long a join may go unanswered before it fails with `TIMEOUT`, in milliseconds. */
  joinTimeout = 10_000;

  /** Fetch any token that is not given from this endpoint (`purpose`: `join`, `relay-source`, `relay-destination`). */
  tokenUrl: string | undefined;

  /** Managed mode: show the local camera without joining; set to false to go live, to true to leave again. */
  preview = false;

  /** Managed mode: mute the microphone (the publication stays). */
  microphoneMuted = false;

  /** Managed mode: turn the video off (the camera's capture stops; the publication stays). */
  cameraOff = false;

  /** Managed mode: the camera's device id; changing it switches live. */
  cameraId: string | undefined;

  /** Managed mode: the microphone's device id; changing it switches live. */
  microphoneId: string | undefined;

  /** Managed mode: publish the screen instead of the camera. */
  screenShare = false;

  /**
   * Managed mode: your own local tracks to publish instead of the default microphone and camera, `{ audio?:
   * ILocalAudioTrack, video?: ILocalVideoTrack }` (a canvas, a processed camera). They stay yours: the host publishes
   * and unpublishes them, mutes them as asked (and puts that back when it lets go), and never closes them.
   */
  tracks: PageTracks | null = null;

  /** `async ({ channelName, uid, purpose }) => token`, for tokens not given; preferred over `token-url`. */
  tokenProvider: TokenProvider | null = null;

  /** Bring your own `IAgoraRTCClient`, joined as a host; the relay starts once it has published (or on `start()`). */
  client: RelayClient | null = null;

  /** The AgoraRTC namespace to use; default: `window.AgoraRTC`, else loaded lazily from `agora-rtc-sdk-ng`. */
  sdk: RelaySdk | null = null;

  /** Managed mode: the co-hosts' audio on this page, 0–100 (default 100). */
  cohostVolume: number | string | undefined;

  /** Managed mode: also publish a low stream for small audience tiles. */
  dualStream = false;

  readonly #internals = new LazyInternals(this, controller, (module): HostController => new module.HostController(this));

  /** The relay state, as the SDK last reported it. */
  get state(): RelayState {
    return this.#internals.value?.session.state ?? 'RELAY_STATE_IDLE';
  }

  /** Start now (this is how an app that brings its own client says it has published). Idempotent. */
  start(): Promise<void> {
    // At once when the internals are here, so the call keeps its place among the property changes around it.
    return this.#internals.now()?.session.start() ?? this.#internals.get().then((internals) => internals.session.start());
  }

  /** Stop, and hold the relay stopped until `start()`. Idempotent. */
  stop(): Promise<void> {
    return this.#internals.now()?.session.stop() ?? this.#internals.get().then((internals) => internals.session.stop());
  }

  /** Resolves when no change is waiting and no SDK call is in flight. */
  settled(): Promise<void> {
    return this.#internals.value?.session.settled() ?? this.#internals.loaded().then(() => this.#internals.value?.session.settled());
  }

  /**
   * Managed mode: one co-host's volume on this page, 0–100 (default 100), on top of `cohost-volume`: that co-host
   * plays at `cohost-volume × volume / 100`. A bad volume is an `agora-relay-error` and changes nothing.
   */
  setCohostVolume(uid: number | string, volume: number): void {
    void this.#internals.get().then((internals) => internals.setCohost(uid, { volume }), () => undefined);
  }

  /** Managed mode: mutes (or unmutes) one co-host on this page, as the button in its tile does. */
  setCohostMuted(uid: number | string, muted: boolean): void {
    void this.#internals.get().then((internals) => internals.setCohost(uid, { muted }), () => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#internals.connected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#internals.disconnected();
  }

  /** Also waits for the internals while they load, so a first render is the real one. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#internals.loaded();
    return super.getUpdateComplete();
  }

  protected override willUpdate(): void {
    this.#internals.value?.willUpdate();
  }

  protected override updated(): void {
    this.#internals.value?.updated();
  }

  protected override render() {
    return this.#internals.value?.render() ?? html`<slot></slot>`;
  }
}
