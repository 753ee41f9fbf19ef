// Quirks of agora-rtc-sdk-ng that no call of ours can avoid (measured through the local stand-in):
// - 4.20 to 4.24.8: once a relay has been started on a client, every change of the local video's send resolution
//   makes the SDK call its relay client's setVideoProfile(), which rejects INVALID_OPERATION whenever the relay is not
//   RUNNING (stopped, failed, stuck), and nothing in the SDK catches it. This lasts as long as the client stays in the
//   channel, even after our session is gone. 4.22 also calls it from publish() while the relay's socket is not
//   open, where it rejects WS_ABORT ("websocket is not ready"), just as unhandled.
// - 4.20 to 4.23 (the SDK version matrix): stopChannelMediaRelay() closes the relay's socket while a request the SDK
//   sent without awaiting it (SetVideoProfile) is still unanswered, and that request rejects WS_ABORT, unhandled.
// So from the first relay start on, the page marks exactly those rejections handled (preventDefault): one listener
// for the page's lifetime, any other rejection left alone (ours are all awaited, so never reach it).

let installed = false;

function isRelayQuirkRejection(reason: unknown): boolean {
  const error = reason as { code?: unknown; stack?: unknown } | null;
  if (typeof error !== 'object' || error === null || typeof error.stack !== 'string') return false;
  if (error.code === 'INVALID_OPERATION') return error.stack.includes('setVideoProfile');
  if (error.code === 'WS_ABORT') return error.stack.includes('setVideoProfile') || error.stack.includes('stopChannelMediaRelay');
  return false;
}

/** Installs the page-wide absorber once; later calls do nothing. */
export function absorbRelayVideoProfileRejections(): void {
  const target = globalThis as { addEventListener?: typeof addEventListener };
  if (installed || !target.addEventListener) return;
  installed = true;
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (isRelayQuirkRejection(event.reason)) event.preventDefault();
  });
}
