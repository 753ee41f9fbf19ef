// A managed host's low stream (`dual-stream`): the SDK's enableDualStream once published, switched live, a refusal
// reported while the high stream goes on.
import { fromSdkError, type RelayErrorDetail } from './relay-error.js';
import type { DualStreamClient } from './sdk-types.js';

/** Whether we last asked each client for a low stream (the SDK rejects a second enable with INVALID_OPERATION). */
const lowStreams = new WeakMap<DualStreamClient, boolean>();

export interface LowStreamContext {
  isClosed(): boolean;
  report(error: RelayErrorDetail): void;
}

/**
 * Asks the client for a low stream or for none, once per change. Called once the host has published, from the first
 * update after it (elements/host-cohosts.ts), so a failure cannot take the high stream with it: it is reported and the
 * show goes on with the high stream. Never rejects.
 */
export async function setLowStream(context: LowStreamContext, client: DualStreamClient, wanted: boolean): Promise<void> {
  if ((lowStreams.get(client) ?? false) === wanted) return;
  lowStreams.set(client, wanted);
  try {
    await (wanted ? client.enableDualStream() : client.disableDualStream());
  } catch (error) {
    // Not asked again until `dual-stream` changes: a refusal (an unsupported browser, say) is reported once.
    if (context.isClosed()) return;
    const detail = fromSdkError(error, 'publish', 'no reason given');
    const what = wanted ? 'publish the low stream' : 'stop the low stream';
    context.report({ ...detail, message: `dual-stream: could not ${what} (${detail.message}); the high stream goes on.` });
  }
}
