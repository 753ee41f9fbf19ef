// Small waits for scenarios that must end by themselves.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `check()` is true; rejects after `timeoutMs` (so a missing event fails fast instead of hanging). */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** "pending" if `promise` has not settled within `ms`, else "resolved" / "rejected CODE". Never throws. */
export async function stateAfter(promise: Promise<unknown>, ms: number, codeOf: (error: unknown) => string): Promise<string> {
  let state = 'pending';
  promise.then(
    () => (state = 'resolved'),
    (error: unknown) => (state = `rejected ${codeOf(error)}`),
  );
  await sleep(ms);
  return state;
}
