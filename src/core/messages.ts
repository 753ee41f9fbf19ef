// The words for a status or an error, from the one catalogue (messages-catalogue.ts): what the elements and the
// audience's status line call. Loaded lazily (with the audience or managed mode), never by the entry.
import type { Evidence, MessageEntry } from './message-entry.js';
import { ERROR_MESSAGES, STATUS_MESSAGES, type StatusId } from './messages-catalogue.js';
import type { RelayErrorDetail } from './relay-error.js';

export type { Evidence, MessageEntry } from './message-entry.js';
export { ERROR_MESSAGES, STATUS_MESSAGES, type StatusId } from './messages-catalogue.js';

const byId = new Map(ERROR_MESSAGES.map((entry) => [entry.id, entry]));

/** Which catalogue entry describes this error: a variant of its code where one fits, else the code's own entry. */
export function messageIdFor(detail: Pick<RelayErrorDetail, 'code' | 'message'> & { operation?: string }): string {
  const { code, message = '', operation } = detail;
  if (code === 'INVALID_PARAMS' && /app-id/i.test(message)) return 'INVALID_PARAMS:app-id';
  if (code === 'TOKEN_FETCH_FAILED' && /could not be reached/.test(message)) return 'TOKEN_FETCH_FAILED:unreachable';
  if (code === 'TIMEOUT' && operation === 'leave') return 'TIMEOUT:leave';
  // Any code: the SDK's refusal of a low stream (core/low-stream.ts), which the show survives.
  if (message.startsWith('dual-stream:')) return 'dual-stream';
  if (/^(camera|microphone)-id "/.test(message)) return 'DEVICE_NOT_FOUND:device-id';
  if (code === 'PERMISSION_DENIED' && message.startsWith('screen-share:')) return 'PERMISSION_DENIED:screen-share';
  return byId.has(code) ? code : 'UNEXPECTED_ERROR';
}

export interface ErrorWords {
  id: string;
  title: string;
  action: string;
  evidence: Evidence;
}

/** Plain words and what to do for an `agora-relay-error` detail. Unknown codes get the generic entry. */
export function describeError(detail: Pick<RelayErrorDetail, 'code' | 'message'> & { operation?: string }): ErrorWords {
  const entry = byId.get(messageIdFor(detail)) as MessageEntry;
  return { ...entry };
}

/** A status line's words, with `{n}` (hosts, channels) and `{channel}` filled in. */
export function describeStatus(id: StatusId, values: { n?: number; channel?: string } = {}): string {
  let key: StatusId = id;
  if (values.n === 1 && (id === 'live' || id === 'relaying')) key = `${id}-one`;
  return STATUS_MESSAGES[key].replace('{n}', String(values.n ?? 0)).replace('{channel}', values.channel ?? '');
}
