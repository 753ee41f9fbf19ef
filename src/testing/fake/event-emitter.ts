// A listener registry with the SDK's semantics (its internal emitter, read from the 4.24.8 bundle): the same listener
// added twice is kept once, `once` listeners are removed before they run, `off` of an unknown listener is a no-op,
// and emitting works on a snapshot; a throwing listener is reported with console.error and the others still run.

type Listener = (...args: never[]) => void;
interface Entry {
  listener: Listener;
  once: boolean;
}

export class FakeEventEmitter {
  private events = new Map<string, Entry[]>();

  on(event: string, listener: Listener): void {
    this.add(event, listener, false);
  }

  /** Alias of `on`, as on the SDK. */
  addListener(event: string, listener: Listener): void {
    this.add(event, listener, false);
  }

  once(event: string, listener: Listener): void {
    this.add(event, listener, true);
  }

  off(event: string, listener: Listener): void {
    const list = this.events.get(event);
    if (!list) return;
    const index = list.findIndex((entry) => entry.listener === listener);
    if (index !== -1) list.splice(index, 1);
    if (list.length === 0) this.events.delete(event);
  }

  removeAllListeners(event?: string): void {
    if (event === undefined) this.events.clear();
    else this.events.delete(event);
  }

  getListeners(event: string): Listener[] {
    return (this.events.get(event) ?? []).map((entry) => entry.listener);
  }

  /** Number of listeners on one event, or on all events. */
  protected countListeners(event?: string): number {
    if (event !== undefined) return this.events.get(event)?.length ?? 0;
    let total = 0;
    for (const list of this.events.values()) total += list.length;
    return total;
  }

  /** Calls every listener of `event` with `args`, like the SDK's `safeEmit`. */
  protected emit(event: string, ...args: unknown[]): void {
    for (const entry of [...(this.events.get(event) ?? [])]) {
      if (entry.once) this.off(event, entry.listener);
      try {
        (entry.listener as (...values: unknown[]) => void)(...args);
      } catch (error) {
        console.error(`safeEmit event:${event} error ${String(error)}`);
      }
    }
  }

  private add(event: string, listener: Listener, once: boolean): void {
    let list = this.events.get(event);
    if (!list) {
      list = [];
      this.events.set(event, list);
    }
    if (list.some((entry) => entry.listener === listener)) return;
    list.push({ listener, once });
  }
}
