/// <reference types="node" />
// The access point: `POST /api/v2/transpond/webrtc?v=2` (any path: older SDKs use other ones), a multipart form
// whose `request` field is JSON. It answers every requested service with this stand-in's gateway address.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessPointControls, ReplyRule } from '../controls.js';
import { readBody, sendJson } from './http-helpers.js';
import { LOOPBACK } from './tls-endpoint.js';
import { multipartField } from './multipart.js';
import { applyReplyRule } from './reply-rule.js';
import { RuleBook } from './rule-book.js';
import type { StandInLog } from './stand-in-log.js';
import type { Timers } from './timers.js';

interface AccessPointRequest {
  request_bodies?: { uri?: number; buffer?: { cname?: string; uid?: unknown; service_ids?: number[] } }[];
}

/** The flag each service's answer must carry (11: the gateway; 26: asked for by older SDKs, answered empty). */
const SERVICE_FLAGS: Record<number, number> = { 11: 4096, 26: 4194310 };

export class AccessPoint implements AccessPointControls {
  readonly rules = new RuleBook<ReplyRule>();
  #nextCid = 1;
  /** Uids the access point assigns when the SDK asks for none (join with uid null or 0). */
  #nextUid = 2_000_001;

  constructor(
    private readonly log: StandInLog,
    private readonly timers: Timers,
    /** The gateway's port, or with media a fresh edge's port per request. */
    private readonly gatewayPort: () => number | Promise<number>,
    /** The address the edges are announced with (the browser's only remote ICE candidate and its gateway's name). */
    private readonly edgeAddress: string = LOOPBACK,
  ) {}

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const field = multipartField(body, request.headers['content-type'] ?? '', 'request') ?? body.toString('utf8');
    let parsed: AccessPointRequest;
    try {
      parsed = JSON.parse(field) as AccessPointRequest;
    } catch {
      this.log.add({ service: 'access-point', direction: 'in', type: 'unreadable request', message: field.slice(0, 200) });
      sendJson(request, response, 400, { code: 1 });
      return;
    }
    this.log.add({ service: 'access-point', direction: 'in', type: 'request', message: parsed });
    const send = async (code: number) => {
      const port = code === 0 ? await this.gatewayPort() : 0;
      sendJson(request, response, 200, this.#answer(parsed, code, port));
    };
    const failed = (error: unknown) => {
      this.log.add({ service: 'access-point', direction: 'out', type: 'no edge', message: { reason: String(error) } });
      response.destroy();
    };
    applyReplyRule(this.rules.take('request'), this.timers, {
      answer: () => void send(0).catch(failed),
      fail: (code) => void send(code).catch(failed),
    });
  }

  #answer(parsed: AccessPointRequest, code: number, port: number) {
    const cid = this.#nextCid++;
    const responseBody = (parsed.request_bodies ?? []).flatMap(({ buffer = {} }) => {
      const uid = buffer.uid || this.#nextUid++;
      return (buffer.service_ids ?? [11]).map((service) => ({
        uri: 23,
        buffer: {
          flag: SERVICE_FLAGS[service] ?? 0,
          code,
          cname: buffer.cname,
          uid,
          cid,
          cert: 'agora-stand-in-ticket',
          detail: {},
          edges_services: service === 11 && code === 0 ? [{ ip: this.edgeAddress, port }] : [],
        },
      }));
    });
    return { code: 0, detail: {}, response_body: responseBody };
  }

  reply(rule: ReplyRule | null): void {
    this.rules.set('request', rule);
  }
}
