// Per-client plans for the next calls: fail, hold (settle by hand) or delay. Each fake call asks `answer(method)`
// before it succeeds and gets either nothing (go on) or the error to reject with.
import { FakeAgoraRTCError } from './errors.js';
import { sleep } from './timing.js';

/** The client calls whose answer a test can control. */
export type FakeMethod =
  | 'join'
  | 'leave'
  | 'publish'
  | 'unpublish'
  | 'start'
  | 'update'
  | 'stop'
  | 'renewToken'
  | 'enableDualStream'
  | 'setRemoteVideoStreamType';

/** A hand-settled call: the next call of the held method waits until `release()` (go on) or `reject()`. */
export interface FakeHold {
  /** Lets the held call go on and succeed (may be called before the call arrives). */
  release(): void;
  /** Makes the held call fail with an SDK-shaped error (may be called before the call arrives). */
  reject(code: string, message?: string): void;
  /** True once a call has reached this hold. */
  readonly called: boolean;
}

interface Failure {
  code: string;
  message: string;
}
type Decision = { ok: true } | { ok: false; failure: Failure };

class Hold implements FakeHold {
  called = false;
  private decision: Decision | undefined;
  private waiter: ((decision: Decision) => void) | undefined;

  release(): void {
    this.decide({ ok: true });
  }

  reject(code: string, message = ''): void {
    this.decide({ ok: false, failure: { code, message } });
  }

  wait(): Promise<Decision> {
    this.called = true;
    if (this.decision) return Promise.resolve(this.decision);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  private decide(decision: Decision): void {
    if (this.decision) return;
    this.decision = decision;
    this.waiter?.(decision);
  }
}

export class CallPlan {
  private failures = new Map<FakeMethod, Failure[]>();
  private holds = new Map<FakeMethod, Hold[]>();
  private delays = new Map<FakeMethod, number>();

  failNext(method: FakeMethod, code: string, message = ''): void {
    const list = this.failures.get(method) ?? [];
    list.push({ code, message });
    this.failures.set(method, list);
  }

  hold(method: FakeMethod): FakeHold {
    const hold = new Hold();
    const list = this.holds.get(method) ?? [];
    list.push(hold);
    this.holds.set(method, list);
    return hold;
  }

  delay(method: FakeMethod, ms: number): void {
    if (ms > 0) this.delays.set(method, ms);
    else this.delays.delete(method);
  }

  /** Applies the delay, then a pending hold, else a pending failure. Returns the error to fail with, if any. */
  async answer(method: FakeMethod): Promise<FakeAgoraRTCError | undefined> {
    const delay = this.delays.get(method);
    if (delay) await sleep(delay);
    const hold = this.holds.get(method)?.shift();
    if (hold) {
      const decision = await hold.wait();
      return decision.ok ? undefined : new FakeAgoraRTCError(decision.failure.code, decision.failure.message);
    }
    const failure = this.failures.get(method)?.shift();
    return failure ? new FakeAgoraRTCError(failure.code, failure.message) : undefined;
  }
}
