/// <reference types="node" />
// The media path: one peer per joined client; each publisher's own RTP goes to every client subscribed to it, in its
// channel and (through users a relay brought in, `relayOf`) in destination channels, rewritten per subscriber
// (rtp-rewrite.ts). Keyframe requests from a subscriber go to the publisher, and one is sent when a subscription
// starts and when a subscriber's transport comes up. Follows the channels: a member gone closes its peer and edge.
import type { RtcpPacket, RtpPacket } from 'werift';
import type { MediaStats } from '../../controls.js';
import { key } from '../channels.js';
import type { ChannelMember, Channels, ChannelWatcher, Uid } from '../channels.js';
import type { StandInLog } from '../stand-in-log.js';
import type { Edges } from './edges.js';
import type { WeriftModule } from './load-werift.js';
import { MediaPeer } from './media-peer.js';
import type { BrowserOrtc, PeerParameters } from './media-peer.js';
import { CodecTable, forwardedHeader } from './rtp-rewrite.js';
import type { MediaKind } from './rtp-rewrite.js';

interface Subscription {
  uid: Uid;
  media: MediaKind;
  packets: number;
  bytes: number;
}

interface PeerEntry {
  channel: string;
  member: ChannelMember;
  edge: number;
  codecs: CodecTable;
  peer?: MediaPeer;
  closed: boolean;
  /** By `uid/media`. */
  subscriptions: Map<string, Subscription>;
  received: { audio: number; video: number };
}

/** Keyframe requests to one publisher closer together than this are folded into one. */
const KEYFRAME_REQUEST_GAP_MS = 100;
/** The sender SSRC of the stand-in's own RTCP. */
const STAND_IN_SSRC = 1;

export class MediaRouter implements ChannelWatcher {
  readonly #entries = new Map<ChannelMember, PeerEntry>();
  readonly #lastKeyframeRequest = new Map<ChannelMember, number>();

  constructor(
    private readonly werift: WeriftModule,
    private readonly host: string,
    private readonly channels: Channels,
    private readonly edges: Edges,
    private readonly log: StandInLog,
  ) {
    channels.watchers.add(this);
  }

  /** A client joined through `edge`: opens its peer and returns what the join answer tells the browser. */
  async join(edge: number, channel: string, member: ChannelMember, ortc: BrowserOrtc & { rtpCapabilities?: unknown }): Promise<PeerParameters> {
    this.edges.claim(edge);
    // A second join through the same edge (same socket): the earlier peer gives the port back first.
    const earlier = [...this.#entries.values()].filter((entry) => entry.edge === edge);
    for (const entry of earlier) this.#close(entry);
    await Promise.all(earlier.map((entry) => entry.peer?.close()));
    const entry: PeerEntry = {
      channel,
      member,
      edge,
      codecs: new CodecTable(ortc.rtpCapabilities),
      closed: false,
      subscriptions: new Map(),
      received: { audio: 0, video: 0 },
    };
    this.#entries.set(member, entry);
    try {
      const peer = await MediaPeer.open(this.werift, this.host, edge, ortc, {
        rtp: (packet) => this.#forward(entry, packet),
        rtcp: (packet) => this.#feedback(entry, packet),
        connected: () => this.#connected(entry),
      });
      if (entry.closed) await peer.close();
      else entry.peer = peer;
      return peer.parameters;
    } catch (error) {
      this.#close(entry);
      throw error;
    }
  }

  subscribe(member: ChannelMember, message: Record<string, unknown>): void {
    const entry = this.#entries.get(member);
    const media = message.stream_type === 'audio' ? 'audio' : message.stream_type === 'video' ? 'video' : undefined;
    if (!entry || !media || message.stream_id === undefined) return;
    const uid = message.stream_id as Uid;
    entry.subscriptions.set(`${key(uid)}/${media}`, { uid, media, packets: 0, bytes: 0 });
    if (media === 'video') this.#requestKeyframe(this.#sourceOf(entry.channel, uid));
  }

  unsubscribe(member: ChannelMember, message: Record<string, unknown>): void {
    const entry = this.#entries.get(member);
    if (!entry) return;
    for (const media of ['audio', 'video']) entry.subscriptions.delete(`${key(message.stream_id as Uid)}/${media}`);
  }

  // Channel changes.

  added(channel: string, member: ChannelMember): void {
    // A fresh join with a uid already there replaces the old member: its peer goes.
    for (const entry of this.#entries.values()) {
      if (entry.member !== member && entry.channel === channel && key(entry.member.uid) === key(member.uid)) this.#close(entry);
    }
  }

  removed(channel: string, member: ChannelMember): void {
    const entry = this.#entries.get(member);
    if (entry) this.#close(entry);
    for (const other of this.#entries.values()) {
      if (other.channel !== channel) continue;
      for (const media of ['audio', 'video']) other.subscriptions.delete(`${key(member.uid)}/${media}`);
    }
  }

  /** The client whose own streams a user in `channel` carries: itself, or a relay's source (never a relayed user). */
  #sourceOf(channel: string, uid: Uid): ChannelMember | undefined {
    const view = this.channels.member(channel, uid);
    const source = view?.relayOf ? this.channels.member(view.relayOf.channel, view.relayOf.uid) : view;
    return source?.relayOf ? undefined : source;
  }

  #forward(from: PeerEntry, packet: RtpPacket): void {
    const { member } = from;
    const { ssrc } = packet.header;
    const media = ssrc === member.videoSsrc ? 'video' : ssrc === member.audioSsrc ? 'audio' : undefined;
    // RTX, padding-only and unannounced streams are dropped (no NACK answering yet).
    if (!media || packet.payload.length === 0) return;
    from.received[media] += 1;
    const codec = from.codecs.codecOf(packet.header.payloadType);
    if (!codec) return;
    for (const to of this.#entries.values()) {
      if (to === from || !to.peer?.connected) continue;
      for (const subscription of to.subscriptions.values()) {
        if (subscription.media !== media || this.#sourceOf(to.channel, subscription.uid) !== member) continue;
        const announced = this.channels.member(to.channel, subscription.uid)?.[`${media}Ssrc`];
        const payloadType = to.codecs.payloadTypeOf(codec);
        if (announced === undefined || payloadType === undefined) continue;
        to.peer.sendRtp(packet.payload, forwardedHeader(packet.header, announced, payloadType));
        subscription.packets += 1;
        subscription.bytes += packet.payload.length;
      }
    }
  }

  #feedback(from: PeerEntry, packet: RtcpPacket): void {
    if (packet.type !== 206) return;
    const { feedback } = packet;
    // werift does not export its FIR class: a FIR is the feedback with a `fir` list.
    const fir = (feedback as { fir?: { ssrc: number }[] }).fir;
    const mediaSsrc = Array.isArray(fir) ? fir[0]?.ssrc : feedback instanceof this.werift.PictureLossIndication ? feedback.mediaSsrc : undefined;
    if (mediaSsrc === undefined) return;
    for (const subscription of from.subscriptions.values()) {
      if (subscription.media !== 'video') continue;
      if (this.channels.member(from.channel, subscription.uid)?.videoSsrc !== mediaSsrc) continue;
      this.#requestKeyframe(this.#sourceOf(from.channel, subscription.uid));
    }
  }

  #connected(entry: PeerEntry): void {
    this.log.add({ service: 'gateway', direction: 'out', type: 'media connected', message: { uid: entry.member.uid, port: entry.edge } });
    for (const subscription of entry.subscriptions.values()) {
      if (subscription.media === 'video') this.#requestKeyframe(this.#sourceOf(entry.channel, subscription.uid));
    }
  }

  /** Asks a publisher for a keyframe (PLI for its video SSRC); FIRs are answered with a PLI too. */
  #requestKeyframe(source: ChannelMember | undefined): void {
    const peer = source && this.#entries.get(source)?.peer;
    if (!source || !peer || source.videoSsrc === undefined) return;
    const now = performance.now();
    if (now - (this.#lastKeyframeRequest.get(source) ?? -Infinity) < KEYFRAME_REQUEST_GAP_MS) return;
    this.#lastKeyframeRequest.set(source, now);
    const { RtcpPayloadSpecificFeedback, PictureLossIndication } = this.werift;
    const feedback = new PictureLossIndication({ senderSsrc: STAND_IN_SSRC, mediaSsrc: source.videoSsrc });
    peer.sendRtcp([new RtcpPayloadSpecificFeedback({ feedback })]);
  }

  #close(entry: PeerEntry): void {
    if (entry.closed) return;
    entry.closed = true;
    this.#entries.delete(entry.member);
    this.#lastKeyframeRequest.delete(entry.member);
    void entry.peer?.close();
    this.edges.release(entry.edge);
  }

  stats(): MediaStats {
    const where = (channel: string, uid: Uid) => ({ channel, uid });
    const entries = [...this.#entries.values()];
    return {
      peers: entries.filter((entry) => entry.peer).length,
      edges: this.edges.open,
      published: entries.flatMap((entry) =>
        (['audio', 'video'] as const).map((media) => ({ ...where(entry.channel, entry.member.uid), media, packets: entry.received[media] })),
      ),
      forwarded: entries.flatMap((to) =>
        [...to.subscriptions.values()].map((subscription) => {
          const source = this.#sourceOf(to.channel, subscription.uid);
          const sourceEntry = source && this.#entries.get(source);
          return {
            source: sourceEntry ? where(sourceEntry.channel, sourceEntry.member.uid) : undefined,
            subscriber: where(to.channel, to.member.uid),
            uid: subscription.uid,
            media: subscription.media,
            packets: subscription.packets,
            bytes: subscription.bytes,
          };
        }),
      ),
    };
  }

  async stop(): Promise<void> {
    this.channels.watchers.delete(this);
    const peers = [...this.#entries.values()].map((entry) => entry.peer);
    for (const entry of [...this.#entries.values()]) this.#close(entry);
    await Promise.all(peers.map((peer) => peer?.close()));
  }
}
