// <agora-relay-audience>, as the entry holds it: the class and its reactive properties. The viewer, the view, their
// styles and the message catalogue load on first use (lazy-internals.ts, audience-controller.ts).
import { LitElement, css, html, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { AudienceClient, AudienceSdk } from '../core/audience-viewer.js';
import type { TokenProvider } from '../core/tokens.js';
import type { AudienceController } from './audience-controller.js';
import { LazyInternals, LazyModule } from './lazy-internals.js';

const controller = new LazyModule(() => import('./audience-controller.js'));

/**
 * Watches a co-hosted channel: joins as audience and shows every host in it, the channel's own and the ones relayed
 * in from other channels, with a status line in plain words.
 *
 * @summary The audience of a (co-hosted) live channel.
 *
 * @tagname agora-relay-audience
 *
 * @attr app-id - Join with this App ID (required unless `client` is given).
 * @attr channel-name - The channel to watch (required).
 * @attr uid - The uid to join with; default: assigned by Agora.
 * @attr token - The join token. Never reflected.
 * @attr token-url - Fetch the join token: `GET {token-url}?channelName=…&uid=…&purpose=join` → `{ "token": "…" }`;
 *   renewed before it expires.
 * @attr latency - `low` (default) or `ultra-low`: the SDK's audience latency level.
 * @attr muted - Start with the hosts' audio muted (playback then starts without a gesture); an "Unmute" control shows.
 *
 * @fires {CustomEvent<ConnectionStateDetail>} connection-state-change - `{ state, previousState, reason? }`.
 * @fires {CustomEvent<RemoteUserDetail>} user-joined - `{ uid }`: a user joined the channel.
 * @fires {CustomEvent<RemoteUserDetail>} user-left - `{ uid, reason? }`.
 * @fires {CustomEvent<RemoteUserDetail>} user-published - `{ uid, mediaType }`, once subscribed.
 * @fires {CustomEvent<RemoteUserDetail>} user-unpublished - `{ uid, mediaType }`.
 * @fires {CustomEvent<NetworkQualityDetail>} network-quality - `{ uplink, downlink }`, the SDK's last-mile quality
 *   every 2 s once joined (0 unknown, 1 excellent … 6 down). Tiles narrower than 320 px get a host's low stream when
 *   the host publishes one (`dual-stream`), wider ones its high stream.
 * @fires {CustomEvent<RelayErrorDetail>} agora-relay-error - `{ code, message, operation, channelName? }`: every
 *   failure, bad input included.
 *
 * @slot - `<agora-relay-label uid="…">Name</agora-relay-label>` children name hosts by uid (not rendered as such).
 *
 * @csspart remotes - The grid of host tiles.
 * @csspart remote - One host's tile.
 * @csspart label - A tile's visible label (default: the uid).
 * @csspart placeholder - What an audio-only host's tile shows instead of video.
 * @csspart status - The status line (`role="status"`): connecting, live, waiting, or an error and what to do.
 * @csspart unmute - The button that starts sound (shown when muted, or when the browser blocked autoplay).
 *
 * @cssprop --agora-relay-gap - Space between tiles (default 8px).
 * @cssprop --agora-relay-tile-width - Minimum width of a tile (default 240px).
 * @cssprop --agora-relay-tile-background - Background of a tile (default #111).
 */
export class AgoraRelayAudience extends LitElement {
  // The rest of the styles come with the view (audience-view.ts), loaded on first use.
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  static override properties: PropertyDeclarations = {
    appId: { attribute: 'app-id' },
    channelName: { attribute: 'channel-name' },
    uid: {},
    token: {},
    tokenUrl: { attribute: 'token-url' },
    latency: {},
    muted: { type: Boolean, reflect: true },
    tokenProvider: { attribute: false },
    client: { attribute: false },
    sdk: { attribute: false },
  };

  /** Join with this App ID (required unless `client` is given). */
  appId: string | undefined;

  /** The channel to watch (required). */
  channelName = '';

  /** The uid to join with; default: assigned by Agora. */
  uid: string | number | undefined;

  /** The join token. Read from the attribute or set as a property; never reflected. */
  token: string | undefined;

  /** Fetch the join token from this endpoint (`purpose=join`); renewed before it expires. */
  tokenUrl: string | undefined;

  /** `low` (default) or `ultra-low`. */
  latency: string | undefined;

  /** Start with the hosts' audio muted. */
  muted = false;

  /** `async ({ channelName, uid, purpose }) => token`; preferred over `token-url`. */
  tokenProvider: TokenProvider | null = null;

  /** Bring your own `IAgoraRTCClient` (joined, or joining, as audience): followed, never joined or left. */
  client: AudienceClient | null = null;

  /** The AgoraRTC namespace to use; default: `window.AgoraRTC`, else loaded lazily from `agora-rtc-sdk-ng`. */
  sdk: AudienceSdk | null = null;

  readonly #internals = new LazyInternals(this, controller, (module): AudienceController => new module.AudienceController(this));

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

  protected override updated(changed: PropertyValues<this>): void {
    this.#internals.value?.updated(changed.has('muted'));
  }

  protected override render() {
    return (
      this.#internals.value?.render() ??
      // The catalogue is in the chunk: these words are the only ones the entry carries.
      html`<p part="status" role="status" aria-live="polite">
        ${this.#internals.failed ? 'Could not load the player: keep the chunks/ folder next to the script.' : 'Loading…'}
      </p>`
    );
  }
}
