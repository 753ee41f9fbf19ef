/// <reference types="node" />
// The relay worker websocket: answers each `clientRequest` with a `serverResponse` (code 200 unless told otherwise)
// and follows the commands that await a status with a `serverStatus` (agora-relay-protocol.md §3).
import type { WebSocket } from 'ws';
import type { RelayControls, ReplyRule, StatusRule, AllocationRule } from '../controls.js';
import type { RelayAllocation } from './relay-allocation.js';
import { applyReplyRule } from './reply-rule.js';
import { RuleBook } from './rule-book.js';
import type { StandInLog } from './stand-in-log.js';
import type { Timers } from './timers.js';

export interface RelayFrame {
  command?: string;
  requestId?: number | string;
  clientRequest?: { command?: string; [field: string]: unknown };
  [field: string]: unknown;
}

/**
 * The status each command is followed by. SDKs up to 4.24.0 begin every start with `StopPacketTransfer` and wait for
 * `Normal Quit`; 4.24.8 does not wait, and ignores it: sending it always serves both.
 */
const AWAITED_STATUS: Record<string, string> = {
  SetSourceChannel: 'SetSourceChannelStatus',
  SetDestChannel: 'SetDestChannelStatus',
  StopPacketTransfer: 'Normal Quit',
};

class RelaySession {
  constructor(
    readonly id: number,
    readonly socket: WebSocket,
    readonly log: StandInLog,
  ) {}

  respond(requestId: RelayFrame['requestId'], code: number, command: string): void {
    if (code !== 200) {
      this.log.add({ service: 'relay', direction: 'out', type: `${command} failed`, connection: this.id, message: { code } });
    }
    this.#send({ command: 'serverResponse', requestId, code });
  }

  status(name: string, state: number): void {
    this.log.add({ service: 'relay', direction: 'out', type: name, connection: this.id, message: { state } });
    this.#send({ command: 'serverStatus', serverStatus: { command: name, state } });
  }

  #send(frame: unknown): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}

/** Told of each command the worker answered with success, and of each relay socket that closed (media.ts). */
export interface RelayObserver {
  command(connection: number, command: string, request: Record<string, unknown>, envelope: RelayFrame): void;
  closed(connection: number): void;
}

export class RelayWorker implements RelayControls {
  readonly replies = new RuleBook<ReplyRule>();
  readonly statuses = new RuleBook<StatusRule>();
  #refusing = false;
  #nextConnection = 1;
  readonly #sessions = new Set<RelaySession>();

  constructor(
    private readonly log: StandInLog,
    private readonly timers: Timers,
    private readonly allocator: RelayAllocation,
    /** Delay before each status, so the SDK sees response then status in separate tasks, as from Agora. */
    private readonly statusDelayMs: number,
    private readonly observer?: RelayObserver,
  ) {}

  acceptsSockets(): boolean {
    if (this.#refusing) this.log.add({ service: 'relay', direction: 'out', type: 'socket refused' });
    return !this.#refusing;
  }

  accept(socket: WebSocket): void {
    const session = new RelaySession(this.#nextConnection++, socket, this.log);
    this.#sessions.add(session);
    this.log.add({ service: 'relay', direction: 'in', type: 'socket open', connection: session.id });
    socket.on('message', (data) => this.#receive(session, String(data)));
    socket.on('close', () => {
      this.#sessions.delete(session);
      this.log.add({ service: 'relay', direction: 'in', type: 'socket closed', connection: session.id });
      this.observer?.closed(session.id);
    });
  }

  #receive(session: RelaySession, text: string): void {
    let frame: RelayFrame;
    try {
      frame = JSON.parse(text) as RelayFrame;
    } catch {
      this.log.add({ service: 'relay', direction: 'in', type: 'unreadable frame', connection: session.id, message: text.slice(0, 200) });
      return;
    }
    const command = frame.clientRequest?.command ?? frame.command ?? '?';
    this.log.add({ service: 'relay', direction: 'in', type: command, connection: session.id, message: frame.clientRequest ?? frame });
    if (command === 'ping' || !frame.clientRequest) return; // pings need no answer
    applyReplyRule(this.replies.take(command), this.timers, {
      fail: (code) => session.respond(frame.requestId, code, command),
      answer: () => {
        session.respond(frame.requestId, 200, command);
        this.observer?.command(session.id, command, frame.clientRequest ?? {}, frame);
        const status = AWAITED_STATUS[command];
        if (status) this.#sendStatus(session, status);
      },
    });
  }

  #sendStatus(session: RelaySession, name: string): void {
    const rule = this.statuses.take(name);
    if (rule !== undefined && 'missing' in rule) {
      this.log.add({ service: 'relay', direction: 'out', type: `${name} withheld`, connection: session.id });
      return;
    }
    const state = rule?.state ?? 0;
    this.timers.after(this.statusDelayMs, () => session.status(name, state));
  }

  // Controls.

  reply(command: string, rule: ReplyRule | null): void {
    this.replies.set(command, rule);
  }

  status(status: string, rule: StatusRule | null): void {
    this.statuses.set(status, rule);
  }

  pushStatus(status: string, state = 0): void {
    for (const session of this.#sessions) session.status(status, state);
  }

  allocation(rule: AllocationRule | null): void {
    this.allocator.rules.set('allocate', rule);
  }

  refuseConnections(refuse: boolean): void {
    this.#refusing = refuse;
  }

  dropSockets(): void {
    for (const session of this.#sessions) session.socket.terminate();
  }

  reset(): void {
    this.replies.clear();
    this.statuses.clear();
    this.allocator.rules.clear();
    this.#refusing = false;
  }
}
