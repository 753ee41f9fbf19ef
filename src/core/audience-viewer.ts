// The audience: a live-mode client in the `audience` role that joins a channel, subscribes to every host that
// publishes there (the channel's own and those relayed in from other channels), plays their audio, keeps the list of
// hosts a view shows, renews its join token, and leaves when closed. Framework-free; loaded lazily by
// <agora-relay-audience>, so a page without an audience never downloads it.
import { watchAutoplay, markResumed } from './autoplay.js';
import { audienceStatus, phaseOf } from './audience-status.js';
import {
  AUDIENCE_JOIN_TIMEOUT_MS,
  audienceLevel,
  checkAudienceInput,
  checkSdkVersion,
  LEAVE_TIMEOUT_MS,
  TIMED_OUT,
  within,
} from './audience-support.js';
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
import { loadAgoraRTC } from './load-sdk.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { ConnectionState, RemoteUser } from './sdk-types.js';
import { requestToken } from './tokens.js';
import { TypedEventTarget } from './typed-event-target.js';

export { AUDIENCE_JOIN_TIMEOUT_MS, LEAVE_TIMEOUT_MS } from './audience-support.js';
export * from './audience-types.js';
export { describeError, describeStatus, ERROR_MESSAGES, STATUS_MESSAGES } from './messages.js';

class Stop extends Error {}

export class AudienceViewer extends TypedEventTarget<AudienceEventMap> {
  readonly #options: AudienceOptions;
  #client: AudienceClient | null = null;
  #sdk: AudienceSdk | null = null;
  #phase: AudiencePhase = 'loading';
  #failure: RelayErrorDetail | undefined;
  #warning: RelayErrorDetail | undefined;
  #muted: boolean;
  #blocked = false;
  #closed = false;
  #disposers: (() => void)[] = [];
  /** Remote users we subscribed to, per media. */
  #subscribed = new Map<number | string, Set<'audio' | 'video'>>();
  #joinedUid: number | null = null;

  constructor(options: AudienceOptions) {
    super();
    this.#options = { ...options };
    this.#muted = !!options.muted;
  }

  get client(): AudienceClient | null {
    return this.#client;
  }

  /** Hosts that publish and that we subscribed to, in the order they published. */
  get hosts(): AudienceHost[] {
    const users = this.#client?.remoteUsers ?? [];
    return users
      .filter((user) => this.#subscribed.get(user.uid)?.size)
      .map((user) => {
        const media = this.#subscribed.get(user.uid) as Set<'audio' | 'video'>;
        const hasVideo = media.has('video') && user.hasVideo;
        const host: AudienceHost = { uid: user.uid, hasAudio: media.has('audio') && user.hasAudio, hasVideo };
        if (hasVideo && user.videoTrack) host.videoTrack = user.videoTrack;
        return host;
      })
      .filter((host) => host.hasAudio || host.hasVideo);
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

  /**
   * Joins (or, with a page's client, follows it) and subscribes. Resolves true once joined, false when it could not
   * (each failure is an `agora-relay-error` event and the status); never rejects.
   */
  async connect(): Promise<boolean> {
    try {
      const own = !this.#options.client;
      const uid = this.#validate(own);
      const sdk = await this.#loadSdk(own);
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
      this.#check();
      this.#setPhase('connecting');
      await this.#join(client, uid);
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
    for (const user of client?.remoteUsers ?? []) {
      if (this.#subscribed.get(user.uid)?.has('audio')) user.audioTrack?.stop();
    }
    this.#subscribed.clear();
    for (const dispose of this.#disposers.splice(0)) dispose();
    if (client && own) await this.#leave(client);
    this.#phase = 'closed';
    this.emit('change', undefined);
  }

  /** Mutes or unmutes the hosts' audio on this page. */
  setMuted(muted: boolean): void {
    if (this.#muted === muted) return;
    this.#muted = muted;
    for (const user of this.#client?.remoteUsers ?? []) {
      if (!this.#subscribed.get(user.uid)?.has('audio')) continue;
      if (muted) user.audioTrack?.stop();
      else this.#playAudio(user);
    }
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
      this.#warning = undefined;
      this.emit('change', undefined);
    } catch (error) {
      this.#warn(fromSdkError(error, 'token', 'Could not renew the join token.'));
    }
  }

  // ---- joining --------------------------------------------------------------------------------------------------

  /** The uid to join with (null: Agora assigns one), or a reported validation failure. */
  #validate(own: boolean): number | null {
    const checked = checkAudienceInput(this.#options, own);
    if ('code' in checked) {
      this.#fail({ code: checked.code, message: checked.message, operation: 'validate' });
      throw new Stop();
    }
    return checked.uid;
  }

  async #loadSdk(own: boolean): Promise<AudienceSdk | null> {
    const given = this.#options.sdk ?? null;
    if (!own && !given) return null;
    let sdk: AudienceSdk;
    try {
      sdk = await loadAgoraRTC(given as never, this.#options.importSdk);
    } catch (error) {
      this.#fail({ code: 'SDK_LOAD_FAILED', message: (error as Error).message, operation: 'load' });
      throw new Stop();
    }
    this.#check();
    const tooOld = checkSdkVersion(sdk.VERSION);
    if (tooOld) {
      this.#fail({ code: 'SDK_VERSION_UNSUPPORTED', message: tooOld, operation: 'load' });
      throw new Stop();
    }
    this.#sdk = sdk;
    return sdk;
  }

  async #join(client: AudienceClient, uid: number | null): Promise<void> {
    const appId = this.#options.appId as string;
    const channelName = this.#options.channelName as string;
    const token = await this.#joinToken(uid ?? 0);
    this.#check();
    this.#joinedUid = uid;
    const limit = this.#options.joinTimeoutMs ?? AUDIENCE_JOIN_TIMEOUT_MS;
    let outcome: unknown;
    try {
      outcome = await within(client.join(appId, channelName, token, uid), limit);
    } catch (error) {
      if (this.#closed) throw new Stop();
      throw error;
    }
    if (outcome === TIMED_OUT) {
      await this.#leave(client);
      this.#fail({
        code: 'TIMEOUT',
        message: `Joining "${channelName}" got no answer within ${limit / 1000} s; Agora may be unreachable from here.`,
        operation: 'join',
        channelName,
      });
      throw new Stop();
    }
    this.#check();
  }

  async #joinToken(uid: number): Promise<string | null> {
    const { token, tokenProvider } = this.#options;
    const channelName = this.#options.channelName as string;
    if (token) return token;
    if (!tokenProvider) return null;
    try {
      return await requestToken(tokenProvider, { channelName, uid, purpose: 'join' });
    } catch (error) {
      this.#fail({ code: 'TOKEN_FETCH_FAILED', message: (error as Error).message, operation: 'token', channelName });
      throw new Stop();
    }
  }

  /** A bounded leave: one that never answers is reported and let go, so closing never hangs. */
  async #leave(client: AudienceClient): Promise<void> {
    const limit = this.#options.leaveTimeoutMs ?? LEAVE_TIMEOUT_MS;
    const outcome = await within(client.leave(), limit).catch((error: unknown) => {
      this.#report(fromSdkError(error, 'leave', 'Could not leave.'));
    });
    if (outcome === TIMED_OUT) {
      this.#report({
        code: 'TIMEOUT',
        message: `Leaving "${this.#options.channelName ?? ''}" got no answer within ${limit / 1000} s; stopped waiting.`,
        operation: 'leave',
      });
    }
  }

  /** A page's client: follow it as it is now and from now on. */
  #follow(client: AudienceClient): boolean {
    this.#client = client;
    this.#disposers.push(this.#listen(client, false));
    this.#setPhase(phaseOf(client.connectionState) ?? 'connecting');
    for (const user of client.remoteUsers) {
      if (user.hasAudio) void this.#subscribe(client, user, 'audio');
      if (user.hasVideo) void this.#subscribe(client, user, 'video');
    }
    return client.connectionState === 'CONNECTED';
  }

  // ---- following the channel -------------------------------------------------------------------------------------

  #listen(client: AudienceClient, own: boolean): () => void {
    const handlers: [string, (...args: never[]) => void][] = [
      [
        'connection-state-change',
        (state: ConnectionState, previousState: ConnectionState, reason?: string) => {
          this.emit('connection-state-change', reason ? { state, previousState, reason } : { state, previousState });
          this.#onConnection(state, reason);
        },
      ],
      ['user-joined', (user: RemoteUser) => this.emit('user-joined', { uid: user.uid })],
      [
        'user-left',
        (user: RemoteUser, reason?: string) => {
          this.#subscribed.delete(user.uid);
          this.emit('user-left', reason ? { uid: user.uid, reason } : { uid: user.uid });
          this.emit('change', undefined);
        },
      ],
      ['user-published', (user: RemoteUser, mediaType: 'audio' | 'video') => void this.#subscribe(client, user, mediaType)],
      [
        'user-unpublished',
        (user: RemoteUser, mediaType: 'audio' | 'video') => {
          this.#subscribed.get(user.uid)?.delete(mediaType);
          this.emit('user-unpublished', { uid: user.uid, mediaType });
          this.emit('change', undefined);
        },
      ],
    ];
    if (own) {
      handlers.push(
        ['token-privilege-will-expire', () => void this.#renewJoinToken(client)],
        [
          'token-privilege-did-expire',
          () =>
            this.#fail({
              code: 'TOKEN_EXPIRE',
              message: 'The join token expired and the client left the channel; give a new token or a token-url.',
              operation: 'join',
            }),
        ],
      );
    }
    for (const [event, handler] of handlers) client.on(event, handler);
    return () => {
      for (const [event, handler] of handlers) client.off(event, handler);
    };
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

  async #subscribe(client: AudienceClient, user: RemoteUser, mediaType: 'audio' | 'video'): Promise<void> {
    try {
      await client.subscribe(user, mediaType);
    } catch (error) {
      if (!this.#closed) this.#warn(fromSdkError(error, 'join', `Could not subscribe to host ${user.uid}.`));
      return;
    }
    if (this.#closed) return;
    const media = this.#subscribed.get(user.uid) ?? new Set();
    media.add(mediaType);
    this.#subscribed.set(user.uid, media);
    if (mediaType === 'audio' && !this.#muted) this.#playAudio(user);
    this.emit('user-published', { uid: user.uid, mediaType });
    this.emit('change', undefined);
  }

  #playAudio(user: RemoteUser): void {
    try {
      // The SDK reports a refusal through onAutoplayFailed (watched in autoplay.ts), not by throwing.
      user.audioTrack?.play();
    } catch (error) {
      this.#warn(fromSdkError(error, 'join', `Could not play host ${user.uid}'s audio.`));
    }
  }

  /** After a gesture: every host's audio again (video is the view's to play). */
  #replay(): void {
    this.#setBlocked(false);
    if (this.#muted || this.#closed) return;
    for (const user of this.#client?.remoteUsers ?? []) {
      if (this.#subscribed.get(user.uid)?.has('audio')) this.#playAudio(user);
    }
  }

  async #renewJoinToken(client: AudienceClient): Promise<void> {
    const { tokenProvider } = this.#options;
    const channelName = this.#options.channelName as string;
    if (!tokenProvider || this.#closed) return;
    try {
      const token = await requestToken(tokenProvider, { channelName, uid: this.#joinedUid ?? 0, purpose: 'join' });
      await client.renewToken(token);
      this.#warning = undefined;
      this.emit('change', undefined);
    } catch (error) {
      const detail = fromSdkError(error, 'token', 'Could not renew the join token.');
      this.#warn({ ...detail, code: detail.code === 'UNEXPECTED_ERROR' ? 'TOKEN_FETCH_FAILED' : detail.code, channelName });
    }
  }

  // ---- state and reporting -----------------------------------------------------------------------------------

  #check(): void {
    if (this.#closed) throw new Stop();
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

  /** For the view: which SDK namespace joined (autoplay and tests). */
  get sdk(): AudienceSdk | null {
    return this.#sdk;
  }
}
