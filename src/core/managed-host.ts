// Managed mode: the host makes its own live-mode client, joins as a host, publishes microphone and camera, follows
// the channel's remote users (the co-hosts relayed in), renews its join token, and leaves when closed. Loaded
// lazily: a page that brings its own client never downloads this module.
import { loadAgoraRTC, type SdkImporter } from './load-sdk.js';
import { TypedEventTarget } from './typed-event-target.js';
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { ConnectionState, LocalTrack, ManagedClient, ManagedSdk, RemoteUser, RetryConfig } from './sdk-types.js';
import { requestToken, type TokenProvider } from './tokens.js';
import { checkChannelName, parseUid } from './validation.js';
import { withinLimit } from './within-limit.js';

/** Bounded retries (reference §3.5): without them an offline join never settles; with them it fails in ~1.5 s. */
export const BOUNDED_RETRIES: RetryConfig = { timeout: 500, timeoutFactor: 1.5, maxRetryCount: 2, maxRetryTimeout: 2000 };

/** Our own limit for a join the gateway never answers (protocol reference §3: the SDK would wait forever). */
export const JOIN_TIMEOUT_MS = 10_000;

/** How long removal waits on `unpublish`, then on `leave`, before going on (the SDK may never answer either). */
export const UNPUBLISH_WAIT_MS = 1000;
export const LEAVE_WAIT_MS = 3000;

export interface ManagedHostOptions {
  appId: string;
  channelName: string;
  joinUid?: number | string | null;
  joinToken?: string | null;
  tokenProvider?: TokenProvider | null;
  sdk?: ManagedSdk | null;
  importSdk?: SdkImporter;
  joinTimeoutMs?: number;
}

export interface ConnectionStateDetail {
  state: ConnectionState;
  previousState: ConnectionState;
  reason?: string;
}

export interface RemoteUserDetail {
  uid: number | string;
  mediaType?: 'audio' | 'video';
  reason?: string;
}

export interface ManagedHostEventMap {
  'connection-state-change': CustomEvent<ConnectionStateDetail>;
  'user-joined': CustomEvent<RemoteUserDetail>;
  'user-left': CustomEvent<RemoteUserDetail>;
  'user-published': CustomEvent<RemoteUserDetail>;
  'user-unpublished': CustomEvent<RemoteUserDetail>;
  'agora-relay-error': CustomEvent<RelayErrorDetail>;
  /** The local tracks or the remote users changed: what a view shows must be drawn again. */
  'media-change': CustomEvent<void>;
}

class Closed extends Error {}

export class ManagedHost extends TypedEventTarget<ManagedHostEventMap> {
  readonly #options: ManagedHostOptions;
  #client: ManagedClient | null = null;
  #tracks: LocalTrack[] = [];
  #audio: LocalTrack | undefined;
  #video: LocalTrack | undefined;
  #closed = false;
  #unlisten: (() => void) | undefined;

  constructor(options: ManagedHostOptions) {
    super();
    this.#options = { ...options };
  }

  /** The client, once created (joined or joining). */
  get client(): ManagedClient | null {
    return this.#client;
  }

  get localVideoTrack(): LocalTrack | undefined {
    return this.#video;
  }

  get localAudioTrack(): LocalTrack | undefined {
    return this.#audio;
  }

  get remoteUsers(): readonly RemoteUser[] {
    return this.#client?.remoteUsers ?? [];
  }

  /**
   * Joins and publishes. Resolves true once published, false when it could not (each failure is an
   * `agora-relay-error` event); never rejects.
   */
  async connect(): Promise<boolean> {
    try {
      this.#validate();
      const client = await this.#createClient();
      await this.#join(client);
      return await this.#publish(client);
    } catch (error) {
      if (!(error instanceof Closed)) {
        const { channelName } = this.#options;
        const detail = fromSdkError(error, 'join', 'Could not join the channel.');
        const hint = detail.code === 'NETWORK_ERROR' ? ' (Agora could not be reached from here)' : '';
        this.#report({ ...detail, channelName, message: `Could not join "${channelName}": ${detail.message}${hint}` });
      }
      return false;
    }
  }

  /** Closes the camera and microphone at once: local, so it cannot hang on the SDK. Idempotent. */
  releaseMedia(): void {
    const tracks = this.#tracks;
    this.#tracks = [];
    this.#audio = this.#video = undefined;
    for (const track of tracks) track.close();
    if (tracks.length > 0) this.emit('media-change', undefined);
  }

  /**
   * Closes the tracks first, then unpublishes and leaves, each wait bounded (an SDK call may never settle), and
   * reports what did not answer. Never rejects.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const client = this.#client;
    const published = client?.localTracks.length ?? 0;
    this.releaseMedia();
    if (client && published > 0 && client.connectionState === 'CONNECTED') {
      // leave() unpublishes as well: an unpublish that does not answer only delays the leave a little.
      await withinLimit(client.unpublish(), UNPUBLISH_WAIT_MS);
    }
    if (client) {
      const outcome = await withinLimit(client.leave(), LEAVE_WAIT_MS);
      if (outcome === 'timeout') {
        this.#report({ code: 'TIMEOUT', message: `Leaving got no answer within ${LEAVE_WAIT_MS / 1000} s.`, operation: 'leave' });
      } else if (!outcome.done) {
        this.#report(fromSdkError(outcome.error, 'leave', 'Could not leave.'));
      }
    }
    this.#unlisten?.();
    this.#unlisten = undefined;
    this.emit('media-change', undefined);
  }

  async #createClient(): Promise<ManagedClient> {
    let sdk: ManagedSdk;
    try {
      sdk = await loadAgoraRTC<ManagedSdk>(this.#options.sdk, this.#options.importSdk);
    } catch (error) {
      this.#report({ code: 'SDK_LOAD_FAILED', message: (error as Error).message, operation: 'load' });
      throw new Closed();
    }
    this.#check();
    const client = sdk.createClient({
      mode: 'live',
      codec: 'vp8',
      httpRetryConfig: BOUNDED_RETRIES,
      websocketRetryConfig: BOUNDED_RETRIES,
    });
    this.#client = client;
    this.#unlisten = this.#listen(client);
    await client.setClientRole('host');
    return client;
  }

  async #join(client: ManagedClient): Promise<void> {
    const { appId, channelName } = this.#options;
    const token = await this.#joinToken();
    // Agora reads a string uid as a user account: an attribute's digits must become a number first.
    const joinUid = this.#joinUid();
    this.#check();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = this.#options.joinTimeoutMs ?? JOIN_TIMEOUT_MS;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limit);
    });
    const join = client.join(appId, channelName, token, joinUid);
    // The join may still reject after we stopped waiting (leave() aborts it): that rejection is expected.
    join.catch(() => undefined);
    try {
      const outcome = await Promise.race([join, timeout]);
      if (outcome === 'timeout') {
        await client.leave().catch(() => undefined);
        this.#report({
          code: 'TIMEOUT',
          message: `Joining "${channelName}" got no answer within ${limit / 1000} s; Agora may be unreachable from here.`,
          operation: 'join',
        });
        throw new Closed();
      }
    } catch (error) {
      if (this.#closed || error instanceof Closed) throw new Closed();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    this.#check();
  }

  /** The uid to join with: null lets Agora assign one. */
  #joinUid(): number | null {
    const { joinUid } = this.#options;
    if (joinUid === undefined || joinUid === null || joinUid === '') return null;
    return parseUid('join-uid', joinUid) as number;
  }

  /** Refuses what would only fail later inside the SDK, with a message that names the attribute. */
  #validate(): void {
    const { appId, channelName, joinUid } = this.#options;
    const issue =
      checkChannelName('channel-name', channelName) ??
      (joinUid === undefined || joinUid === null || joinUid === '' ? undefined : parseUid('join-uid', joinUid));
    const problem =
      typeof issue === 'object' ? issue : !appId ? { code: 'INVALID_PARAMS', message: 'app-id is required.' } : undefined;
    if (!problem) return;
    this.#report({ code: problem.code, message: problem.message, operation: 'validate' });
    throw new Closed();
  }

  async #joinToken(): Promise<string | null> {
    const { joinToken, tokenProvider, channelName } = this.#options;
    if (joinToken) return joinToken;
    if (!tokenProvider) return null;
    const uid = this.#joinUid() ?? 0;
    try {
      return await requestToken(tokenProvider, { channelName, uid, purpose: 'join' });
    } catch (error) {
      this.#report({ code: 'TOKEN_FETCH_FAILED', message: (error as Error).message, operation: 'token', channelName });
      throw new Closed();
    }
  }

  async #publish(client: ManagedClient): Promise<boolean> {
    const sdk = (await loadAgoraRTC<ManagedSdk>(this.#options.sdk, this.#options.importSdk)) as ManagedSdk;
    const device = async (what: string, create: () => Promise<LocalTrack>) => {
      try {
        return await create();
      } catch (error) {
        const detail = fromSdkError(error, 'publish', `The ${what} could not be used.`);
        this.#report({ ...detail, message: `The ${what} could not be used: ${detail.message}` });
        return undefined;
      }
    };
    // Held locally until we know we are still wanted: close() may run while a device opens, and a track it
    // cannot see would stay open (the microphone left on).
    const audio = await device('microphone', () => sdk.createMicrophoneAudioTrack());
    const video = await device('camera', () => sdk.createCameraVideoTrack());
    const tracks = [audio, video].filter((track): track is LocalTrack => !!track);
    if (this.#closed) {
      for (const track of tracks) track.close();
      throw new Closed();
    }
    this.#audio = audio;
    this.#video = video;
    this.#tracks = tracks;
    this.emit('media-change', undefined);
    if (this.#tracks.length === 0) return false;
    try {
      await client.publish(this.#tracks);
    } catch (error) {
      if (this.#closed) throw new Closed();
      this.#report(fromSdkError(error, 'publish', 'Could not publish.'));
      return false;
    }
    this.#check();
    return true;
  }

  #check(): void {
    if (this.#closed) throw new Closed();
  }

  #listen(client: ManagedClient): () => void {
    const handlers: [string, (...args: never[]) => void][] = [
      [
        'connection-state-change',
        (state: ConnectionState, previousState: ConnectionState, reason?: string) => {
          this.emit('connection-state-change', reason ? { state, previousState, reason } : { state, previousState });
        },
      ],
      ['user-joined', (user: RemoteUser) => this.emit('user-joined', { uid: user.uid })],
      [
        'user-left',
        (user: RemoteUser, reason?: string) => {
          this.emit('user-left', reason ? { uid: user.uid, reason } : { uid: user.uid });
          this.emit('media-change', undefined);
        },
      ],
      [
        'user-published',
        (user: RemoteUser, mediaType: 'audio' | 'video') => {
          void this.#subscribe(client, user, mediaType);
        },
      ],
      [
        'user-unpublished',
        (user: RemoteUser, mediaType: 'audio' | 'video') => {
          this.emit('user-unpublished', { uid: user.uid, mediaType });
          this.emit('media-change', undefined);
        },
      ],
      ['token-privilege-will-expire', () => void this.#renewJoinToken(client)],
      [
        'token-privilege-did-expire',
        () =>
          this.#report({
            code: 'TOKEN_EXPIRE',
            message: 'The join token expired and the client left the channel; give a new join-token or a token source.',
            operation: 'join',
          }),
      ],
    ];
    for (const [event, handler] of handlers) client.on(event, handler);
    return () => {
      for (const [event, handler] of handlers) client.off(event, handler);
    };
  }

  async #subscribe(client: ManagedClient, user: RemoteUser, mediaType: 'audio' | 'video'): Promise<void> {
    try {
      await client.subscribe(user, mediaType);
    } catch (error) {
      if (!this.#closed) this.#report(fromSdkError(error, 'join', `Could not subscribe to user ${user.uid}.`));
      return;
    }
    if (this.#closed) return;
    // Co-hosts must hear each other: remote audio plays as soon as it arrives (video needs a view).
    if (mediaType === 'audio') user.audioTrack?.play();
    this.emit('user-published', { uid: user.uid, mediaType });
    this.emit('media-change', undefined);
  }

  async #renewJoinToken(client: ManagedClient): Promise<void> {
    const { tokenProvider, channelName } = this.#options;
    if (!tokenProvider || this.#closed) return;
    const uid = this.#joinUid() ?? 0;
    try {
      const token = await requestToken(tokenProvider, { channelName, uid, purpose: 'join' });
      await client.renewToken(token);
    } catch (error) {
      const detail = fromSdkError(error, 'token', 'Could not renew the join token.');
      this.#report({ ...detail, code: detail.code === 'UNEXPECTED_ERROR' ? 'TOKEN_FETCH_FAILED' : detail.code });
    }
  }

  #report(error: RelayErrorDetail): void {
    this.emit('agora-relay-error', { ...error });
  }
}
