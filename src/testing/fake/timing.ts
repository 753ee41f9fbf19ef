// Small timing helpers. A latency of 0 means "the next macrotask", so calls in flight overlap observably.

/** Resolves after `ms` milliseconds (0 or less: the next macrotask). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
