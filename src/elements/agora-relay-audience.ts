import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { AudienceClient, AudienceSdk } from '../core/audience-viewer.js';
import { tokenUrlProvider, type TokenProvider } from '../core/tokens.js';
import type * as LazyModule from './audience-view.js';
import type { AudienceView } from './audience-view.js';
import { CLIENT_EVENTS, emit } from './events.js';

type LazyAudience = typeof LazyModule;

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

  /** Join with this App ID (required unless `client` is given). */
  @property({ attribute: 'app-id' }) appId: string | undefined;

  /** The channel to watch (required). */
  @property({ attribute: 'channel-name' }) channelName = '';

  /** The uid to join with; default: assigned by Agora. */
  @property() uid: string | number | undefined;

  /** The join token. Read from the attribute or set as a property; never reflected. */
  @property() token: string | undefined;

  /** Fetch the join token from this endpoint (`purpose=join`); renewed before it expires. */
  @property({ attribute: 'token-url' }) tokenUrl: string | undefined;

  /** `low` (default) or `ultra-low`. */
  @property() latency: string | undefined;

  /** Start with the hosts' audio muted. */
  @property({ type: Boolean, reflect: true }) muted = false;

  /** `async ({ channelName, uid, purpose }) => token`; preferred over `token-url`. */
  @property({ attribute: false }) tokenProvider: TokenProvider | null = null;

  /** Bring your own `IAgoraRTCClient` (joined, or joining, as audience): followed, never joined or left. */
  @property({ attribute: false }) client: AudienceClient | null = null;

  /** The AgoraRTC namespace to use; default: `window.AgoraRTC`, else loaded lazily from `agora-rtc-sdk-ng`. */
  @property({ attribute: false }) sdk: AudienceSdk | null = null;

  #view: AudienceView | undefined;
  #loadFailed = false;
  #key = '';
  /** Counts the starts asked for: a start that waited on the module while another was asked for gives way to it. */
  #generation = 0;
  #connected = false;
  #urlProvider: { url: string; provider: TokenProvider } | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connected = true;
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connected = false;
    // A move (disconnected, then connected again in the same task) is not a removal.
    queueMicrotask(() => {
      if (this.#connected) return;
      this.#key = '';
      this.#generation += 1;
      void this.#stop();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('muted')) this.#view?.viewer.setMuted(this.muted);
    this.#sync();
    this.#view?.rendered();
  }

  protected override render() {
    return (
      this.#view?.render() ??
      html`<p part="status" role="status" aria-live="polite">
        ${this.#loadFailed ? 'Could not load the player: keep the chunks/ folder next to the script.' : 'Loading…'}
      </p>`
    );
  }

  /** What the running viewer was started with. */
  #started: { provider: TokenProvider | null; sdk: AudienceSdk | null; client: AudienceClient | null; token?: string } =
    { provider: null, sdk: null, client: null };

  /** Starts (or starts again) when what it joins with changes; a new token alone is a renewal, not a new join. */
  #sync(): void {
    const provider = this.#tokenProvider();
    const key = this.#connected
      ? JSON.stringify([this.appId, this.channelName, this.uid, this.tokenUrl, this.latency])
      : '';
    const started = this.#started;
    const same = key === this.#key && started.provider === provider && started.sdk === this.sdk && started.client === this.client;
    if (same && (this.token === started.token || !key)) return;
    const viewer = this.#view?.viewer;
    if (same && this.token && viewer?.status.phase === 'live') {
      started.token = this.token;
      void viewer.renewToken(this.token);
      return;
    }
    this.#key = key;
    this.#started = { provider, sdk: this.sdk, client: this.client, token: this.token };
    const generation = ++this.#generation;
    void this.#stop().then(() => (key && generation === this.#generation ? this.#start(generation) : undefined));
  }

  async #start(generation: number): Promise<void> {
    // Loaded on first use: a page without an audience never downloads the viewer (nor the SDK).
    let lazy: LazyAudience;
    try {
      lazy = await import('./audience-view.js');
    } catch (error) {
      // The catalogue is in the chunk that failed: these words are the only ones the entry carries.
      this.#loadFailed = true;
      this.requestUpdate();
      emit(this, 'agora-relay-error', {
        code: 'SDK_LOAD_FAILED',
        message: `Could not load the audience module: ${(error as Error).message}`,
        operation: 'load',
      });
      return;
    }
    if (generation !== this.#generation) return;
    const viewer = new lazy.AudienceViewer({
      appId: this.appId ?? null,
      channelName: this.channelName || null,
      uid: this.uid ?? null,
      token: this.token ?? null,
      tokenProvider: this.#tokenProvider(),
      latency: this.latency ?? null,
      muted: this.muted,
      client: this.client,
      sdk: this.sdk,
    });
    for (const type of CLIENT_EVENTS) {
      viewer.addEventListener(type, (event: CustomEvent) => emit(this, type, event.detail));
    }
    viewer.addEventListener('agora-relay-error', (event) => emit(this, 'agora-relay-error', event.detail));
    viewer.addEventListener('change', () => this.requestUpdate());
    this.#view = new lazy.AudienceView(this, viewer);
    this.requestUpdate();
    await viewer.connect();
  }

  async #stop(): Promise<void> {
    const view = this.#view;
    if (!view) return;
    this.#view = undefined;
    view.close();
    await view.viewer.close();
    this.requestUpdate();
  }

  #tokenProvider(): TokenProvider | null {
    if (this.tokenProvider) return this.tokenProvider;
    if (!this.tokenUrl) return null;
    if (this.#urlProvider?.url !== this.tokenUrl) {
      this.#urlProvider = { url: this.tokenUrl, provider: tokenUrlProvider(this.tokenUrl) };
    }
    return this.#urlProvider.provider;
  }
}
