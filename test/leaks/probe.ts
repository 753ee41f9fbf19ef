// What outlives a test: wraps setTimeout/clearTimeout/setInterval/clearInterval, MessageChannel and
// window.addEventListener/removeEventListener, so a test can ask what it left running.
//
// - A timeout is live from setTimeout until it fires or is cleared; an interval until it is cleared. Browsers share
//   one id pool for both, so either clear function ends either kind (as in the browser).
// - next-task.ts (the session's "a task later") posts on one MessageChannel per page instead of using a timer. That
//   channel is meant to live as long as the page, so what counts is a message posted and not delivered yet (a
//   runner still waiting), and how many channels were made (one, however many hosts come and go).
// - Window listeners: `unhandledrejection` and the like added during the test and not removed.
//
// Each record keeps the stack of the call that made it, so a failure says whose timer or listener it is.

type TimerKind = 'timeout' | 'interval';

export interface LiveTimer {
  kind: TimerKind;
  /** Order of creation among everything the probe records, for `report(since)`. */
  seq: number;
  delay: number;
  stack: string;
}

export interface LiveListener {
  type: string;
  seq: number;
  stack: string;
}

export interface ProbeReport {
  /** Timeouts not fired or cleared and intervals not cleared, made since the mark. */
  timers: LiveTimer[];
  /** Messages posted on a MessageChannel made since install() and not delivered yet. */
  pendingMessages: number;
  /** MessageChannels made since install(). */
  channels: number;
  /** Window listeners added since the mark and not removed. */
  windowListeners: LiveListener[];
  /** Timeouts and intervals made since the mark, to show the probe saw the code at work. */
  timeoutsMade: number;
  intervalsMade: number;
  /** Messages posted since install(). */
  messagesPosted: number;
}

export interface Probe {
  /** A point to report from: what was made before it is left out of `report(mark)`. */
  mark(): number;
  /** What is live now, of what was made since `since` (default: since install()). */
  report(since?: number): ProbeReport;
  /** Puts back every original. */
  uninstall(): void;
}

const here = 'test/leaks/probe';

/** The stack without the probe's own frames. */
function callerStack(): string {
  return (new Error().stack ?? '')
    .split('\n')
    .filter((line) => !line.includes(here) && line.trim() !== 'Error')
    .slice(0, 6)
    .join('\n');
}

export function installProbe(): Probe {
  const win = window as Window & typeof globalThis;
  const original = {
    setTimeout: win.setTimeout,
    clearTimeout: win.clearTimeout,
    setInterval: win.setInterval,
    clearInterval: win.clearInterval,
    MessageChannel: win.MessageChannel,
    addEventListener: win.addEventListener,
    removeEventListener: win.removeEventListener,
  };
  const hadOwn = {
    addEventListener: Object.prototype.hasOwnProperty.call(win, 'addEventListener'),
    removeEventListener: Object.prototype.hasOwnProperty.call(win, 'removeEventListener'),
  };
  let seq = 0;
  const timers = new Map<number, LiveTimer>();
  /** Sequence numbers of every timeout and interval made, by kind. */
  const made: Record<TimerKind, number[]> = { timeout: [], interval: [] };
  let channels = 0;
  let posted = 0;
  let delivered = 0;
  const listeners: (LiveListener & { listener: unknown; capture: boolean })[] = [];

  function arm(kind: TimerKind, handler: TimerHandler, delay: number | undefined, args: unknown[]): number {
    const record: LiveTimer = { kind, seq: seq++, delay: delay ?? 0, stack: callerStack() };
    made[kind].push(record.seq);
    const schedule = kind === 'timeout' ? original.setTimeout : original.setInterval;
    let id = 0;
    const run =
      typeof handler === 'function'
        ? (...callArgs: unknown[]) => {
            if (kind === 'timeout') timers.delete(id);
            (handler as (...values: unknown[]) => void)(...callArgs);
          }
        : handler;
    id = schedule.call(win, run, delay, ...args);
    timers.set(id, record);
    return id;
  }

  function clear(id: number | undefined): void {
    if (id === undefined) return;
    timers.delete(id);
    original.clearTimeout.call(win, id);
  }

  win.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    arm('timeout', handler, delay, args)) as typeof setTimeout;
  win.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) =>
    arm('interval', handler, delay, args)) as typeof setInterval;
  win.clearTimeout = ((id?: number) => clear(id)) as typeof clearTimeout;
  win.clearInterval = ((id?: number) => clear(id)) as typeof clearInterval;

  const Original = original.MessageChannel;
  class ProbedMessageChannel extends Original {
    constructor() {
      super();
      channels += 1;
      for (const port of [this.port1, this.port2]) {
        const post = port.postMessage.bind(port) as (...values: unknown[]) => void;
        Object.defineProperty(port, 'postMessage', {
          configurable: true,
          value: (...values: unknown[]) => {
            posted += 1;
            post(...values);
          },
        });
        // Counts deliveries without starting the port: only a port its owner started (onmessage) delivers.
        port.addEventListener('message', () => {
          delivered += 1;
        });
      }
    }
  }
  win.MessageChannel = ProbedMessageChannel;

  const captureOf = (options: boolean | EventListenerOptions | undefined) =>
    typeof options === 'boolean' ? options : !!options?.capture;
  const find = (type: string, listener: unknown, capture: boolean) =>
    listeners.findIndex((entry) => entry.type === type && entry.listener === listener && entry.capture === capture);
  win.addEventListener = function (
    this: Window,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ) {
    const once = typeof options === 'object' && !!options.once;
    const capture = captureOf(options);
    if (listener && !once && find(type, listener, capture) === -1) {
      listeners.push({ type, seq: seq++, stack: callerStack(), listener, capture });
    }
    if (listener) original.addEventListener.call(this, type, listener, options);
  } as typeof window.addEventListener;
  win.removeEventListener = function (
    this: Window,
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ) {
    const index = find(type, listener, captureOf(options));
    if (index !== -1) listeners.splice(index, 1);
    if (listener) original.removeEventListener.call(this, type, listener, options);
  } as typeof window.removeEventListener;

  return {
    mark: () => seq,
    report: (since = 0) => ({
      timers: [...timers.values()].filter((timer) => timer.seq >= since),
      pendingMessages: posted - delivered,
      channels,
      windowListeners: listeners.filter((entry) => entry.seq >= since).map(({ type, seq: at, stack }) => ({ type, seq: at, stack })),
      timeoutsMade: made.timeout.filter((at) => at >= since).length,
      intervalsMade: made.interval.filter((at) => at >= since).length,
      messagesPosted: posted,
    }),
    uninstall() {
      win.setTimeout = original.setTimeout;
      win.clearTimeout = original.clearTimeout;
      win.setInterval = original.setInterval;
      win.clearInterval = original.clearInterval;
      win.MessageChannel = original.MessageChannel;
      if (hadOwn.addEventListener) win.addEventListener = original.addEventListener;
      else delete (win as Partial<Window>).addEventListener;
      if (hadOwn.removeEventListener) win.removeEventListener = original.removeEventListener;
      else delete (win as Partial<Window>).removeEventListener;
    },
  };
}

/** One line per live thing, for an assertion message. */
export function describeLive(report: ProbeReport): string {
  const lines = [
    ...report.timers.map((timer) => `${timer.kind} (${timer.delay} ms) made at\n${timer.stack}`),
    ...report.windowListeners.map((listener) => `window "${listener.type}" listener added at\n${listener.stack}`),
  ];
  if (report.pendingMessages !== 0) lines.push(`${report.pendingMessages} MessageChannel message(s) not delivered`);
  return lines.join('\n---\n');
}
