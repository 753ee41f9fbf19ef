// What the managed host's status line says, from how far it got (joined, published, relaying to how many channels)
// and its last error: the words come from the one catalogue (messages.ts). Loaded with the status line
// (elements/host-status-line.ts), after the managed chunk, so the words never delay the first SDK call.
import { describeError, describeStatus } from './messages.js';
import type { RelayErrorDetail } from './relay-error.js';
import type { ConnectionState } from './sdk-types.js';

export interface HostState {
  /** The client's connection state; undefined before the client exists. */
  connection: ConnectionState | undefined;
  /** Microphone or camera published. */
  published: boolean;
  /** Destinations the relay is running to. */
  relaying: number;
  channel: string;
  /** The last failure still worth showing. */
  error: RelayErrorDetail | undefined;
  /** Managed mode controls: showing the local camera without joining, and the local media's state. */
  preview?: boolean;
  microphoneMuted?: boolean;
  cameraOff?: boolean;
  screenSharing?: boolean;
}

export interface HostStatus {
  kind: 'info' | 'error';
  text: string;
}

export function hostStatus(state: HostState): HostStatus {
  const { error } = state;
  if (error) {
    const words = describeError(error);
    return { kind: 'error', text: `${words.title} ${words.action}` };
  }
  // What the local media does, after where the host is: "Live in “a”. … Microphone muted. Camera off."
  const local = [
    state.screenSharing && describeStatus('screen-sharing'),
    state.microphoneMuted && describeStatus('microphone-muted'),
    state.cameraOff && describeStatus('camera-off'),
  ].filter((words): words is string => !!words);
  return { kind: 'info', text: [progress(state), ...local].join(' ') };
}

function progress({ connection, published, relaying, channel, preview }: HostState): string {
  let text: string;
  if (preview) text = describeStatus('preview');
  else if (connection === 'RECONNECTING') text = describeStatus('reconnecting', { channel });
  else if (connection !== 'CONNECTED') text = describeStatus('connecting', { channel });
  else if (!published) text = describeStatus('waiting-camera');
  else if (relaying > 0) text = describeStatus('relaying', { n: relaying });
  else text = describeStatus('on-air', { channel });
  return text;
}

/**
 * A relay failure is over once the relay runs again. One destination's failure is not (the relay may run on without
 * it), nor a refused join, camera or token: those stay until the next join.
 */
export const clearedByRunningRelay = (error: RelayErrorDetail): boolean =>
  !error.channelName && (error.operation === 'start' || error.operation === 'update' || error.operation === 'stop');
