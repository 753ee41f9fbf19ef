// <agora-relay-host>'s controls over its co-hosts in managed mode: `cohost-volume` (checked, applied to every
// co-host's audio on this page), `setCohostVolume` / `setCohostMuted`, the mute button in each co-host's tile (part
// `cohost-mute`), and `dual-stream` switched while live. Its own chunk, loaded by managed mode after its own (as the
// status line is), so it never delays joining; the volumes live in core/cohost-audio.ts, the low stream in
// core/low-stream.ts.
import { adoptStyles, css, html, type CSSResultOrNative, type TemplateResult } from 'lit';
import { CohostAudio } from '../core/cohost-audio.js';
import { setLowStream } from '../core/low-stream.js';
import type { ManagedHost } from '../core/managed-host.js';
import type { RelayErrorDetail } from '../core/relay-error.js';
import type { RemoteUser } from '../core/sdk-types.js';
import type { AgoraRelayHost } from './agora-relay-host.js';
import { emit } from './events.js';
import type { HostController } from './host-controller.js';
import { tileStyles } from './host-tiles.js';

const buttonStyles = css`
  [part='cohost-mute'] {
    position: absolute;
    top: 4px;
    right: 4px;
    font: inherit;
    padding: 2px 8px;
    color: #fff;
    background: #000a;
    border: 1px solid #fff8;
    border-radius: 4px;
    cursor: pointer;
  }
  [part='cohost-mute'][aria-pressed='true'] {
    background: #b00020;
  }
`;

export class HostCohosts {
  readonly audio = new CohostAudio();
  readonly #host: AgoraRelayHost;
  readonly #controller: HostController;
  readonly #report = (error: RelayErrorDetail) => emit(this.#host, 'agora-relay-error', error);

  constructor(host: AgoraRelayHost, controller: HostController) {
    this.#host = host;
    this.#controller = controller;
    const root = host.renderRoot;
    if (root instanceof ShadowRoot) {
      const own = (host.constructor as unknown as { elementStyles: CSSResultOrNative[] }).elementStyles;
      adoptStyles(root, [...own, tileStyles, buttonStyles]);
    }
  }

  /** Follows a managed host's co-hosts (the one before is let go). */
  follow(managed: ManagedHost | undefined): void {
    if (managed) this.audio.follow(managed);
  }

  /**
   * Before each update: `cohost-volume` and the calls to `setCohostVolume` / `setCohostMuted` since the last one (a
   * bad volume is an error event, whose words this update shows, and changes nothing).
   */
  willUpdate(): void {
    const issues = [this.audio.setAll(this.#host.cohostVolume)];
    for (const [uid, change] of this.#controller.cohostChanges.splice(0)) issues.push(this.audio.set(uid, change));
    for (const issue of issues) if (issue) this.#report(issue);
  }

  /** After each update: `dual-stream` on the managed client, once it has published. */
  updated(managed: ManagedHost | undefined): void {
    const client = managed?.client;
    // Only once published: enabling before would tie the low stream's fate to the publish (core/low-stream.ts).
    if (!client || client.connectionState !== 'CONNECTED' || client.localTracks.length === 0) return;
    void setLowStream({ isClosed: () => !this.#host.isConnected, report: this.#report }, client, !!this.#host.dualStream);
  }

  /**
   * The mute toggle in a co-host's tile, this page only. Its words stay "Mute" (part of its name, "Mute co-host
   * 1001"); `aria-pressed` and the colour say whether that co-host is muted here.
   */
  button(user: RemoteUser): TemplateResult | undefined {
    if (!user.hasAudio) return undefined;
    const { uid } = user;
    const toggle = () => {
      this.audio.set(uid, { muted: !this.audio.of(uid).muted });
      this.#host.requestUpdate();
    };
    return html`<button part="cohost-mute" type="button" aria-pressed=${this.audio.of(uid).muted ? 'true' : 'false'}
      aria-label=${`Mute co-host ${uid}`} title=${`Mute co-host ${uid} on this page`} @click=${toggle}>
      Mute
    </button>`;
  }
}
