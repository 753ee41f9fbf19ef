// The lengths of the session's timers, in one place so a test can shorten them all (the model tests run thousands
// of sequences and cannot wait seconds for a watchdog).

/**
 * How long a running relay may sit IDLE before the session calls it lost. The SDK restarts a dropped relay by
 * itself in about 0.3 s, but after a refused reconnect it stays IDLE and says nothing more (protocol reference §4).
 */
export const RELAY_WATCHDOG_MS = 3000;

/** How often to look for a publish the SDK does not announce, while that is all the relay waits for. */
export const PUBLISH_CHECK_MS = 500;

/** How long a token request may go unanswered before the destination (or the start) fails without it. */
export const TOKEN_TIMEOUT_MS = 10_000;

/**
 * How long startChannelMediaRelay or updateChannelMediaRelay may go unanswered. The SDK gives up on its own
 * unanswered requests in 3 to 7 s (stand-in measurements); this bounds whatever it does not.
 */
export const RELAY_CALL_TIMEOUT_MS = 10_000;

/** How long stopChannelMediaRelay may go unanswered: a removal must not wait long on it. */
export const RELAY_STOP_TIMEOUT_MS = 2000;

/**
 * How long a start or update still gets once its answer no longer matters (stop(), removal, disabled, a new plan)
 * before the runner stops waiting and goes on: a normal call answers well within it, a hung one holds no stop.
 */
export const ABANDON_GRACE_MS = 500;

/**
 * The timer lengths in force: the ones above, unless a test shortens them. Not exported by the package's entry
 * points.
 */
export const sessionTimers = {
  watchdogMs: RELAY_WATCHDOG_MS,
  publishCheckMs: PUBLISH_CHECK_MS,
  tokenMs: TOKEN_TIMEOUT_MS,
  callMs: RELAY_CALL_TIMEOUT_MS,
  stopMs: RELAY_STOP_TIMEOUT_MS,
  graceMs: ABANDON_GRACE_MS,
};
