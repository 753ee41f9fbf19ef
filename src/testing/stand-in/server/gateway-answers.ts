/// <reference types="node" />
// The ortc parts of the gateway's answers. Without a media peer any ICE/DTLS values do: the SDK's join and publish
// resolve on the signalling reply, and ICE simply fails later (agora-join-protocol.md §4).
import { randomBytes } from 'node:crypto';

interface Codec {
  payloadType?: number;
  rtpMap?: { encodingName?: string };
  fmtp?: { parameters?: { apt?: string | number } };
}

function iceParameters() {
  return { iceUfrag: randomBytes(4).toString('hex'), icePwd: randomBytes(16).toString('hex') };
}

/** Drops RTX entries whose base codec is not in the same list (4.23 rejects an answer that has them). */
function withoutOrphanRtx(codecs: unknown): unknown {
  if (!Array.isArray(codecs)) return codecs;
  const payloadTypes = new Set((codecs as Codec[]).map((codec) => String(codec.payloadType)));
  return (codecs as Codec[]).filter(
    (codec) => codec.rtpMap?.encodingName?.toLowerCase() !== 'rtx' || payloadTypes.has(String(codec.fmtp?.parameters?.apt)),
  );
}

/** The client's own capabilities, echoed back (4.24.8 accepts that), minus orphan RTX entries. */
function echoCapabilities(capabilities: unknown): unknown {
  if (typeof capabilities !== 'object' || capabilities === null) return {};
  return Object.fromEntries(
    Object.entries(capabilities).map(([direction, lists]) => [
      direction,
      typeof lists === 'object' && lists !== null
        ? Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, withoutOrphanRtx(list)]))
        : lists,
    ]),
  );
}

export function joinAnswer(uid: unknown, rejoinToken: string, join: Record<string, unknown>, fingerprint: string) {
  const ortc = (join.ortc ?? {}) as { rtpCapabilities?: unknown };
  return {
    uid,
    rejoin_token: rejoinToken,
    ortc: {
      iceParameters: iceParameters(),
      // "client": the browser is the DTLS server (what a werift media peer needs; harmless without one).
      dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', fingerprint }] },
      rtpCapabilities: echoCapabilities(ortc.rtpCapabilities),
    },
  };
}

/** Top level, not under `ortc`: 4.24.8 reads `reply.iceParameters.iceUfrag` (agora-join-protocol.md §2). */
export function restartIceAnswer() {
  return { iceParameters: iceParameters() };
}
