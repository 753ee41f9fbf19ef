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
// - 4.20 to 4.24.8: the start ends with a SetVideoProfile request the SDK does not await (and its stats collector
//   sends more). A leave, or the server closing the relay socket, while one is unanswered rejects it WS_ABORT,
//   unhandled; that error is made in the socket's close listener, so its stack names neither setVideoProfile nor
//   anything of the relay a listener could tell from another WS_ABORT. So each relay client our start makes gets its
//   setVideoProfile wrapped: the promise it returns gets a handler (whoever awaits it still sees the rejection), and
//   no other promise is touched.

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

type VideoProfileSetter = (...args: unknown[]) => unknown;
const wrapped = new WeakSet<object>();

/**
 * Marks handled every promise `client`'s relay client returns from setVideoProfile, which only the SDK calls and never
 * awaits. Call it right after calling startChannelMediaRelay: the SDK makes its relay client synchronously in that
 * call, before any request. Does nothing without one, or for one already wrapped.
 */
export function absorbRelaySetVideoProfile(client: object): void {
  const relay = (client as { _channelMediaRelayClient?: { setVideoProfile?: unknown } })._channelMediaRelayClient;
  if (typeof relay !== 'object' || relay === null || wrapped.has(relay)) return;
  const original = relay.setVideoProfile;
  if (typeof original !== 'function') return;
  wrapped.add(relay);
  relay.setVideoProfile = function (this: unknown, ...args: unknown[]) {
    const result = (original as VideoProfileSetter).apply(this, args);
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  };
}
