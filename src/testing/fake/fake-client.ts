// A client shaped like IAgoraRTCClient for what the elements use, behaving as agora-rtc-sdk-ng 4.24.8 does
// (reference agora-relay-sdk.md §3, §4; protocol reference §4; measured in test/contract). Controls: `client.fake`.
import type { RelayEvent, RelayState } from '../../core/relay-enums.js';
import type { ConnectionState } from '../../core/sdk-types.js';
import type { FakeAutoplay } from './autoplay.js';
import { CallPlan } from './call-plan.js';
import type { FakeClientControls, FakeRelayCall } from './client-controls.js';
import { MESSAGES, sdkError } from './errors.js';
import { FakeEventEmitter } from './event-emitter.js';
import { FakeLocalTrack } from './fake-tracks.js';
import type { FakeNetwork } from './network.js';
import type { ResolvedOptions } from './options.js';
import { FakeChannelMediaRelayConfiguration, snapshotConfig } from './relay-configuration.js';
import { FakeRelaySession } from './relay-session.js';
import type { RelayHost } from './relay-session.js';
import { FakeRemoteUser } from './remote-user.js';
import type { FakeMediaType } from './remote-user.js';
import { sleep } from './timing.js';
import { checkJoinArguments, checkNumber, checkOneOf, checkString } from './validation.js';

export interface FakeRetryConfig {
  timeout: number;
  timeoutFactor: number;
  maxRetryCount: number;
  maxRetryTimeout: number;
}

/** createClient's config, as far as the fake reads it. */
export interface FakeClientConfig {
  mode?: string;
  codec?: string;
  audioCodec?: string;
  role?: string;
  httpRetryConfig?: FakeRetryConfig;
  websocketRetryConfig?: FakeRetryConfig;
}

interface JoinInfo {
  appId: string;
  cname: string;
  uid: number | string;
  token: string | null;
}

let nextAssignedUid = 100001;

export class FakeClient extends FakeEventEmitter {
  /** The test controls of this client. */
  readonly fake: FakeClientControls;
  readonly mode: string;
  readonly codec: string;
  private currentRole: string;
  private roleOptions: { level?: number; delay?: number } | undefined;
  private state: ConnectionState = 'DISCONNECTED';
  private joinInfo: JoinInfo | undefined;
  private users: FakeRemoteUser[] = [];
  private published: FakeLocalTrack[] = [];
  private relay: FakeRelaySession | undefined;
  private readonly plan = new CallPlan();
  private readonly calls: FakeRelayCall[] = [];
  private inFlight = 0;
  private maxInFlight = 0;
  private joinGeneration = 0;
  /** A join is past the access point, waiting for the gateway's answer. */
  private joinAtGateway = false;
  /** Settles when the leave() under way has changed the connection state. */
  private leaving: Promise<void> = Promise.resolve();
  private joinAbort!: Promise<void>;
  private fireJoinAbort!: () => void;
  private readonly clientId = `client-${Math.random().toString(16).slice(2, 7)}`;
  private readonly relayHost: RelayHost;
  private lowStream = false;
  private readonly streamTypes = new Map<number | string, number>();

  constructor(
    config: FakeClientConfig,
    private readonly options: ResolvedOptions,
    private readonly network: FakeNetwork,
    private readonly autoplay?: FakeAutoplay,
  ) {
    super();
    this.mode = config.mode ?? 'rtc';
    this.codec = config.codec ?? 'vp8';
    // As createClient does: rtc and p2p clients are hosts; live clients start as `role` or audience (§3.8).
    this.currentRole = this.mode === 'rtc' || this.mode === 'p2p' ? 'host' : (config.role ?? 'audience');
    this.armJoinAbort();
    this.relayHost = {
      options,
      network,
      plan: this.plan,
      boundedRetries: config.httpRetryConfig !== undefined && Number.isFinite(config.httpRetryConfig.maxRetryCount),
      emitState: (state: RelayState) => this.emit('channel-media-relay-state', state),
      emitEvent: (event: RelayEvent) => this.emit('channel-media-relay-event', event),
    };
    this.fake = this.controls();
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  get uid(): number | string | undefined {
    return this.joinInfo?.uid;
  }

  get channelName(): string | undefined {
    return this.joinInfo?.cname;
  }

  get role(): string {
    return this.currentRole;
  }

  get localTracks(): FakeLocalTrack[] {
    return [...this.published];
  }

  get remoteUsers(): FakeRemoteUser[] {
    return this.users;
  }

  async join(appId: string, channel: string, token: string | null, uid?: number | string | null): Promise<number | string> {
    checkJoinArguments(appId, channel, token, uid);
    if (this.state !== 'DISCONNECTED') {
      throw sdkError('INVALID_OPERATION', `[${this.clientId}] Client already in connecting/connected state`);
    }
    const generation = ++this.joinGeneration;
    this.setConnectionState('CONNECTING');
    await this.joinStep(this.options.latency, generation);
    if (!this.network.online) {
      // Measured: offline, join retries forever unless bounded retries are configured; then the connection goes
      // back to DISCONNECTED (no reason) just before join rejects NETWORK_ERROR (reference agora-relay-sdk.md §3.5).
      await this.joinStep(this.relayHost.boundedRetries ? this.options.offlineJoinMs : Infinity, generation);
      this.setConnectionState('DISCONNECTED');
      throw sdkError('NETWORK_ERROR', MESSAGES.networkError);
    }
    // Past the access point, waiting for the gateway's answer (measured through the local stand-in): a leave()
    // now goes DISCONNECTING, DISCONNECTED (LEAVE), and only then the join rejects WS_ABORT.
    this.joinAtGateway = true;
    const aborted = Symbol('aborted');
    const failure = await Promise.race([this.plan.answer('join'), this.joinAbort.then(() => aborted)]);
    this.joinAtGateway = false;
    if (failure === aborted || generation !== this.joinGeneration) {
      await this.leaving;
      throw sdkError('WS_ABORT', MESSAGES.joinAborted);
    }
    if (typeof failure === 'symbol') throw sdkError('WS_ABORT', MESSAGES.joinAborted);
    if (failure) {
      // Measured: a join refused with code 110 goes DISCONNECTED with reason TOKEN_EXPIRE; other refusals
      // are not measured and carry no reason.
      this.setConnectionState('DISCONNECTED', failure.code === 'TOKEN_EXPIRE' ? 'TOKEN_EXPIRE' : undefined);
      throw failure;
    }
    const assigned = uid || nextAssignedUid++;
    this.joinInfo = { appId, cname: channel, uid: assigned, token };
    this.setConnectionState('CONNECTED');
    return assigned;
  }

  async leave(): Promise<void> {
    // As the SDK's leave(): the reset is synchronous (a relay in any state but IDLE emits IDLE now), and a pending
    // join is aborted (it rejects OPERATION_ABORTED "cancel token canceled", measured).
    const previous = this.state;
    const atGateway = this.joinAtGateway;
    this.reset();
    if (previous === 'DISCONNECTED') return;
    let done!: () => void;
    this.leaving = new Promise<void>((resolve) => (done = resolve));
    try {
      await sleep(this.options.latency);
      const failure = await this.plan.answer('leave');
      this.setConnectionState('DISCONNECTING');
      // Measured: from CONNECTED, or from a join waiting at the gateway, the SDK passes its LEAVE reason; from a
      // join still at the access point (offline), no reason.
      this.setConnectionState('DISCONNECTED', previous === 'CONNECTED' || atGateway ? 'LEAVE' : undefined);
      if (failure) throw failure;
    } finally {
      done();
    }
  }

  /** The audience latency level the last setClientRole('audience', { level }) asked for (the SDK's default is 2). */
  get audienceLevel(): number | undefined {
    return this.currentRole === 'audience' ? (this.roleOptions?.level ?? 2) : undefined;
  }

  async setClientRole(role: string, options?: { level?: number; delay?: number }): Promise<void> {
    // The SDK's checks, in its order (4.24.8 bundle): role, then the options, then the mode, then a level on a host.
    checkOneOf(role, 'role', ['audience', 'host']);
    if (options?.level !== undefined) checkOneOf(options.level, 'level', [1, 2, 3]);
    if (options?.delay !== undefined) checkNumber(options.delay, 'delay', 0, 3000);
    if (this.mode === 'rtc' || this.mode === 'p2p') {
      throw sdkError('INVALID_OPERATION', `${this.mode} mode can not use setClientRole`);
    }
    if (options?.level && role === 'host') {
      throw sdkError('INVALID_OPERATION', 'host mode can not set audience latency level');
    }
    if (role === 'audience' && this.published.length > 0) {
      throw sdkError('INVALID_OPERATION', 'can not set client role to audience when publishing stream');
    }
    if (this.joinInfo) await sleep(this.options.latency);
    if (options) this.roleOptions = { ...options };
    this.currentRole = role;
  }

  async publish(tracks: FakeLocalTrack | FakeLocalTrack[]): Promise<void> {
    const list = Array.isArray(tracks) ? tracks : [tracks];
    if (list.length === 0) throw sdkError('INVALID_PARAMS', 'param list is empty');
    if (this.currentRole === 'audience') throw sdkError('INVALID_OPERATION', MESSAGES.audiencePublish);
    for (const track of list) {
      if (!(track instanceof FakeLocalTrack)) throw sdkError('INVALID_PARAMS', 'parameter is not local track');
      if (!track.enabled) throw sdkError('TRACK_IS_DISABLED', `can not publish a disabled track: ${track.getTrackId()}`);
    }
    if (!this.joinInfo) throw sdkError('INVALID_OPERATION', MESSAGES.publishNotJoined);
    await sleep(this.options.latency);
    const failure = await this.plan.answer('publish');
    if (failure) throw failure;
    for (const track of list) if (!this.published.includes(track)) this.published.push(track);
  }

  async unpublish(tracks?: FakeLocalTrack | FakeLocalTrack[]): Promise<void> {
    if (!this.joinInfo) throw sdkError('INVALID_OPERATION', MESSAGES.unpublishNotJoined);
    const list = tracks === undefined ? [...this.published] : Array.isArray(tracks) ? tracks : [tracks];
    await sleep(this.options.latency);
    const failure = await this.plan.answer('unpublish');
    if (failure) throw failure;
    this.published = this.published.filter((track) => !list.includes(track));
  }

  /**
   * Subscribes to a remote user's audio or video and resolves with its track. The checks use the SDK's codes
   * (INVALID_OPERATION, INVALID_REMOTE_USER, REMOTE_USER_IS_NOT_PUBLISHED); the messages are ours.
   */
  async subscribe(user: FakeRemoteUser | number | string, mediaType: FakeMediaType): Promise<FakeLocalTrack> {
    if (!this.joinInfo) throw sdkError('INVALID_OPERATION', 'Can not subscribe remote user when not joined');
    const uid = typeof user === 'object' ? user.uid : user;
    const found = this.users.find((candidate) => candidate.uid === uid);
    if (!found) throw sdkError('INVALID_REMOTE_USER', `user ${String(uid)} is not in the channel`);
    if (!(mediaType === 'audio' ? found.hasAudio : found.hasVideo)) {
      throw sdkError('REMOTE_USER_IS_NOT_PUBLISHED', `user ${String(uid)} does not publish ${mediaType}`);
    }
    await sleep(this.options.latency);
    return found.subscribeTrack(mediaType);
  }

  async renewToken(token: string): Promise<void> {
    checkString(token, 'token', 1, 2047);
    if (!this.joinInfo) throw sdkError('INVALID_OPERATION', MESSAGES.renewNotJoined);
    this.joinInfo.token = token;
    await sleep(this.options.latency);
    const failure = await this.plan.answer('renewToken');
    if (failure) throw failure;
  }

  // ---- dual stream (measured on the real SDK, test/contract/cases/stream-cases.ts) ----

  /** Resolves before joining too (the low stream is then published with the high one); twice rejects. */
  async enableDualStream(): Promise<void> {
    if (this.lowStream) throw sdkError('INVALID_OPERATION', 'Dual stream is already enabled');
    if (this.joinInfo) await sleep(this.options.latency);
    const failure = await this.plan.answer('enableDualStream');
    if (failure) throw failure;
    this.lowStream = true;
  }

  /** Resolves whether or not the low stream was enabled. */
  async disableDualStream(): Promise<void> {
    this.lowStream = false;
  }

  /** The type is checked first (INVALID_PARAMS), then the gateway connection (WS_ABORT). */
  async setRemoteVideoStreamType(uid: number | string, streamType: number): Promise<void> {
    if (![0, 1, 4, 5, 6, 7, 8, 9].includes(streamType)) {
      throw sdkError('INVALID_PARAMS', 'streamType can only be set as [0,1,4,5,6,7,8,9]');
    }
    if (this.state !== 'CONNECTED') throw sdkError('WS_ABORT', 'websocket is not ready');
    await sleep(this.options.latency);
    const failure = await this.plan.answer('setRemoteVideoStreamType');
    if (failure) throw failure;
    this.streamTypes.set(uid, streamType);
  }

  // Relay calls never throw synchronously: every check below runs inside an async function, so it rejects.
  // Order as in the SDK: configuration checks, then "joined?", then the relay's own state (reference §4).

  async startChannelMediaRelay(config: FakeChannelMediaRelayConfiguration): Promise<void> {
    const call = this.record('start', config);
    await this.track(call, async () => {
      checkRelayConfig(config);
      await this.relaySession().start(config);
    });
  }

  async updateChannelMediaRelay(config: FakeChannelMediaRelayConfiguration): Promise<void> {
    const call = this.record('update', config);
    await this.track(call, async () => {
      checkRelayConfig(config);
      await this.relaySession().update(config);
    });
  }

  async stopChannelMediaRelay(): Promise<void> {
    const call = this.record('stop');
    await this.track(call, () => this.relaySession().stop());
  }

  private relaySession(): FakeRelaySession {
    if (!this.joinInfo) throw sdkError('INVALID_OPERATION', MESSAGES.joinFirst);
    this.relay ??= new FakeRelaySession(this.relayHost);
    return this.relay;
  }

  private record(method: FakeRelayCall['method'], config?: unknown): FakeRelayCall {
    const call: FakeRelayCall = { method, settled: false };
    if (config instanceof FakeChannelMediaRelayConfiguration) {
      const snapshot = snapshotConfig(config);
      if (snapshot) call.config = snapshot;
    }
    this.calls.push(call);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return call;
  }

  private async track(call: FakeRelayCall, run: () => Promise<void>): Promise<void> {
    try {
      await run();
      call.outcome = 'resolved';
    } catch (error) {
      call.outcome = 'rejected';
      call.code = (error as { code?: string }).code;
      throw error;
    } finally {
      call.settled = true;
      this.inFlight -= 1;
    }
  }

  private reset(): void {
    this.relay?.dispose();
    this.relay = undefined;
    this.joinInfo = undefined;
    for (const user of this.users) {
      user.endTrack('audio');
      user.endTrack('video');
    }
    this.users = [];
    this.published = [];
    this.streamTypes.clear();
    this.joinGeneration += 1;
    this.fireJoinAbort();
    this.armJoinAbort();
  }

  private setConnectionState(next: ConnectionState, reason?: string): void {
    const previous = this.state;
    if (previous === next) return;
    this.state = next;
    this.emit('connection-state-change', next, previous, reason);
  }

  private armJoinAbort(): void {
    this.joinAbort = new Promise<void>((resolve) => {
      this.fireJoinAbort = resolve;
    });
  }

  private async joinStep(ms: number, generation: number): Promise<void> {
    await (Number.isFinite(ms) ? Promise.race([sleep(ms), this.joinAbort]) : this.joinAbort);
    this.checkJoinGeneration(generation);
  }

  private checkJoinGeneration(generation: number): void {
    if (generation !== this.joinGeneration) throw sdkError('OPERATION_ABORTED', MESSAGES.cancelled);
  }

  private findUser(uid: number | string): FakeRemoteUser {
    const user = this.users.find((candidate) => candidate.uid === uid);
    if (!user) throw new Error(`fake: no remote user ${String(uid)}`);
    return user;
  }

  private controls(): FakeClientControls {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const client = this;
    return {
      get calls() {
        return client.calls;
      },
      get inFlight() {
        return client.inFlight;
      },
      get maxInFlight() {
        return client.maxInFlight;
      },
      get relayState() {
        return client.relay?.state;
      },
      get dualStream() {
        return client.lowStream;
      },
      get streamTypes() {
        return client.streamTypes;
      },
      emitNetworkQuality: (uplink, downlink) =>
        this.emit('network-quality', { uplinkNetworkQuality: uplink, downlinkNetworkQuality: downlink }),
      failNext: (method, code, message) => this.plan.failNext(method, code, message),
      hold: (method) => this.plan.hold(method),
      delay: (method, ms) => this.plan.delay(method, ms),
      relayFail: (code) => this.relaySessionForControl().fail(code),
      emitRelayEvent: (event) => this.emit('channel-media-relay-event', event),
      dropRelaySocket: ({ reconnect }) => this.relaySessionForControl().drop(reconnect),
      addRemoteUser: (uid) => {
        if (this.users.some((user) => user.uid === uid)) throw new Error(`fake: remote user ${String(uid)} exists`);
        const user = new FakeRemoteUser(uid, this.autoplay);
        this.users.push(user);
        this.emit('user-joined', user);
      },
      publishRemote: (uid, mediaType) => {
        const user = this.findUser(uid);
        setPublished(user, mediaType, true);
        this.emit('user-published', user, mediaType);
      },
      unpublishRemote: (uid, mediaType) => {
        const user = this.findUser(uid);
        setPublished(user, mediaType, false);
        this.emit('user-unpublished', user, mediaType);
      },
      removeRemoteUser: (uid) => {
        const user = this.findUser(uid);
        for (const mediaType of ['audio', 'video'] as const) {
          if (mediaType === 'audio' ? user.hasAudio : user.hasVideo) {
            setPublished(user, mediaType, false);
            this.emit('user-unpublished', user, mediaType);
          }
        }
        this.users = this.users.filter((candidate) => candidate !== user);
        this.emit('user-left', user, 'Quit');
      },
      pushTokenWillExpire: () => this.emit('token-privilege-will-expire'),
      pushTokenDidExpire: () => {
        // Measured through the stand-in: DISCONNECTING, then DISCONNECTED (TOKEN_EXPIRE), then the event.
        this.reset();
        this.setConnectionState('DISCONNECTING');
        this.setConnectionState('DISCONNECTED', 'TOKEN_EXPIRE');
        this.emit('token-privilege-did-expire');
      },
      dropGatewaySocket: () => {
        // Measured through the stand-in: RECONNECTING with no reason, CONNECTED again about 0.3 s later.
        if (this.state !== 'CONNECTED') return;
        this.setConnectionState('RECONNECTING');
        const generation = this.joinGeneration;
        setTimeout(() => {
          if (generation === this.joinGeneration && this.state === 'RECONNECTING') this.setConnectionState('CONNECTED');
        }, this.options.rejoinMs);
      },
      listenerCount: (event) => this.countListeners(event),
      forceJoined: (uid, channel = 'fake-channel') => {
        const assigned = uid ?? nextAssignedUid++;
        this.joinInfo = { appId: 'fake-app-id', cname: channel, uid: assigned, token: null };
        this.state = 'CONNECTED';
        return assigned;
      },
    };
  }

  private relaySessionForControl(): FakeRelaySession {
    if (!this.joinInfo) throw new Error('fake: the client has not joined');
    this.relay ??= new FakeRelaySession(this.relayHost);
    return this.relay;
  }
}

function setPublished(user: FakeRemoteUser, mediaType: FakeMediaType, published: boolean): void {
  if (mediaType === 'audio') user.hasAudio = published;
  else user.hasVideo = published;
  if (!published) user.endTrack(mediaType);
}

/** The SDK's configuration checks before any relay call (function Bte in the 4.24.8 bundle). */
function checkRelayConfig(config: unknown): asserts config is FakeChannelMediaRelayConfiguration {
  if (!(config instanceof FakeChannelMediaRelayConfiguration)) throw sdkError('INVALID_PARAMS', MESSAGES.notConfig);
  if (!config.getSrcChannelMediaInfo()) throw sdkError('INVALID_PARAMS', MESSAGES.noSrc);
  if (config.getDestChannelMediaInfo().size === 0) throw sdkError('INVALID_PARAMS', MESSAGES.noDest);
}
