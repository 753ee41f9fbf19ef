import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import {
  RelaySession,
  type RelayClient,
  type RelaySdk,
  type RelayState,
  type SessionDestination,
} from '../core/index.js';
import { AgoraRelayDestination } from './agora-relay-destination.js';
import { DESTINATION_CHANGE, emit } from './events.js';

const DESTINATION_TAG = 'agora-relay-destination';

/**
 * The relay's source channel and the session that owns the relay: starts, updates and stops Agora's channel media
 * relay at the right moments for the `<agora-relay-destination>` children it holds.
 *
 * @summary The source of a cross-channel relay, and the relay itself.
 *
 * @attr channel-name - The source channel (required).
 * @attr uid - The source uid in the relay configuration; default 0.
 * @attr token - The source relay token, generated for uid 0 and the source channel. Never reflected.
 * @attr disabled - Hold the relay stopped.
 *
 * @fires channel-media-relay-state - `{ state, previousState, code? }`: the SDK's relay state.
 * @fires channel-media-relay-event - `{ event }`: the SDK's relay event.
 * @fires agora-relay-error - `{ code, message, operation, channelName? }`: every failure, validation included.
 *
 * @slot - `<agora-relay-destination>` elements, in the order they relay.
 */
export class AgoraRelayHost extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** The source channel (required). */
  @property({ attribute: 'channel-name' }) channelName = '';

  /** The source uid put in the relay configuration; default 0. */
  @property() uid: string | number | undefined;

  /** The source relay token. Read from the attribute or set as a property; never reflected. */
  @property() token: string | undefined;

  /** Hold the relay stopped. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Bring your own `IAgoraRTCClient`, joined as a host; the relay starts once it has published (or on `start()`). */
  @property({ attribute: false }) client: RelayClient | null = null;

  /** The AgoraRTC namespace to use; default: `window.AgoraRTC`, else loaded lazily from `agora-rtc-sdk-ng`. */
  @property({ attribute: false }) sdk: RelaySdk | null = null;

  readonly #session = new RelaySession();
  #observer: MutationObserver | undefined;
  #connected = false;

  constructor() {
    super();
    this.#session.addEventListener('channel-media-relay-state', (event) => {
      emit(this, 'channel-media-relay-state', event.detail);
    });
    this.#session.addEventListener('channel-media-relay-event', (event) => {
      emit(this, 'channel-media-relay-event', event.detail);
    });
    this.#session.addEventListener('agora-relay-error', (event) => emit(this, 'agora-relay-error', event.detail));
    this.#session.addEventListener('agora-relay-destination-status', (event) => {
      const { key, channelName, status, error } = event.detail;
      if (!(key instanceof AgoraRelayDestination)) return;
      key.setStatus(status, error);
      emit(key, 'agora-relay-destination-status', error ? { channelName, status, error } : { channelName, status });
    });
    this.addEventListener(DESTINATION_CHANGE, this.#syncDestinations);
  }

  /** The relay state, as the SDK last reported it. */
  get state(): RelayState {
    return this.#session.state;
  }

  /** Start now (this is how an app that brings its own client says it has published). Idempotent. */
  start(): Promise<void> {
    return this.#session.start();
  }

  /** Stop, and hold the relay stopped until `start()`. Idempotent. */
  stop(): Promise<void> {
    return this.#session.stop();
  }

  /** Resolves when no change is waiting and no SDK call is in flight. */
  settled(): Promise<void> {
    return this.#session.settled();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#connected = true;
    this.#observer ??= new MutationObserver(() => this.#syncDestinations());
    this.#observer.observe(this, { childList: true });
    this.#syncSource();
    this.#syncDestinations();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connected = false;
    // A move (disconnected, then connected again in the same task) is not a removal.
    queueMicrotask(() => {
      if (this.#connected) return;
      this.#observer?.disconnect();
      this.#session.client = null;
    });
  }

  protected override willUpdate(): void {
    this.#syncSource();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #syncSource(): void {
    const session = this.#session;
    session.source = { channelName: this.channelName, uid: this.uid, token: this.token };
    session.disabled = this.disabled;
    session.sdk = this.sdk;
    if (this.#connected) session.client = this.client;
  }

  readonly #syncDestinations = (): void => {
    const destinations: SessionDestination[] = [];
    for (const child of this.children) {
      if (child.localName !== DESTINATION_TAG) continue;
      const element = child as AgoraRelayDestination;
      destinations.push({
        key: element,
        channelName: element.channelName,
        uid: element.uid,
        token: element.token,
        disabled: element.disabled,
        label: `<${DESTINATION_TAG} channel-name=${JSON.stringify(element.channelName ?? '')}>`,
      });
    }
    this.#session.destinations = destinations;
  };
}
