// <agora-relay-host>'s controls over its co-hosts in managed mode: `cohost-volume` (validated, applied to every
// co-host's audio on this page), the per-tile mute button (part `cohost-mute`), and `dual-stream` switched while live.
// The volumes live in core/cohost-audio.ts, the low stream in core/stream-quality.ts.
import { css, html, type TemplateResult } from 'lit';
import type { CohostAudio } from '../core/cohost-audio.js';
import type { RelayErrorDetail } from '../core/relay-error.js';
import type { ManagedClient } from '../core/sdk-types.js';
import { setLowStream } from '../core/stream-quality.js';
import type { AgoraRelayHost } from './agora-relay-host.js';
import { emit } from './events.js';

export const cohostStyles = css`
  [part='remote'] .video {
    position: absolute;
    inset: 0;
  }
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

/** Before each update: `cohost-volume` (a bad value is an error event, whose words this update shows). */
export function syncCohostVolume(host: AgoraRelayHost, audio: CohostAudio): void {
  const issue = audio.setAll(host.cohostVolume);
  if (issue) emit(host, 'agora-relay-error', issue);
}

/** After each update: `dual-stream` on the managed client, once it has published. */
export function syncLowStream(host: AgoraRelayHost, client: ManagedClient | null): void {
  // Only once published: enabling before would tie the low stream's fate to the publish (core/stream-quality.ts).
  if (!client || client.connectionState !== 'CONNECTED' || client.localTracks.length === 0) return;
  const report = (error: RelayErrorDetail) => emit(host, 'agora-relay-error', error);
  void setLowStream({ isClosed: () => !host.isConnected, report }, client, !!host.dualStream);
}

/**
 * The mute toggle in a co-host's tile: this page only. Its words stay "Mute" (part of its name, "Mute co-host 1001");
 * `aria-pressed` and the colour say whether that co-host is muted here.
 */
export function cohostMuteButton(host: { requestUpdate(): void }, audio: CohostAudio, uid: number | string): TemplateResult {
  const muted = audio.of(uid).muted;
  const toggle = () => {
    audio.set(uid, { muted: !audio.of(uid).muted });
    host.requestUpdate();
  };
  return html`<button part="cohost-mute" type="button" aria-pressed=${muted ? 'true' : 'false'}
    aria-label=${`Mute co-host ${uid}`} title=${`Mute co-host ${uid} on this page`} @click=${toggle}>
    Mute
  </button>`;
}
