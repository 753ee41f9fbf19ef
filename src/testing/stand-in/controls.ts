// The local Agora stand-in's controls, as plain JSON-shaped types shared by the Node side (server/) and the browser
// side (remote.ts drives the same controls over HTTP). No Node or DOM types here.

/** Options of a stand-in (Node: startAgoraStandIn; browser: startRemoteAgoraStandIn). */
export interface AgoraStandInOptions {
  /** Delay before each relay status (default 30 ms, close to what the real service takes). */
  relayStatusDelayMs?: number;
  /**
   * Forward media (needs the optional peer dependency werift): each client gets its own edge port and a media peer;
   * published streams reach the subscribers of their channel and, while a relay runs, of each destination channel.
   */
  media?: boolean;
  /** TCP port of the access point and gateway (default 0: a free one); taken → start rejects (EADDRINUSE). */
  port?: number;
  /** TCP port of the relay service (default 0: a free one). */
  relayPort?: number;
  /** The log keeps at most this many entries, dropping the oldest (default: all). */
  logLimit?: number;
}

/** Where a stream is: a channel and a uid in it. */
export interface MediaPlace {
  channel: string;
  uid: number | string;
}

/** The media path's own counters (all zero without `media`). */
export interface MediaStats {
  /** Open media peers (one per joined client) and open edges (one per client, gateway and peer on one port). */
  peers: number;
  edges: number;
  /** RTP packets received from each client's own published streams. */
  published: (MediaPlace & { media: 'audio' | 'video'; packets: number })[];
  /** One entry per subscription: what went from `source` to `subscriber`, as the user `uid` of its channel. */
  forwarded: {
    source?: MediaPlace;
    subscriber: MediaPlace;
    uid: number | string;
    media: 'audio' | 'video';
    packets: number;
    bytes: number;
  }[];
}

export interface MediaControls {
  stats(): MediaStats;
}

/** Where the SDK must be pointed: the access point and gateway share one port, the relay service has its own. */
export interface StandInAddresses {
  accessPoint: { host: string; port: number };
  relay: { port: number };
}

/**
 * How the stand-in answers one kind of request, until `times` answers have used it (default: until cleared).
 * - `{ fail: code }`: gateway: `_result:"failed"` with that `error_code` (use real codes: 110 = TOKEN_EXPIRE; the SDK
 *   retries unknown ones forever); relay: a `serverResponse` with that code instead of 200; access point: that
 *   `buffer.code`.
 * - `{ ignore: true }`: no answer at all.
 * - `{ delayMs }`: the normal answer, later.
 */
export type ReplyRule = ({ fail: number; reason?: string } | { ignore: true } | { delayMs: number }) & {
  times?: number;
};

/** How an awaited relay status (e.g. `SetDestChannelStatus`) goes: `{ state: 1 }` fails it, `{ missing: true }` withholds it. */
export type StatusRule = ({ state: number } | { missing: true }) & { times?: number };

/**
 * How the relay allocation (`POST /api/v1?action=uap`) is refused:
 * `innerCode` (e.g. 403, app center refusal), `outerCode` (≠ 0), `httpStatus` (not 2xx), `emptyServers`, or `ignore`.
 */
export type AllocationRule = (
  | { innerCode: number; reason?: string }
  | { outerCode: number }
  | { httpStatus: number }
  | { emptyServers: true }
  | { ignore: true }
) & { times?: number };

/** Which SDK sessions a push goes to: all by default, or those joined to `channel` (and as `uid`). */
export interface PushTarget {
  channel?: string;
  uid?: number | string;
}

export type StandInService = 'access-point' | 'gateway' | 'allocation' | 'relay';

/** One thing the SDK sent, or one thing the stand-in did to it (`direction: 'out'`). */
export interface StandInLogEntry {
  /** Milliseconds since the stand-in started. */
  at: number;
  service: StandInService;
  direction: 'in' | 'out';
  /** Gateway `_type`, relay `clientRequest.command` (or status name going out), or an HTTP/socket event name. */
  type: string;
  /** Which socket (gateway or relay connection number), when one is involved. */
  connection?: number;
  /** The message's payload: gateway `_message`, relay `clientRequest`, access-point request, allocation body. */
  message?: unknown;
}

export interface StandInLogFilter {
  service?: StandInService;
  direction?: 'in' | 'out';
  type?: string;
}

/** Remote users of a channel, as the gateway announces them to the SDK sessions joined there. */
export interface UsersControls {
  /** `on_user_online` → `user-joined`. */
  join(channel: string, uid: number): void;
  /** `on_add_audio_stream` / `on_add_video_stream` → `user-published` per media. */
  publish(channel: string, uid: number, media?: 'audio' | 'video' | 'both'): void;
  /** `on_remove_stream` → `user-unpublished` for each published media (the gateway has no per-media removal). */
  unpublish(channel: string, uid: number): void;
  /** `on_user_offline` → `user-unpublished` per media, then `user-left` with `reason`. */
  leave(channel: string, uid: number, reason?: string): void;
}

export interface GatewayControls {
  /** Pushes any gateway message `{ _type, _message }`. */
  push(type: string, message?: Record<string, unknown>, target?: PushTarget): void;
  tokenWillExpire(target?: PushTarget): void;
  tokenDidExpire(target?: PushTarget): void;
  /** `on_user_banned`: 14 = UID_BANNED, 15 = IP_BANNED, 16 = CHANNEL_BANNED. */
  ban(errorCode: 14 | 15 | 16, target?: PushTarget): void;
  /** Sets (or with `null` clears) how requests of `type` (`join_v3`, `publish`, …) are answered. */
  reply(type: string, rule: ReplyRule | null): void;
  /** Refuses (or accepts again) new gateway sockets. */
  refuseConnections(refuse: boolean): void;
  /** Terminates every open gateway socket (the SDK reconnects with `rejoin_v3` unless refused). */
  dropSockets(): void;
}

export interface AccessPointControls {
  /** Sets (or clears) how access-point requests are answered (`fail` becomes the response's `buffer.code`). */
  reply(rule: ReplyRule | null): void;
}

export interface RelayControls {
  /** Sets (or clears) how the relay command `command` (`SetDestChannel`, `UpdateDestChannel`, …) is answered. */
  reply(command: string, rule: ReplyRule | null): void;
  /** Sets (or clears) how the awaited status `status` (`SetSourceChannelStatus`, `SetDestChannelStatus`, `Normal Quit`) goes. */
  status(status: string, rule: StatusRule | null): void;
  /** Pushes a status (`onSrcTokenPrivilegeDidExpire`, `onVideoPacketReceived`, …) to every open relay socket. */
  pushStatus(status: string, state?: number): void;
  /** Sets (or clears) a refusal of the allocation request. */
  allocation(rule: AllocationRule | null): void;
  /** Refuses (or accepts again) new relay sockets. */
  refuseConnections(refuse: boolean): void;
  /** Terminates every open relay socket. */
  dropSockets(): void;
}

export interface LogControls {
  entries(filter?: StandInLogFilter): StandInLogEntry[];
  /** Resolves with the first matching entry (already logged or future); rejects after `timeoutMs`. */
  waitFor(filter: StandInLogFilter, timeoutMs?: number): Promise<StandInLogEntry>;
  clear(): void;
}

/** Every control of a running stand-in. */
export interface StandInControls {
  readonly users: UsersControls;
  readonly gateway: GatewayControls;
  readonly accessPoint: AccessPointControls;
  readonly relay: RelayControls;
  readonly log: LogControls;
  readonly media: MediaControls;
  /** Clears every rule, refusal, remote user and the log (sockets stay open). */
  reset(): void;
}

/** The names of the control groups and their methods, which the browser may call over HTTP. */
export const CONTROL_METHODS = {
  users: ['join', 'publish', 'unpublish', 'leave'],
  gateway: ['push', 'tokenWillExpire', 'tokenDidExpire', 'ban', 'reply', 'refuseConnections', 'dropSockets'],
  accessPoint: ['reply'],
  relay: ['reply', 'status', 'pushStatus', 'allocation', 'refuseConnections', 'dropSockets'],
  log: ['entries', 'waitFor', 'clear'],
  media: ['stats'],
} as const satisfies { [G in keyof Omit<StandInControls, 'reset'>]: readonly (keyof StandInControls[G])[] };

export type ControlGroup = keyof typeof CONTROL_METHODS;
