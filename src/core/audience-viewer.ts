// The audience: a live-mode client in the `audience` role that joins a channel, subscribes to every host that
// publishes there (the channel's own and those relayed in from other channels), plays their audio, keeps the list of
// hosts a view shows, renews its join token, and leaves when closed. Framework-free; loaded lazily by
// <agora-relay-audience>, so a page without an audience never downloads it.
//
// This file holds the viewer's state, its lifecycle and its answers to the channel's events; the steps of joining and
// leaving are in audience-joining.ts, the hosts it follows and their sound in audience-hosts.ts.
import { watchAutoplay, markResumed } from './autoplay.js';
import { FollowedHosts } from './audience-hosts.js';
import type { AudienceContext } from './audience-context.js';
import {
  joinToken,
  joinWithin,
  leaveWithin,
  loadAudienceSdk,
  renewFromProvider,
  Stop,
  stopIfClosed,
  validateAudience,
} from './audience-joining.js';
import { listenToClient } from './audience-listeners.js';
import { audienceStatus, phaseOf } from './audience-status.js';
import { audienceLevel } from './audience-support.js';
import {
  AUDIENCE_RETRIES,
  type AudienceClient,
  type AudienceEventMap,
  type AudienceHost,
  type AudienceOptions,
  type AudiencePhase,
  type AudienceSdk,
  type AudienceStatus,
} from './audience-types.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { ConnectionState, RemoteUser } from './sdk-types.js';
import { TypedEventTarget } from './typed-event-target.js';

export { AUDIENCE_JOIN_TIMEOUT_MS, LEAVE_TIMEOUT_MS } from './audience-support.js';
export * from './audience-types.js';
export { describeError, describeStatus, ERROR_MESSAGES, STATUS_MESSAGES } from './messages.js';

export class AudienceViewer extends TypedEventTarget<AudienceEventMap> {
  readonly #options: AudienceOptions;
  readonly #context: AudienceContext;
  #client: AudienceClient | null = null;
  #sdk: AudienceSdk | null = null;
  #phase: AudiencePhase = 'loading';
  #failure: RelayErrorDetail | undefined;
  #warning: RelayErrorDetail | undefined;
  #muted: boolean;
  #blocked = false;
  #closed = false;
  #disposers: (() => void)[] = [];
  readonly #hosts: FollowedHosts;
  #joinedUid: number | null = null;

  constructor(options: AudienceOptions) {
    super();
    this.#options = { ...options };
    this.#muted = !!options.muted;
    this.#context = {
      options: this.#options,
      isClosed: () => this.#closed,
      isMuted: () => this.#muted,
      fail: (error) => this.#fail(error),
      warn: (error) => this.#warn(error),
      report: (error) => this.#report(error),
      emit: (type, detail) => this.emit(type, detail),
    };
    this.#hosts = new FollowedHosts(this.#context);
  }

  get client(): AudienceClient | null {
    return this.#client;
  }

  /** Hosts that publish and that we subscribed to, in the order they published. */
  get hosts(): AudienceHost[] {
    return this.#hosts.among(this.#remoteUsers());
  }

  get muted(): boolean {
    return this.#muted;
  }

  /** The browser refused to start media, and no gesture has resumed it yet. */
  get autoplayBlocked(): boolean {
    return this.#blocked;
  }

  get status(): AudienceStatus {
    return audienceStatus({
      phase: this.#phase,
      error: this.#phase === 'failed' ? this.#failure : this.#warning,
      hosts: this.hosts.length,
      channel: this.#options.channelName ?? this.#client?.channelName ?? '',
      blocked: this.#blocked,
      muted: this.#muted,
    });
  }

  /** For the view: which SDK namespace joined (autoplay and tests). */
  get sdk(): AudienceSdk | null {
    return this.#sdk;
  }

  /**
   * Joins (or, with a page's client, follows it) and subscribes. Resolves true once joined, false when it could not
   * (each failure is an `agora-relay-error` event and the status); never rejects.
   */
  async connect(): Promise<boolean> {
    try {
      const own = !this.#options.client;
      const uid = validateAudience(this.#context, own);
      const sdk = await loadAudienceSdk(this.#context, own);
      this.#sdk = sdk;
      // A page's own client and no sdk: the page's window.AgoraRTC, if any, is the namespace that reports refusals.
      const reporter = sdk ?? ((globalThis as { AgoraRTC?: AudienceSdk }).AgoraRTC || null);
      this.#disposers.push(
        watchAutoplay(reporter, {
          refused: () => this.#setBlocked(true),
          resumed: () => this.#replay(),
        }),
      );
      if (!own) return this.#follow(this.#options.client as AudienceClient);
      const client = (sdk as AudienceSdk).createClient({
        mode: 'live',
        codec: 'vp8',
        httpRetryConfig: AUDIENCE_RETRIES,
        websocketRetryConfig: AUDIENCE_RETRIES,
      });
      this.#client = client;
      this.#disposers.push(this.#listen(client, true));
      await client.setClientRole('audience', { level: audienceLevel(this.#options.latency) });
      stopIfClosed(this.#context);
      this.#setPhase('connecting');
      const token = await joinToken(this.#context, uid ?? 0);
      stopIfClosed(this.#context);
      this.#joinedUid = uid;
      await joinWithin(this.#context, client, uid, token);
      this.#setPhase(client.connectionState === 'CONNECTED' ? 'live' : this.#phase);
      return true;
    } catch (error) {
      if (!(error instanceof Stop) && !this.#closed) {
        const channelName = this.#options.channelName ?? '';
        const detail = fromSdkError(error, 'join', 'Could not join the channel.');
        const hint = detail.code === 'NETWORK_ERROR' ? ' (Agora could not be reached from here)' : '';
        this.#fail({ ...detail, channelName, message: `Could not join "${channelName}": ${detail.message}${hint}` });
      }
      return false;
    }
  }

  /** Leaves (a client we made; a page's client is only let go), with a bounded wait. Never rejects. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const client = this.#client;
    const own = !this.#options.client;
    this.#hosts.stopAudio(this.#remoteUsers());
    this.#hosts.clear();
    for (const dispose of this.#disposers.splice(0)) dispose();
    if (client && own) await leaveWithin(this.#context, client);
    this.#phase = 'closed';
    this.emit('change', undefined);
  }

  /** Mutes or unmutes the hosts' audio on this page. */
  setMuted(muted: boolean): void {
    if (this.#muted === muted) return;
    this.#muted = muted;
    if (muted) this.#hosts.stopAudio(this.#remoteUsers());
    else this.#hosts.playAudio(this.#remoteUsers());
    this.emit('change', undefined);
  }

  /**
   * Called from a gesture (the unmute control): unmutes, starts every host's audio again and tells every other
   * embed on the page that media may start now.
   */
  resume(): void {
    this.#muted = false;
    markResumed();
    this.#replay();
  }

  /** Renews the join token in place (the page gave a new `token`). */
  async renewToken(token: string): Promise<void> {
    const client = this.#client;
    if (!client || this.#options.client || client.connectionState !== 'CONNECTED') return;
    try {
      await client.renewToken(token);
      this.#renewed();
    } catch (error) {
      this.#warn(fromSdkError(error, 'token', 'Could not renew the join token.'));
    }
  }

  /** A page's client: follow it as it is now and from now on. */
  #follow(client: AudienceClient): boolean {
    this.#client = client;
    this.#disposers.push(this.#listen(client, false));
    this.#setPhase(phaseOf(client.connectionState) ?? 'connecting');
    for (const user of client.remoteUsers) {
      if (user.hasAudio) void this.#hosts.subscribe(client, user, 'audio');
      if (user.hasVideo) void this.#hosts.subscribe(client, user, 'video');
    }
    return client.connectionState === 'CONNECTED';
  }

  #remoteUsers(): readonly RemoteUser[] {
    return this.#client?.remoteUsers ?? [];
  }

  // ---- following the channel -------------------------------------------------------------------------------------

  #listen(client: AudienceClient, own: boolean): () => void {
    return listenToClient(client, {
      connectionStateChange: (state, previousState, reason) => {
        this.emit('connection-state-change', reason ? { state, previousState, reason } : { state, previousState });
        this.#onConnection(state, reason);
      },
      userJoined: (user) => this.emit('user-joined', { uid: user.uid }),
      userLeft: (user, reason) => {
        this.#hosts.left(user.uid);
        this.emit('user-left', reason ? { uid: user.uid, reason } : { uid: user.uid });
        this.emit('change', undefined);
      },
      userPublished: (user, mediaType) => void this.#hosts.subscribe(client, user, mediaType),
      userUnpublished: (user, mediaType) => {
        this.#hosts.unpublished(user.uid, mediaType);
        this.emit('user-unpublished', { uid: user.uid, mediaType });
        this.emit('change', undefined);
      },
      // A page's own client is the page's to renew.
      ...(own && {
        tokenWillExpire: () =>
          void renewFromProvider(this.#context, client, this.#joinedUid).then((renewed) => renewed && this.#renewed()),
        tokenDidExpire: () =>
          this.#fail({
            code: 'TOKEN_EXPIRE',
            message: 'The join token expired and the client left the channel; give a new token or a token-url.',
            operation: 'join',
          }),
      }),
    });
  }

  #onConnection(state: ConnectionState, reason?: string): void {
    if (this.#closed) return;
    if (state === 'DISCONNECTED' && reason && reason !== 'LEAVE' && reason !== 'TOKEN_EXPIRE') {
      // Banned, or dropped by the server: the client is out of the channel.
      this.#fail({ code: reason, message: `The client was disconnected from the channel (${reason}).`, operation: 'join' });
      return;
    }
    const phase = phaseOf(state);
    if (phase && this.#phase !== 'failed') this.#setPhase(phase);
  }

  /** After a gesture: every host's audio again (video is the view's to play). */
  #replay(): void {
    this.#setBlocked(false);
    if (this.#muted || this.#closed) return;
    this.#hosts.playAudio(this.#remoteUsers());
  }

  // ---- state and reporting -----------------------------------------------------------------------------------

  /** The join token was renewed: the status drops the last warning. */
  #renewed(): void {
    this.#warning = undefined;
    this.emit('change', undefined);
  }

  #setPhase(phase: AudiencePhase): void {
    if (this.#phase === phase) return;
    this.#phase = phase;
    this.emit('change', undefined);
  }

  #setBlocked(blocked: boolean): void {
    if (this.#blocked === blocked) return;
    this.#blocked = blocked;
    this.emit('change', undefined);
  }

  /** A failure that ends the viewing: the status shows it until the element starts again. */
  #fail(error: RelayErrorDetail): void {
    this.#failure = error;
    this.#phase = 'failed';
    this.#report(error);
    this.emit('change', undefined);
  }

  /** A failure that does not end the viewing: shown until something succeeds. */
  #warn(error: RelayErrorDetail): void {
    this.#warning = error;
    this.#report(error);
    this.emit('change', undefined);
  }

  #report(error: RelayErrorDetail): void {
    this.emit('agora-relay-error', { ...error });
  }
}
