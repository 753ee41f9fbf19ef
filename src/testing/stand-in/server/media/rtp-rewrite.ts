/// <reference types="node" />
// What changes on a packet between a publisher and one subscriber: the SSRC (the one announced to that subscriber),
// the payload type (the same codec name in the subscriber's capabilities), and no header extensions (Chromium's BUNDLE
// demultiplexer drops packets whose MID names a mid it does not know; without a MID it goes by the signalled SSRC),
// padding and CSRCs. Sequence numbers and timestamps pass through: each forwarded stream has exactly one source.
import type { RtpHeader } from 'werift';

export type MediaKind = 'audio' | 'video';

interface Codec {
  payloadType?: number;
  rtpMap?: { encodingName?: string; clockRate?: number };
  rtcpFeedbacks?: { type?: string }[];
}

interface Extension {
  extensionName?: string;
}

type CapabilityLists = Partial<Record<'audioCodecs' | 'videoCodecs' | 'audioExtensions' | 'videoExtensions', unknown[]>>;

/** A client's payload types by codec, from its `join_v3` capabilities (4.24.8 lists most under `sendrecv`). */
export class CodecTable {
  readonly #byPayloadType = new Map<number, string>();
  readonly #byName = new Map<string, number>();

  constructor(capabilities: unknown) {
    const groups = (capabilities ?? {}) as Partial<Record<'sendrecv' | 'recv' | 'send', CapabilityLists>>;
    for (const group of [groups.sendrecv, groups.recv, groups.send]) {
      for (const kind of ['audio', 'video'] as const) {
        for (const codec of (group?.[`${kind}Codecs`] ?? []) as Codec[]) {
          const name = codec.rtpMap?.encodingName?.toLowerCase();
          if (name === undefined || codec.payloadType === undefined) continue;
          const key = `${kind}/${name}/${codec.rtpMap?.clockRate ?? ''}`;
          if (!this.#byPayloadType.has(codec.payloadType)) this.#byPayloadType.set(codec.payloadType, key);
          if (!this.#byName.has(key)) this.#byName.set(key, codec.payloadType);
        }
      }
    }
  }

  /** `video/vp8/90000` for a payload type this client uses, if known. */
  codecOf(payloadType: number): string | undefined {
    return this.#byPayloadType.get(payloadType);
  }

  payloadTypeOf(codec: string): number | undefined {
    return this.#byName.get(codec);
  }
}

const TRANSPORT_CC = 'transport-cc';
const TRANSPORT_CC_EXTENSION = /transport-wide-cc/i;

/**
 * The capabilities without transport-wide congestion control: offered, the publisher's Chromium expects feedback
 * this stand-in does not send, and its bandwidth estimate (and picture) collapses within seconds.
 */
export function withoutTransportCc(capabilities: unknown): unknown {
  if (typeof capabilities !== 'object' || capabilities === null) return capabilities;
  return Object.fromEntries(
    Object.entries(capabilities as Record<string, CapabilityLists>).map(([direction, lists]) => {
      if (typeof lists !== 'object' || lists === null) return [direction, lists];
      const cleaned = Object.fromEntries(
        Object.entries(lists).map(([name, list]) => {
          if (!Array.isArray(list)) return [name, list];
          if (name.endsWith('Extensions')) {
            return [name, (list as Extension[]).filter((each) => !TRANSPORT_CC_EXTENSION.test(each.extensionName ?? ''))];
          }
          return [
            name,
            (list as Codec[]).map((codec) =>
              Array.isArray(codec.rtcpFeedbacks)
                ? { ...codec, rtcpFeedbacks: codec.rtcpFeedbacks.filter((feedback) => feedback.type !== TRANSPORT_CC) }
                : codec,
            ),
          ];
        }),
      );
      return [direction, cleaned];
    }),
  );
}

/** The header a subscriber gets for one forwarded packet. */
export function forwardedHeader(source: RtpHeader, ssrc: number, payloadType: number): Partial<RtpHeader> {
  return {
    payloadType,
    ssrc,
    sequenceNumber: source.sequenceNumber,
    timestamp: source.timestamp,
    marker: source.marker,
    padding: false,
    paddingSize: 0,
    extension: false,
    extensions: [],
    csrc: [],
    csrcLength: 0,
  };
}
