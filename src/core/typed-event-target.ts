// An EventTarget whose addEventListener/removeEventListener know each event's detail type, so listeners on a
// RelaySession or a ManagedHost are typed without casts. `M` maps event names to CustomEvent types.

export type DetailOf<E> = E extends CustomEvent<infer D> ? D : never;

type AnyListener = EventListenerOrEventListenerObject | ((event: never) => void) | null;

export class TypedEventTarget<M extends { [K in keyof M]: Event }> extends EventTarget {
  override addEventListener<K extends keyof M & string>(
    type: K,
    listener: (event: M[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: AnyListener, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof M & string>(
    type: K,
    listener: (event: M[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(type: string, listener: AnyListener, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  /** Dispatches a CustomEvent of a known type with its detail. */
  protected emit<K extends keyof M & string>(type: K, detail: DetailOf<M[K]>): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
