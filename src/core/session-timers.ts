// The lengths of the session's timers, in one place so a test can shorten them all (the model tests run thousands
// of sequences and cannot wait seconds for a watchdog).

/**
 * How long a running relay may sit IDLE before the session calls it lost. The SDK restarts a dropped relay by
 * itself in about 0.3 s, but after a refused reconnect it stays IDLE and says nothing more (protocol reference §4).
 */
export const RELAY_WATCHDOG_MS = 3000;

/** How often to look for a publish the SDK does not announce, while that is all the relay waits for. */
export const PUBLISH_CHECK_MS = 500;

/**
 * The timer lengths in force: the ones above, unless a test shortens them. Not exported by the package's entry
 * points.
 */
export const sessionTimers = { watchdogMs: RELAY_WATCHDOG_MS, publishCheckMs: PUBLISH_CHECK_MS };
