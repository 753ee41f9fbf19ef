// What the SDK sent to the stand-in (and what the stand-in did to it), in order, with waiters for future entries.
import type { LogControls, StandInLogEntry, StandInLogFilter } from '../controls.js';

type Waiter = { filter: StandInLogFilter; resolve: (entry: StandInLogEntry) => void; fail: (error: Error) => void };

function matches(entry: StandInLogEntry, filter: StandInLogFilter | undefined): boolean {
  return (
    (filter?.service === undefined || filter.service === entry.service) &&
    (filter?.direction === undefined || filter.direction === entry.direction) &&
    (filter?.type === undefined || filter.type === entry.type)
  );
}

export class StandInLog implements LogControls {
  readonly #entries: StandInLogEntry[] = [];
  readonly #waiters = new Set<Waiter>();
  readonly #startedAt = performance.now();

  /** Keeps at most `limit` entries, dropping the oldest (a stand-in left running all day). */
  constructor(private readonly limit = Infinity) {}

  add(entry: Omit<StandInLogEntry, 'at'>): void {
    const full = { at: Math.round(performance.now() - this.#startedAt), ...entry };
    this.#entries.push(full);
    if (this.#entries.length > this.limit) this.#entries.splice(0, this.#entries.length - this.limit);
    for (const waiter of this.#waiters) {
      if (matches(full, waiter.filter)) waiter.resolve(full);
    }
  }

  entries(filter?: StandInLogFilter): StandInLogEntry[] {
    return this.#entries.filter((entry) => matches(entry, filter));
  }

  waitFor(filter: StandInLogFilter, timeoutMs = 5000): Promise<StandInLogEntry> {
    const found = this.#entries.find((entry) => matches(entry, filter));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timeout = () => waiter.fail(new Error(`stand-in: nothing matching ${JSON.stringify(filter)} in ${timeoutMs} ms`));
      const timer = setTimeout(timeout, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.#waiters.delete(waiter);
      };
      const waiter: Waiter = {
        filter,
        resolve: (entry) => (settle(), resolve(entry)),
        fail: (error) => (settle(), reject(error)),
      };
      this.#waiters.add(waiter);
    });
  }

  clear(): void {
    this.#entries.length = 0;
  }

  /** Rejects every pending waiter (the stand-in is stopping). */
  dispose(): void {
    for (const waiter of [...this.#waiters]) waiter.fail(new Error('stand-in: stopped'));
  }
}
