import { LitElement, type PropertyDeclarations } from 'lit';
import type { DestinationStatus } from '../core/index.js';
import { DESTINATION_CHANGE } from './events.js';

/**
 * One destination channel of the relay; a child of `<agora-relay-host>`. Renders nothing: it is configuration.
 *
 * @summary A destination channel for Agora's channel media relay.
 *
 * @tagname agora-relay-destination
 *
 * @attr channel-name - The destination channel (required).
 * @attr uid - The uid in the destination channel, plain decimal digits; default 0 (the server assigns one).
 * @attr token - The destination token, generated for this uid and channel. Never reflected.
 * @attr disabled - Leave this channel out without removing the element.
 * @attr {DestinationStatus} status - Reflected, read-only: `idle`, `pending`, `relaying`, `rejected` or `failed`.
 *
 * @fires {CustomEvent<DestinationStatusEventDetail>} agora-relay-destination-status - `{ channelName, status, error?
 *   }` whenever `status` or `error` changes.
 */
export class AgoraRelayDestination extends LitElement {
  static override properties: PropertyDeclarations = {
    channelName: { attribute: 'channel-name' },
    uid: {},
    token: {},
    disabled: { type: Boolean, reflect: true },
  };

  /** The destination channel (required). */
  channelName = '';

  /** The uid in the destination channel: a whole number, or an attribute's decimal digits. */
  uid: string | number | undefined;

  /** The destination token. Read from the attribute or set as a property; never reflected. */
  token: string | undefined;

  /** Leave this channel out without removing the element. */
  disabled = false;

  #status: DestinationStatus = 'idle';
  #error: { code: string; message: string } | undefined;

  /** Where this destination stands: `idle`, `pending`, `relaying`, `rejected` or `failed`. Read-only. */
  get status(): DestinationStatus {
    return this.#status;
  }

  /** Why it is `rejected` or `failed`: `{ code, message }`. */
  get error(): { code: string; message: string } | undefined {
    return this.#error;
  }

  /** @internal The host reports what the session decided. */
  setStatus(status: DestinationStatus, error?: { code: string; message: string }): void {
    this.#error = error;
    this.#status = status;
    // Reflected by hand: a page writing the attribute must not be able to change the status.
    this.setAttribute('status', status);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('status')) this.setAttribute('status', this.#status);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // Nothing to render and nothing to style: no shadow root.
    return this;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.size > 0) this.dispatchEvent(new Event(DESTINATION_CHANGE, { bubbles: true }));
  }
}
