/// <reference types="node" />
// A web-test-runner (dev-server) plugin that lets browser tests start their own stand-ins and drive them:
// POST /__agora-stand-in/{start,call,reset,stop} with JSON bodies (see ../remote.ts). The runner starts and stops it;
// every stand-in still open when the runner stops is stopped then.
import type { IncomingMessage } from 'node:http';
import { CONTROL_METHODS } from '../controls.js';
import type { AgoraStandInOptions, ControlGroup } from '../controls.js';
import { readBody } from './http-helpers.js';
import { startAgoraStandIn } from './start-agora-stand-in.js';
import type { AgoraStandIn } from './start-agora-stand-in.js';

export const STAND_IN_ROUTE = '/__agora-stand-in/';

export interface AgoraStandInPluginOptions {
  /** Defaults for every stand-in a test starts. */
  standIn?: AgoraStandInOptions;
}

/** The part of a dev-server request context the plugin reads (a Koa context). */
interface ServeContext {
  path: string;
  method: string;
  req: IncomingMessage;
}

interface ServeResult {
  body: string;
  type: string;
  headers: Record<string, string>;
}

/** Structurally a web-test-runner / web-dev-server plugin. */
export interface AgoraStandInPlugin {
  name: string;
  serve(context: ServeContext): Promise<ServeResult | undefined>;
  serverStop(): Promise<void>;
}

interface CallBody {
  id?: number;
  group?: string;
  method?: string;
  args?: unknown[];
  options?: AgoraStandInOptions;
}

export function agoraStandInPlugin(pluginOptions: AgoraStandInPluginOptions = {}): AgoraStandInPlugin {
  const running = new Map<number, AgoraStandIn>();
  let nextId = 1;

  function standIn(body: CallBody): AgoraStandIn {
    const found = running.get(body.id ?? -1);
    if (!found) throw new Error(`no running stand-in ${body.id}`);
    return found;
  }

  async function call(body: CallBody): Promise<unknown> {
    const group = body.group as ControlGroup;
    const allowed: readonly string[] | undefined = CONTROL_METHODS[group];
    if (!allowed?.includes(body.method ?? '')) throw new Error(`unknown control ${body.group}.${body.method}`);
    const target = standIn(body)[group] as unknown as Record<string, (...args: unknown[]) => unknown>;
    const method = target[body.method ?? ''];
    if (!method) throw new Error(`stand-in has no control ${body.group}.${body.method}`);
    return method(...(body.args ?? []));
  }

  async function route(action: string, body: CallBody): Promise<unknown> {
    switch (action) {
      case 'start': {
        const started = await startAgoraStandIn({ ...pluginOptions.standIn, ...body.options });
        const id = nextId++;
        running.set(id, started);
        return { id, addresses: started.addresses };
      }
      case 'call':
        return call(body);
      case 'reset':
        return standIn(body).reset();
      case 'stop': {
        const stopping = running.get(body.id ?? -1);
        running.delete(body.id ?? -1);
        return stopping?.stop();
      }
      default:
        throw new Error(`unknown stand-in action ${action}`);
    }
  }

  return {
    name: 'agora-stand-in',
    async serve(context) {
      if (!context.path.startsWith(STAND_IN_ROUTE)) return undefined;
      let reply: { ok: true; result: unknown } | { ok: false; error: string };
      try {
        if (context.method !== 'POST') throw new Error('POST only');
        const text = (await readBody(context.req)).toString('utf8');
        const result = await route(context.path.slice(STAND_IN_ROUTE.length), (text ? JSON.parse(text) : {}) as CallBody);
        reply = { ok: true, result: result ?? null };
      } catch (error) {
        reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      return { body: JSON.stringify(reply), type: 'json', headers: { 'cache-control': 'no-store' } };
    },
    async serverStop() {
      const all = [...running.values()];
      running.clear();
      await Promise.all(all.map((each) => each.stop()));
    },
  };
}
