// A quirk of agora-rtc-sdk-ng 4.24.8 that no call of ours can avoid (measured through the local stand-in): once a
// relay has been started on a client, every change of the local video's send resolution makes the SDK call its
// relay client's setVideoProfile(), which rejects INVALID_OPERATION whenever the relay is not RUNNING (stopped,
// failed, stuck) — and nothing in the SDK catches it. This lasts as long as the client stays in the channel, even
// after our session is gone, so from the first relay start on, the page marks exactly those rejections handled
// (preventDefault): one listener for the page's lifetime, any other rejection left alone.

let installed = false;

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

/** Installs the page-wide absorber once; later calls do nothing. */
export function absorbRelayVideoProfileRejections(): void {
  const target = globalThis as { addEventListener?: typeof addEventListener };
  if (installed || !target.addEventListener) return;
  installed = true;
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (isRelayVideoProfileRejection(event.reason)) event.preventDefault();
  });
}
