// Browser side: starts a stand-in through the test runner's plugin (server/wtr-plugin.ts) and drives its controls
// over HTTP, with the same names and arguments as the Node API, each returning a promise.
import { CONTROL_METHODS } from './controls.js';
import type { AgoraStandInOptions, ControlGroup, StandInAddresses, StandInControls } from './controls.js';

type Remote<Group> = {
  [Method in keyof Group]: Group[Method] extends (...args: infer Args) => infer Result
    ? (...args: Args) => Promise<Awaited<Result>>
    : never;
};

/** A stand-in running in the test runner's Node process, seen from the test page. */
export type RemoteAgoraStandIn = { [Group in ControlGroup]: Remote<StandInControls[Group]> } & {
  readonly id: number;
  readonly addresses: StandInAddresses;
  /** Clears every rule, refusal, remote user and the log (sockets stay open). */
  reset(): Promise<void>;
  /** Stops it: every socket the SDK has to it closes. */
  stop(): Promise<void>;
};

export const STAND_IN_ROUTE = '/__agora-stand-in/';

async function post(action: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${STAND_IN_ROUTE}${action}`, {
    method: 'POST',
    cache: 'no-store',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`stand-in ${action}: HTTP ${response.status} (is the agora-stand-in plugin installed?)`);
  const reply = (await response.json()) as { ok: boolean; result?: unknown; error?: string };
  if (!reply.ok) throw new Error(`stand-in ${action}: ${reply.error}`);
  return reply.result;
}

/** Starts a fresh stand-in (new ports, empty log) for this page. Stop it when done (the runner stops leftovers). */
export async function startRemoteAgoraStandIn(options?: AgoraStandInOptions): Promise<RemoteAgoraStandIn> {
  const { id, addresses } = (await post('start', { options })) as { id: number; addresses: StandInAddresses };
  const groups = Object.fromEntries(
    Object.entries(CONTROL_METHODS).map(([group, methods]) => [
      group,
      Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => post('call', { id, group, method, args })])),
    ]),
  );
  return {
    ...(groups as { [Group in ControlGroup]: Remote<StandInControls[Group]> }),
    id,
    addresses,
    reset: async () => void (await post('reset', { id })),
    stop: async () => void (await post('stop', { id })),
  };
}
