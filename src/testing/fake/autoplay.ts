// The browser's autoplay block, as the SDK reports it: a media element whose play() is refused (NotAllowedError, or
// a refusal the test simulates) is remembered, the namespace's one slot `onAutoplayFailed` is called and
// `autoplay-failed` is emitted, once until a gesture on the page (mousedown, touchstart or click), which, as the
// SDK's own body listener does, plays the refused elements again.

export interface FakeAutoplaySlot {
  onAutoplayFailed?: (() => void) | undefined;
}

/** Something whose playback was refused and can be tried again. */
export interface FakePlayback {
  retryPlayback(): void;
}

export class FakeAutoplay {
  /** Simulated refusal: every audio play() is refused until a gesture or `refuseAutoplay(false)`. */
  refusing = false;
  /** Times the refusal was reported to the page. */
  reports = 0;
  readonly #listeners = new Set<() => void>();
  readonly #waiting = new Set<FakePlayback>();
  #reported = false;
  #slot: FakeAutoplaySlot | undefined;

  attach(slot: FakeAutoplaySlot): void {
    this.#slot = slot;
  }

  on(listener: () => void): void {
    this.#listeners.add(listener);
  }

  off(listener: () => void): void {
    this.#listeners.delete(listener);
  }

  /** A play() was refused: remember it, and tell the page once until a gesture. */
  refused(playback: FakePlayback): void {
    this.#waiting.add(playback);
    if (this.#reported) return;
    this.#reported = true;
    this.reports += 1;
    // As the SDK does on desktop browsers (4.24.8 bundle): the first mousedown or touchstart on the body resumes.
    const body = globalThis.document?.body;
    for (const type of ['mousedown', 'touchstart', 'click']) body?.addEventListener(type, this.#onGesture, { capture: true });
    // The SDK reports on a later task, not inside play().
    setTimeout(() => {
      this.#slot?.onAutoplayFailed?.();
      for (const listener of [...this.#listeners]) listener();
    }, 0);
  }

  /** Played fine: no longer waiting. */
  played(playback: FakePlayback): void {
    this.#waiting.delete(playback);
  }

  /** Lifts a simulated refusal (as a gesture would) and plays what was refused. */
  lift(): void {
    const body = globalThis.document?.body;
    for (const type of ['mousedown', 'touchstart', 'click']) body?.removeEventListener(type, this.#onGesture, { capture: true });
    this.refusing = false;
    this.#reported = false;
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const playback of waiting) playback.retryPlayback();
  }

  readonly #onGesture = (): void => this.lift();
}
