// A wait the runner can always get out of: it ends with the work's answer, or when its time limit passes, or when
// the signal says the answer no longer matters. Whatever the work does afterwards is dropped; a late rejection is
// handled here, so it can never surface as an unhandled rejection.

/** How a wait ended: the work's value or error, or cut short (`timeout`, `abandoned`) before it answered. */
export type WaitOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: unknown; cut?: undefined }
  | { ok: false; cut: 'timeout' | 'abandoned' };

/** Runs `work` and waits for it at most `ms` (Infinity: no limit), and only while `signal` is not aborted. */
export function boundedWait<T>(work: () => Promise<T> | T, ms: number, signal?: AbortSignal): Promise<WaitOutcome<T>> {
  if (signal?.aborted) return Promise.resolve({ ok: false, cut: 'abandoned' });
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ended = false;
    const finish = (outcome: WaitOutcome<T>) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish({ ok: false, cut: 'abandoned' });
    if (ms !== Infinity) timer = setTimeout(() => finish({ ok: false, cut: 'timeout' }), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    let answer: Promise<T>;
    try {
      answer = Promise.resolve(work());
    } catch (error) {
      answer = Promise.reject(error);
    }
    answer.then(
      (value) => finish({ ok: true, value }),
      (error: unknown) => finish({ ok: false, error }),
    );
  });
}
