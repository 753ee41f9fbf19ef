// Validation before any SDK call: the SDK's own rules (reference §4, same order, correct ranges) plus ours
// (api.md "Validation"). Messages name the subject and the rule, never a token's value.
import type { ValidationCode } from './relay-enums.js';
import type { RelayChannelInfo } from './sdk-types.js';

export const MAX_DESTINATIONS = 4;
export const MAX_UID = 4_294_967_295;
export const MAX_TOKEN_LENGTH = 2047;
const CHANNEL_NAME = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]{1,64}$/;
const PLAIN_DECIMAL = /^[0-9]+$/;
// The SDK's "ASCII" check really accepts every code unit up to 0xff.
const withinLatin1 = (text: string) => [...text].every((char) => (char.codePointAt(0) ?? 0) <= 0xff);

export interface ValidationIssue {
  code: ValidationCode;
  message: string;
}

/** A channel as the page describes it: `uid` may be an attribute's string. */
export interface ChannelInput {
  channelName?: string | null;
  uid?: number | string | null;
  token?: string | null;
}

export type Checked = { ok: true; info: RelayChannelInfo } | { ok: false; issue: ValidationIssue };

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

export function checkChannelName(subject: string, name: string | null | undefined): ValidationIssue | undefined {
  if (!name) {
    return { code: 'INVALID_CHANNEL_NAME', message: `${subject}: channel-name is required.` };
  }
  if (!CHANNEL_NAME.test(name)) {
    return {
      code: 'INVALID_CHANNEL_NAME',
      message:
        `${subject}: channel-name ${quote(name)} must be 1 to 64 characters from a-z, A-Z, 0-9, space and ` +
        '! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,',
    };
  }
  return undefined;
}

/** A uid from a number or an attribute: a plain decimal integer in 0..4294967295; absent means 0. */
export function parseUid(subject: string, uid: number | string | null | undefined): number | ValidationIssue {
  if (uid === undefined || uid === null) return 0;
  const rule = `must be a whole number from 0 to ${MAX_UID}`;
  if (typeof uid === 'number') {
    if (Number.isInteger(uid) && uid >= 0 && uid <= MAX_UID) return uid;
    return { code: 'INVALID_UID', message: `${subject}: uid ${String(uid)} ${rule}.` };
  }
  if (typeof uid !== 'string' || !PLAIN_DECIMAL.test(uid) || Number(uid) > MAX_UID) {
    return {
      code: 'INVALID_UID',
      message: `${subject}: uid ${quote(String(uid))} ${rule}, written as plain decimal digits.`,
    };
  }
  return Number(uid);
}

export function checkToken(subject: string, token: string | null | undefined): ValidationIssue | undefined {
  if (!token) return undefined;
  if (token.length > MAX_TOKEN_LENGTH || !withinLatin1(token)) {
    return {
      code: 'INVALID_TOKEN',
      message: `${subject}: token must be at most ${MAX_TOKEN_LENGTH} ASCII (or Latin-1) characters; it has ${token.length}.`,
    };
  }
  return undefined;
}

/** One channel against the SDK's rules: the info to hand the SDK (a fresh object), or why not. */
export function checkChannel(subject: string, input: ChannelInput): Checked {
  const nameIssue = checkChannelName(subject, input.channelName);
  if (nameIssue) return { ok: false, issue: nameIssue };
  const uid = parseUid(subject, input.uid);
  if (typeof uid !== 'number') return { ok: false, issue: uid };
  const tokenIssue = checkToken(subject, input.token);
  if (tokenIssue) return { ok: false, issue: tokenIssue };
  const info: RelayChannelInfo = { channelName: input.channelName as string, uid };
  if (input.token) info.token = input.token;
  return { ok: true, info };
}

export interface DestinationInput extends ChannelInput {
  /** Leave this destination out without removing it. */
  disabled?: boolean;
  /** How messages name it, e.g. `<agora-relay-destination channel-name="b">`; default `destination N`. */
  label?: string;
}

export type DestinationVerdict =
  | { kind: 'accepted'; info: RelayChannelInfo }
  | { kind: 'disabled' }
  | { kind: 'rejected'; issue: ValidationIssue };

/**
 * Every destination in document order, judged one by one: invalid, duplicate, equal to the source, or past the
 * fourth valid one is rejected on its own; the valid ones are kept. Disabled ones take no slot.
 */
export function judgeDestinations(
  sourceChannelName: string | null | undefined,
  destinations: readonly DestinationInput[],
): DestinationVerdict[] {
  const taken = new Set<string>();
  return destinations.map((destination, index) => {
    if (destination.disabled) return { kind: 'disabled' };
    const subject = destination.label ?? `destination ${index + 1}`;
    const checked = checkChannel(subject, destination);
    if (!checked.ok) return { kind: 'rejected', issue: checked.issue };
    const name = checked.info.channelName;
    if (name === sourceChannelName) {
      return {
        kind: 'rejected',
        issue: { code: 'DESTINATION_IS_SOURCE', message: `${subject}: ${quote(name)} is the source channel.` },
      };
    }
    if (taken.has(name)) {
      return {
        kind: 'rejected',
        issue: {
          code: 'DUPLICATE_DESTINATION',
          message: `${subject}: ${quote(name)} is already a destination earlier in the list.`,
        },
      };
    }
    if (taken.size >= MAX_DESTINATIONS) {
      return {
        kind: 'rejected',
        issue: {
          code: 'TOO_MANY_DESTINATIONS',
          message: `${subject}: at most ${MAX_DESTINATIONS} destinations relay at once; this one waits until an earlier one goes away.`,
        },
      };
    }
    taken.add(name);
    return { kind: 'accepted', info: checked.info };
  });
}
