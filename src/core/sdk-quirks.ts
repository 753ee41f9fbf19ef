// A quirk of agora-rtc-sdk-ng 4.24.8 that no call of ours can avoid (measured through the local stand-in): once a
// relay has been started on a client, every change of the local video's send resolution makes the SDK call its
// relay client's setVideoProfile(), which rejects INVALID_OPERATION whenever the relay is not RUNNING (stopped,
// failed, stuck) — and nothing in the SDK catches it. While a session has started a relay, those rejections are
// marked handled (preventDefault) so a page does not see the SDK's internal noise as its own unhandled rejection;
// any other rejection is left alone.

let users = 0;

function isRelayVideoProfileRejection(reason: unknown): boolean {
  const error = reason as { code?: unknown; stack?: unknown } | null;
  return (
    typeof error === 'object' &&
    error !== null &&
    error.code === 'INVALID_OPERATION' &&
    typeof error.stack === 'string' &&
    error.stack.includes('setVideoProfile')
  );
}

function absorb(event: PromiseRejectionEvent): void {
  if (isRelayVideoProfileRejection(event.reason)) event.preventDefault();
}

/** Starts absorbing; returns the disposer. Counted, so several sessions share one listener. */
export function absorbRelayVideoProfileRejections(): () => void {
  const target = globalThis as { addEventListener?: typeof addEventListener; removeEventListener?: typeof removeEventListener };
  if (!target.addEventListener || !target.removeEventListener) return () => undefined;
  if (users === 0) target.addEventListener('unhandledrejection', absorb);
  users += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users -= 1;
    if (users === 0) target.removeEventListener?.('unhandledrejection', absorb);
  };
}
