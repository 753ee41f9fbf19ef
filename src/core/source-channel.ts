// The relay's source channel with a page's own client (api.md "Validation"): the relay can only carry the channel the
// client is in, so a channel-name naming another one is refused before any SDK call, and a host given no
// channel-name relays the client's channel. The SDK exposes the channel once joined (`client.channelName`, undefined
// before the join succeeds and after a leave).
import { type ChannelInput, type Checked, checkChannel, type ValidationIssue } from './validation.js';

/** What the source check reads of a client. */
export interface SourceClientView {
  readonly connectionState: string;
  /** The channel the client has joined; `undefined` while it is not in one. */
  readonly channelName?: string;
}

/** The source to relay, why not (an issue to report), or neither: nothing to say yet (a client on its way in). */
export type SourceCheck = Checked | { ok: false; issue?: undefined };

/** The channel the client is in, if it says. */
export function joinedChannel(client: SourceClientView | null | undefined): string | undefined {
  const name = client?.channelName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The source channel's name as the destinations are judged against it: the given one, else the client's. */
export function sourceChannelName(source: ChannelInput, client: SourceClientView | null | undefined): string | undefined {
  return source.channelName || joinedChannel(client);
}

export function checkSource(source: ChannelInput, client: SourceClientView | null | undefined): SourceCheck {
  const joined = joinedChannel(client);
  if (!source.channelName) {
    if (joined) return checkChannel('source', { ...source, channelName: joined });
    // No channel-name and a client not in a channel yet: its join will name the channel.
    if (client && client.connectionState !== 'CONNECTED') return { ok: false };
    return checkChannel('source', source);
  }
  const checked = checkChannel('source', source);
  if (!checked.ok || !joined || joined === checked.info.channelName) return checked;
  return { ok: false, issue: mismatch(checked.info.channelName, joined) };
}

function mismatch(given: string, joined: string): ValidationIssue {
  const show = (name: string) => JSON.stringify(name);
  return {
    code: 'SOURCE_MISMATCH',
    message:
      `source: channel-name ${show(given)} is not the channel the client has joined (${show(joined)}); the relay ` +
      `can only carry the client's own channel. Set channel-name to ${show(joined)}, or leave it out.`,
  };
}
