/// <reference types="node" />
// The gateway websocket (same port as the access point): answers the SDK's requests `{_id, _type, _message}` with
// `{_id, _result, _message}`, pushes `{_type, _message}`, and keeps the channel membership the pushes come from.
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { GatewayControls, PushTarget, ReplyRule } from '../controls.js';
import { key, peerEntry, streamPushes } from './channels.js';
import type { ChannelMember, Channels, MemberInbox, Uid } from './channels.js';
import { joinAnswer, restartIceAnswer } from './gateway-answers.js';
import { streamSsrcs } from './gateway-streams.js';
import { applyReplyRule } from './reply-rule.js';
import { RuleBook } from './rule-book.js';
import type { StandInLog } from './stand-in-log.js';
import type { Timers } from './timers.js';

interface GatewayRequest {
  _id?: string | number;
  _type?: string;
  _message?: Record<string, unknown>;
}

/** How long a member whose socket closed without `leave` is kept for its `rejoin_v3` before it goes offline. */
const REJOIN_GRACE_MS = 10_000;

class GatewaySession implements MemberInbox {
  channel?: string;
  member?: ChannelMember;
  constructor(
    readonly id: number,
    readonly socket: WebSocket,
    readonly log: StandInLog,
    /** The edge port this socket came through (media on), else undefined. */
    readonly edge?: number,
  ) {}

  push(type: string, message: Record<string, unknown>): void {
    this.log.add({ service: 'gateway', direction: 'out', type, connection: this.id, message });
    this.#send({ _type: type, _message: message });
  }

  reply(request: GatewayRequest, message: Record<string, unknown>): void {
    // Frames without an `_id` are notifications: nothing answers them.
    if (request._id !== undefined) this.#send({ _id: request._id, _result: 'success', _message: message });
  }

  fail(request: GatewayRequest, code: number, reason: string | undefined): void {
    const type = request._type ?? '?';
    this.log.add({ service: 'gateway', direction: 'out', type: `${type} failed`, connection: this.id, message: { code } });
    const error = { error_code: code, error_str: reason ?? `stand-in refused ${type}` };
    this.#send({ _id: request._id, _result: 'failed', _message: error });
  }

  #send(frame: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}

export type JoinAnswer = ReturnType<typeof joinAnswer>;

/** The media path's part in the gateway (media/media.ts), when media is on. */
export interface GatewayMedia {
  /** Opens the joiner's media peer; resolves with what to change in the join answer (its ICE and DTLS values). */
  join(edge: number, channel: string, member: ChannelMember, message: Record<string, unknown>): Promise<(answer: JoinAnswer) => JoinAnswer>;
  subscribe(member: ChannelMember, message: Record<string, unknown>): void;
  unsubscribe(member: ChannelMember, message: Record<string, unknown>): void;
}

export interface GatewayOptions {
  log: StandInLog;
  timers: Timers;
  channels: Channels;
  /** The DTLS fingerprint the join answer carries (a media peer would supply its own). */
  dtlsFingerprint: () => string;
  media?: GatewayMedia;
}

export class Gateway implements GatewayControls {
  readonly rules = new RuleBook<ReplyRule>();
  #refusing = false;
  #nextConnection = 1;
  readonly #sessions = new Set<GatewaySession>();
  /** Members whose socket closed, by rejoin token, until they rejoin or their grace ends. */
  readonly #awaitingRejoin = new Map<string, { channel: string; member: ChannelMember }>();
  #nextUintId = 1_000_000;

  constructor(readonly options: GatewayOptions) {}

  get channels(): Channels {
    return this.options.channels;
  }

  acceptsSockets(): boolean {
    if (this.#refusing) this.options.log.add({ service: 'gateway', direction: 'out', type: 'socket refused' });
    return !this.#refusing;
  }

  accept(socket: WebSocket, edge?: number): void {
    const session = new GatewaySession(this.#nextConnection++, socket, this.options.log, edge);
    this.#sessions.add(session);
    this.options.log.add({ service: 'gateway', direction: 'in', type: 'socket open', connection: session.id });
    socket.on('message', (data) => this.#receive(session, String(data)));
    socket.on('close', () => {
      this.#sessions.delete(session);
      this.options.log.add({ service: 'gateway', direction: 'in', type: 'socket closed', connection: session.id });
      this.#detach(session);
    });
  }

  #receive(session: GatewaySession, text: string): void {
    let request: GatewayRequest;
    try {
      request = JSON.parse(text) as GatewayRequest;
    } catch {
      const message = text.slice(0, 200);
      this.options.log.add({ service: 'gateway', direction: 'in', type: 'unreadable frame', connection: session.id, message });
      return;
    }
    const type = request._type ?? '?';
    const message = request._message ?? {};
    this.options.log.add({ service: 'gateway', direction: 'in', type, connection: session.id, message });
    applyReplyRule(this.rules.take(type), this.options.timers, {
      fail: (code, reason) => session.fail(request, code, reason),
      answer: () => this.#answer(session, request, type, message),
    });
  }

  #answer(session: GatewaySession, request: GatewayRequest, type: string, message: Record<string, unknown>): void {
    switch (type) {
      case 'join_v3':
        return this.#join(session, request, message);
      case 'rejoin_v3':
        return this.#rejoin(session, request, message);
      case 'traffic_stats':
        return session.reply(request, { peer_delay: [] });
      case 'restart_ice':
        return session.reply(request, restartIceAnswer());
      case 'publish':
        session.reply(request, {});
        if (session.channel && session.member) {
          this.channels.publish(session.channel, session.member.uid, streamSsrcs(message));
        }
        return;
      case 'unpublish':
        session.reply(request, {});
        if (session.channel && session.member) {
          const { audio, video } = streamSsrcs(message);
          this.channels.unpublish(session.channel, session.member.uid, { audio: audio !== undefined, video: video !== undefined });
        }
        return;
      case 'control': {
        session.reply(request, {});
        // setMuted / setEnabled on a published track: `{ action: 'mute_local_video', … }` (measured with 4.24.8).
        const action = /^(un)?mute_local_(audio|video)$/.exec(String(message.action ?? ''));
        if (action && session.channel && session.member) {
          this.channels.mute(session.channel, session.member.uid, action[2] as 'audio' | 'video', !action[1]);
        }
        return;
      }
      case 'subscribe':
      case 'unsubscribe':
        session.reply(request, {});
        if (session.member) this.options.media?.[type](session.member, message);
        return;
      case 'leave':
        session.reply(request, {});
        if (session.channel && session.member) this.channels.remove(session.channel, session.member.uid, 'Quit');
        delete session.channel;
        delete session.member;
        return;
      default:
        // ping, subscribe, unsubscribe, set_video_profile, set_client_role, …: an empty success is what they expect.
        return session.reply(request, {});
    }
  }

  #join(session: GatewaySession, request: GatewayRequest, message: Record<string, unknown>): void {
    // The SDK sends what the access point answered: `ap_response.uid` is the uid join() resolves with.
    const channel = String(message.channel_name ?? '');
    const uid = ((message.ap_response as { uid?: Uid } | undefined)?.uid ?? this.#nextUintId++) as Uid;
    const rejoinToken = randomBytes(12).toString('hex');
    const uintId = typeof uid === 'number' ? uid : this.#nextUintId++;
    const member: ChannelMember = { uid, uintId, inbox: session, rejoinToken };
    const answer = joinAnswer(uid, rejoinToken, message, this.options.dtlsFingerprint());
    const { media } = this.options;
    if (!media || session.edge === undefined) return this.#admit(session, request, channel, member, answer);
    media.join(session.edge, channel, member, message).then(
      (withPeer) => this.#admit(session, request, channel, member, withPeer(answer)),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.options.log.add({ service: 'gateway', direction: 'out', type: 'media failed', connection: session.id, message: { reason } });
        this.#admit(session, request, channel, member, answer);
      },
    );
  }

  #admit(session: GatewaySession, request: GatewayRequest, channel: string, member: ChannelMember, answer: JoinAnswer): void {
    const { uid } = member;
    session.reply(request, answer);
    session.channel = channel;
    session.member = member;
    // The joiner learns who is already there (after its join reply, as the real gateway does), then the others learn of it.
    for (const other of this.channels.members(channel)) {
      if (key(other.uid) === key(uid)) continue;
      session.push('on_user_online', { uid: other.uid });
      for (const [type, push] of streamPushes(other)) session.push(type, push);
    }
    this.channels.add(channel, member);
    // The socket closed while the media peer opened: as for any socket drop, the member awaits a rejoin.
    if (!this.#sessions.has(session)) this.#detach(session);
  }

  #rejoin(session: GatewaySession, request: GatewayRequest, message: Record<string, unknown>): void {
    const token = String(message.token ?? '');
    const found = this.#awaitingRejoin.get(token);
    this.#awaitingRejoin.delete(token);
    const channel = found?.channel ?? String(message.channel_name ?? message.cname ?? '');
    const member = found?.member ?? this.channels.member(channel, message.uid as Uid);
    if (member) {
      member.inbox = session;
      session.channel = channel;
      session.member = member;
    }
    const peers = this.channels.members(channel).filter((other) => other !== member).map(peerEntry);
    session.reply(request, { peers });
  }

  /** A socket closed: its member stays for a while, awaiting a rejoin on a new socket, unless it left. */
  #detach(session: GatewaySession): void {
    const { channel, member } = session;
    if (!channel || !member || member.inbox !== session) return;
    delete member.inbox;
    const token = member.rejoinToken ?? '';
    this.#awaitingRejoin.set(token, { channel, member });
    this.options.timers.after(REJOIN_GRACE_MS, () => {
      if (this.#awaitingRejoin.get(token)?.member !== member) return;
      this.#awaitingRejoin.delete(token);
      // Unless the SDK came back with a fresh join_v3 (a new member with the same uid).
      if (this.channels.member(channel, member.uid) === member) this.channels.remove(channel, member.uid, 'Dropped');
    });
  }

  // Controls.

  push(type: string, message: Record<string, unknown> = {}, target?: PushTarget): void {
    for (const session of this.#sessions) {
      if (target?.channel !== undefined && session.channel !== target.channel) continue;
      if (target?.uid !== undefined && (!session.member || key(session.member.uid) !== key(target.uid))) continue;
      session.push(type, message);
    }
  }

  tokenWillExpire(target?: PushTarget): void {
    this.push('on_token_privilege_will_expire', {}, target);
  }

  tokenDidExpire(target?: PushTarget): void {
    this.push('on_token_privilege_did_expire', {}, target);
  }

  ban(errorCode: 14 | 15 | 16, target?: PushTarget): void {
    this.push('on_user_banned', { error_code: errorCode }, target);
  }

  reply(type: string, rule: ReplyRule | null): void {
    this.rules.set(type, rule);
  }

  refuseConnections(refuse: boolean): void {
    this.#refusing = refuse;
  }

  dropSockets(): void {
    for (const session of this.#sessions) session.socket.terminate();
  }

  reset(): void {
    this.rules.clear();
    this.#refusing = false;
  }
}
