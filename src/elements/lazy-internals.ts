// The elements' one lazy-loading pattern (README, "Lazy loading"). The entry holds each element's class, its reactive
// property declarations and the registration: what a framework needs to set properties on a defined element. All
// that does something (the relay session and its runner, validation, tokens, SDK loading, managed mode, rendering
// beyond a <slot>) is the element's internals, a module the class imports with import() the first time an element is
// connected or one of its methods is called. The internals read the element's properties when they are made, so
// nothing set before then is lost; until then the element renders its fallback.
import type { ReactiveElement } from 'lit';
import { emit } from './events.js';

/** What an element's lazily loaded internals offer the class. */
export interface Internals {
  /** The element is in the document: called when the internals are made if it already is, then on each connection. */
  connected(): void;
  disconnected(): void;
}

/** A lazily imported module, shared by every element of a class: once it is here, internals are made at once. */
export class LazyModule<M> {
  value: M | undefined;
  #pending: Promise<M> | undefined;
  readonly #load: () => Promise<M>;

  constructor(load: () => Promise<M>) {
    this.#load = load;
  }

  get(): Promise<M> {
    this.#pending ??= this.#load().then(
      (module) => (this.value = module),
      (error: unknown) => {
        // A failed load may be tried again (the next connection or method call).
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }
}

export class LazyInternals<M, T extends Internals> {
  /** The internals, once made. */
  value: T | undefined;
  /** The last load failed (the next connection or method call tries again). */
  failed = false;
  #pending: Promise<T> | undefined;
  readonly #element: ReactiveElement;
  readonly #module: LazyModule<M>;
  readonly #create: (module: M) => T;

  constructor(element: ReactiveElement, module: LazyModule<M>, create: (module: M) => T) {
    this.#element = element;
    this.#module = module;
    this.#create = create;
  }

  /**
   * The internals now if the module is here (so a method call keeps its order with the property changes around it),
   * else undefined, with the load started.
   */
  now(): T | undefined {
    // A failed load said so in its error event: no unhandled rejection here.
    this.get().catch(() => undefined);
    return this.value;
  }

  /** The internals, loaded on the first call. Rejects when the chunk cannot be loaded, after an error event. */
  get(): Promise<T> {
    if (!this.value && this.#module.value) this.#made(this.#create(this.#module.value));
    if (this.value) return Promise.resolve(this.value);
    this.#pending ??= this.#module.get().then(
      (module) => this.value ?? this.#made(this.#create(module)),
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
    // Made (and connected) at once if the module is here, else when it arrives.
    else this.now();
  }

  disconnected(): void {
    this.value?.disconnected();
  }

  #made(internals: T): T {
    this.value = internals;
    this.failed = false;
    if (this.#element.isConnected) internals.connected();
    this.#element.requestUpdate();
    return internals;
  }
}
