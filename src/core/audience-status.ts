// What the audience's status line says, from its phase, its last error, its hosts and its sound: the words come
// from the one catalogue (messages.ts).
import type { AudiencePhase, AudienceStatus } from './audience-types.js';
import { describeError, describeStatus } from './messages.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { ConnectionState } from './sdk-types.js';

export interface AudienceState {
  phase: AudiencePhase;
  /** The failure that ended the viewing, or the last one that did not. */
  error: RelayErrorDetail | undefined;
  hosts: number;
  channel: string;
  blocked: boolean;
  muted: boolean;
}

export function audienceStatus({ phase, error, hosts, channel, blocked, muted }: AudienceState): AudienceStatus {
  if (error) {
    const words = describeError(error);
    return { phase, kind: 'error', text: `${words.title} ${words.action}`, error: { ...error } };
  }
  let text: string;
  if (phase === 'loading') text = describeStatus('loading');
  else if (phase === 'connecting') text = describeStatus('connecting', { channel });
  else if (phase === 'reconnecting') text = describeStatus('reconnecting', { channel });
  else if (phase === 'closed' || phase === 'failed') text = describeStatus('left');
  else if (hosts === 0) text = describeStatus('waiting', { channel });
  else {
    text = describeStatus('live', { n: hosts });
    if (blocked) text += ` ${describeStatus('autoplay-blocked')}`;
    else if (muted) text += ` ${describeStatus('muted')}`;
  }
  return { phase, kind: 'info', text };
}

/** The phase a connection state means, where it means one. */
export function phaseOf(state: ConnectionState): AudiencePhase | undefined {
  if (state === 'CONNECTED') return 'live';
  if (state === 'CONNECTING') return 'connecting';
  if (state === 'RECONNECTING') return 'reconnecting';
  return undefined;
}
