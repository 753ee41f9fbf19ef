// One client, one relay (api.md "Validation"): the SDK keeps a single channel media relay per client, so two
// sessions given the same client would start, update and stop each other's relay without a word. A session claims
// the client before it starts a relay on it and lets it go once its relay there has stopped; another session finds
// it taken, says so, makes no call, and is told when the client is free. Page-wide, like the clients themselves.

/** Who may hold a claim: a session's runner, told when a client it waits for is free. */
export interface Claimant {
  clientFreed(): void;
}

const owners = new WeakMap<object, Claimant>();
const waiting = new WeakMap<object, Set<Claimant>>();

/** The session whose relay the client carries, if any. */
export function claimOwner(client: object): Claimant | undefined {
  return owners.get(client);
}

/** True when `client` is free or already `who`'s; it is then `who`'s. */
export function claimClient(client: object, who: Claimant): boolean {
  const owner = owners.get(client);
  if (owner && owner !== who) return false;
  owners.set(client, who);
  waiting.get(client)?.delete(who);
  return true;
}

/** `who` lets the client go (if it held it), and every session waiting for it hears so. */
export function releaseClient(client: object, who: Claimant): void {
  if (owners.get(client) !== who) return;
  owners.delete(client);
  const waiters = waiting.get(client);
  if (!waiters) return;
  waiting.delete(client);
  for (const waiter of waiters) waiter.clientFreed();
}

/** `who` wants to hear when the client is free. */
export function awaitClient(client: object, who: Claimant): void {
  let waiters = waiting.get(client);
  if (!waiters) waiting.set(client, (waiters = new Set()));
  waiters.add(who);
}

/** `who` no longer waits for the client (it was detached, or disposed). */
export function stopAwaitingClient(client: object, who: Claimant): void {
  waiting.get(client)?.delete(who);
}
