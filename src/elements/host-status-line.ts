// The managed host's status line (`part="status"`), drawn from core/host-status.ts. Its own small chunk with the
// message catalogue, loaded by managed mode after its own chunk, so the words never delay the first SDK call.
import { html, type TemplateResult } from 'lit';
import { hostStatus } from '../core/host-status.js';
import type { ManagedHost } from '../core/managed-host.js';
import type { RelayErrorDetail } from '../core/relay-error.js';
import type { AgoraRelayDestination } from './agora-relay-destination.js';
import type { AgoraRelayHost } from './agora-relay-host.js';

export { clearedByRunningRelay } from '../core/host-status.js';

export function statusLine(
  host: AgoraRelayHost,
  managed: ManagedHost,
  error: RelayErrorDetail | undefined,
  preview = false,
): TemplateResult {
  // The destinations the relay runs to: those whose status says so, while the relay runs.
  const relaying =
    host.state === 'RELAY_STATE_RUNNING'
      ? [...host.children].filter((child) => (child as Partial<AgoraRelayDestination>).status === 'relaying').length
      : 0;
  const status = hostStatus({
    connection: managed.client?.connectionState,
    published: (managed.client?.localTracks.length ?? 0) > 0,
    relaying,
    channel: host.channelName,
    error,
    preview,
    microphoneMuted: managed.local.microphoneMuted,
    cameraOff: managed.local.cameraOff,
    screenSharing: managed.local.screenSharing,
  });
  return html`<p part="status" role="status" aria-live="polite" data-kind=${status.kind}>${status.text}</p>`;
}
