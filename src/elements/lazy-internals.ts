// The elements' one lazy-loading pattern (README, "Lazy loading"). The entry holds each element's class, its reactive
// property declarations and the registration: what a framework needs to set properties on a defined element. All
// that does something (the relay session and its runner, validation, tokens, SDK loading, managed mode, rendering
// beyond a <slot>) is the element's internals, a module the class imports with import() the first time it is
// connected or one of its methods is called. The internals read the element's properties when they load, so nothing
// set before then is lost; until then the element renders its fallback.
import type { ReactiveElement } from 'lit';
import { emit } from './events.js';

/** What an element's lazily loaded internals offer the class. */
export interface Internals {
  /** The element is in the document: called on load if it already is, then on every connectedCallback. */
  connected(): void;
  disconnected(): void;
}

export class LazyInternals<T extends Internals> {
  /** The internals, once loaded. */
  value: T | undefined;
  /** The load failed (and may be tried again by the next connection or method call). */
  failed = false;
  #pending: Promise<T> | undefined;
  readonly #element: ReactiveElement;
  readonly #load: () => Promise<T>;

  constructor(element: ReactiveElement, load: () => Promise<T>) {
    this.#element = element;
    this.#load = load;
  }

  /** The internals, loaded on the first call. Rejects when the chunk cannot be loaded, after an error event. */
  get(): Promise<T> {
    this.#pending ??= this.#load().then(
      (internals) => {
        this.value = internals;
        this.failed = false;
        if (this.#element.isConnected) internals.connected();
        this.#element.requestUpdate();
        return internals;
      },
      (error: unknown) => {
        this.#pending = undefined;
        this.failed = true;
        this.#element.requestUpdate();
        emit(this.#element, 'agora-relay-error', {
          code: 'SDK_LOAD_FAILED',
          message: `Could not load the element's module (keep the chunks/ folder next to the script): ${(error as Error).message}`,
          operation: 'load',
        });
        throw error;
      },
    );
    return this.#pending;
  }

  /** Loading, or loaded: resolves once the load has ended, either way. */
  loaded(): Promise<unknown> {
    return this.#pending?.catch(() => undefined) ?? Promise.resolve();
  }

  connected(): void {
    if (this.value) this.value.connected();
    // The error event said it; a connection must not leave an unhandled rejection behind.
    else this.get().catch(() => undefined);
  }

  disconnected(): void {
    this.value?.disconnected();
  }
}
