/// <reference types="node" />
// The relay's allocation endpoint (`POST /api/v1?action=uap`, after a CORS preflight): tells the SDK which relay
// worker to open a websocket to (this stand-in's relay port).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AllocationRule } from '../controls.js';
import { readBody, sendJson } from './http-helpers.js';
import { LOOPBACK } from './tls-endpoint.js';
import { RuleBook } from './rule-book.js';
import type { StandInLog } from './stand-in-log.js';

export class RelayAllocation {
  readonly rules = new RuleBook<AllocationRule>();

  constructor(
    private readonly log: StandInLog,
    private readonly relayPort: () => number,
    /** Announced as the worker's address; the SDK turns it into the name `a-b-c-d.localhost` (loopback). */
    private readonly address: string = LOOPBACK,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = (await readBody(request)).toString('utf8');
    let message: unknown = text;
    try {
      const outer = JSON.parse(text) as { json_body?: string };
      message = { ...outer, json_body: outer.json_body ? (JSON.parse(outer.json_body) as unknown) : undefined };
    } catch {
      // Logged as text.
    }
    this.log.add({ service: 'allocation', direction: 'in', type: 'convergeAllocateEdge', message });
    const rule = this.rules.take('allocate');
    const inner = (body: object) => sendJson(request, response, 200, { code: 0, json_body: JSON.stringify(body) });
    if (rule === undefined) inner({ code: 200, servers: [{ address: this.address, wss: this.relayPort() }] });
    else if ('innerCode' in rule) inner({ code: rule.innerCode, reason: rule.reason ?? 'refused by the stand-in' });
    else if ('emptyServers' in rule) inner({ code: 200, servers: [] });
    else if ('outerCode' in rule) sendJson(request, response, 200, { code: rule.outerCode });
    else if ('httpStatus' in rule) sendJson(request, response, rule.httpStatus, {});
    // `ignore`: the request stays open until the SDK gives up or the stand-in stops.
  }
}
