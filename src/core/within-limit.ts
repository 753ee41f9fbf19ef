// A wait with an end: SDK calls can stay pending for ever (an unanswered `leave`, say), and teardown must go on.

export type LimitedOutcome = { done: true } | { done: false; error: unknown } | 'timeout';

/** Settles with how `promise` went, or `'timeout'` after `ms`; never rejects. */
export async function withinLimit(promise: Promise<unknown>, ms: number): Promise<LimitedOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const outcome = promise.then(
    (): LimitedOutcome => ({ done: true }),
    (error: unknown): LimitedOutcome => ({ done: false, error }),
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
