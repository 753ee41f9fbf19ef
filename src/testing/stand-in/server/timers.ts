/// <reference types="node" />
// Timers the stand-in starts (delayed answers, statuses, rejoin grace), cleared together when it stops; once stopped,
// new ones are ignored (sockets closing during the stop would otherwise start some).

export class Timers {
  readonly #pending = new Set<NodeJS.Timeout>();
  #stopped = false;

  after(ms: number, run: () => void): void {
    if (this.#stopped) return;
    const timer = setTimeout(() => {
      this.#pending.delete(timer);
      run();
    }, ms);
    this.#pending.add(timer);
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#pending) clearTimeout(timer);
    this.#pending.clear();
  }
}
