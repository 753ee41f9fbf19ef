// Can this page reach the local Agora stand-in? Three answers a person needs told apart, in words: it is not running,
// the browser has not accepted its certificate yet, or it is there. `npm start` (scripts/start.mjs) answers
// /__stand-in/status with what it knows; a page served some other way falls back to the program's default ports.
import type { StandInAddresses } from '../src/testing/stand-in/browser.js';
import { standInHostName } from '../src/testing/stand-in/browser.js';

export const DEFAULT_ADDRESSES: StandInAddresses = { accessPoint: { host: '127.0.0.1', port: 7350 }, relay: { port: 7351 } };

export type Reach =
  | { kind: 'reachable'; addresses: StandInAddresses; acceptAt: string; authority?: string }
  | { kind: 'not-running'; message: string; served: boolean }
  | { kind: 'certificate'; acceptAt: string; served: boolean; authority?: string };

interface Status {
  state: 'starting' | 'running' | 'exited' | 'off';
  message: string;
  addresses: StandInAddresses | null;
  /** The stand-in's local authority (a file path), which Firefox needs imported. */
  authority?: string | null;
}

/** Where a person accepts the certificate: the one name the SDK reaches every service by. */
export const acceptAddress = (addresses: StandInAddresses) =>
  `https://${standInHostName(addresses.accessPoint.host)}:${addresses.accessPoint.port}/`;

async function status(url: string): Promise<Status | undefined> {
  try {
    const response = await fetch(url, { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return undefined;
    return (await response.json()) as Status;
  } catch {
    return undefined;
  }
}

/** Whether the stand-in answers over TLS: fails alike when nothing listens and when the certificate is refused. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', signal: AbortSignal.timeout(4000) });
    return true;
  } catch {
    return false;
  }
}

export async function reachStandIn(statusUrl: string, given?: StandInAddresses): Promise<Reach> {
  const known = given ? undefined : await status(statusUrl);
  const served = !!known;
  if (known && known.state !== 'running') {
    const message =
      known.state === 'off'
        ? 'npm start was told not to start it (STAND_IN=0).'
        : known.state === 'starting'
          ? 'It is still starting.'
          : `It stopped: ${known.message || 'no reason given'}.`;
    return { kind: 'not-running', message, served };
  }
  const addresses = given ?? known?.addresses ?? DEFAULT_ADDRESSES;
  const acceptAt = acceptAddress(addresses);
  if (await answers(acceptAt)) return { kind: 'reachable', addresses, acceptAt, ...(known?.authority ? { authority: known.authority } : {}) };
  // npm start says it runs, so what fails is the certificate; without npm start, either may be the cause.
  if (served || given) return { kind: 'certificate', acceptAt, served, ...(known?.authority ? { authority: known.authority } : {}) };
  return { kind: 'not-running', message: `Nothing answered at ${acceptAt}.`, served };
}
