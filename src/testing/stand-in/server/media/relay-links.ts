// What a running relay does to the channels: while `StartPacketTransfer` holds, the source client's own streams appear
// in each destination channel as a user with the destination's uid (0: one the stand-in assigns), whose streams follow
// the source's publishes; `UpdateDestChannel` (the whole new list) adds and removes such users, `StopPacketTransfer`
// and the relay socket's close remove them all (`on_user_offline` "Quit"). A destination uid someone already has in
// that channel is left alone: that destination gets nothing, and the log says `relay uid taken`.
import { key } from '../channels.js';
import type { ChannelMember, Channels, ChannelWatcher, Uid } from '../channels.js';
import type { StandInLog } from '../stand-in-log.js';

interface Destination {
  channel: string;
  uid: Uid;
}

interface Link {
  connection: number;
  sourceChannel?: string;
  sourceUid?: Uid;
  destinations: Destination[];
  running: boolean;
  /** The users this relay brought in, by destination channel. */
  views: Map<string, ChannelMember>;
}

export interface RelayEnvelope {
  cname?: unknown;
  uid?: unknown;
}

/** A uid as the gateway sends it: a number when it is one. */
function asUid(value: unknown): Uid {
  const text = String(value ?? '');
  return /^\d+$/.test(text) ? Number(text) : text;
}

function destinations(request: Record<string, unknown>): Destination[] {
  const names = Array.isArray(request.channelName) ? request.channelName : [];
  const uids = Array.isArray(request.uid) ? request.uid : [];
  return names.map((name, index) => ({ channel: String(name), uid: asUid(uids[index] ?? 0) }));
}

export class RelayLinks implements ChannelWatcher {
  readonly #links = new Map<number, Link>();
  #nextUid = 3_000_001;

  constructor(
    private readonly channels: Channels,
    private readonly log: StandInLog,
  ) {
    channels.watchers.add(this);
  }

  /** A relay command the worker answered with success. */
  command(connection: number, command: string, request: Record<string, unknown>, envelope: RelayEnvelope): void {
    let link = this.#links.get(connection);
    if (!link) this.#links.set(connection, (link = { connection, destinations: [], running: false, views: new Map() }));
    // The source is the relaying client itself: every frame's envelope names its channel and join uid
    // (`SetSourceUserId` carries the configuration's source uid, often 0, not the client's).
    if (envelope.cname !== undefined) link.sourceChannel = String(envelope.cname);
    if (envelope.uid !== undefined) link.sourceUid = asUid(envelope.uid);
    switch (command) {
      case 'SetSourceChannel':
        link.sourceChannel ??= String(request.channelName ?? '');
        return;
      case 'SetDestChannel':
      case 'UpdateDestChannel':
        link.destinations = destinations(request);
        if (link.running) this.#apply(link);
        return;
      case 'StartPacketTransfer':
        link.running = true;
        return this.#apply(link);
      case 'StopPacketTransfer':
        link.running = false;
        return this.#apply(link);
    }
  }

  /** The relay socket closed: everything it brought in leaves. */
  closed(connection: number): void {
    const link = this.#links.get(connection);
    if (!link) return;
    this.#links.delete(connection);
    link.running = false;
    this.#apply(link);
  }

  #apply(link: Link): void {
    const wanted = link.running ? link.destinations : [];
    for (const [channel, view] of [...link.views]) {
      const destination = wanted.find((each) => each.channel === channel);
      if (destination && (key(destination.uid) === '0' || key(destination.uid) === key(view.uid))) continue;
      link.views.delete(channel);
      this.channels.remove(channel, view.uid, 'Quit');
    }
    for (const destination of wanted) {
      if (link.views.has(destination.channel) || destination.channel === link.sourceChannel) continue;
      const uid = key(destination.uid) === '0' ? this.#nextUid++ : destination.uid;
      if (this.channels.member(destination.channel, uid)) {
        this.log.add({ service: 'relay', direction: 'out', type: 'relay uid taken', connection: link.connection, message: { channelName: destination.channel, uid } });
        continue;
      }
      const view: ChannelMember = {
        uid,
        uintId: typeof uid === 'number' ? uid : this.#nextUid++,
        relayOf: { channel: link.sourceChannel ?? '', uid: link.sourceUid ?? '' },
      };
      link.views.set(destination.channel, view);
      this.channels.add(destination.channel, view);
      this.#mirror(destination.channel, view);
    }
  }

  /** Gives a relayed user the streams its source publishes now. */
  #mirror(channel: string, view: ChannelMember): void {
    const source = view.relayOf && this.channels.member(view.relayOf.channel, view.relayOf.uid);
    const has = { audio: source?.audioSsrc !== undefined, video: source?.videoSsrc !== undefined };
    const gone = { audio: !has.audio && view.audioSsrc !== undefined, video: !has.video && view.videoSsrc !== undefined };
    if (gone.audio || gone.video) this.channels.unpublish(channel, view.uid, gone);
    const added = { audio: has.audio && view.audioSsrc === undefined, video: has.video && view.videoSsrc === undefined };
    if (added.audio || added.video) {
      this.channels.publish(channel, view.uid, { ...(added.audio && { audio: true }), ...(added.video && { video: true }) });
    }
    for (const media of ['audio', 'video'] as const) {
      if (has[media]) this.channels.mute(channel, view.uid, media, !!source?.muted?.[media]);
    }
  }

  // Channel changes: a source's streams come and go.

  added(channel: string, member: ChannelMember): void {
    this.streamsChanged(channel, member);
  }

  streamsChanged(channel: string, member: ChannelMember): void {
    if (member.relayOf) return;
    for (const link of this.#links.values()) {
      if (link.sourceChannel !== channel || key(link.sourceUid ?? '') !== key(member.uid)) continue;
      for (const [viewChannel, view] of link.views) this.#mirror(viewChannel, view);
    }
  }

  mutedChanged(channel: string, member: ChannelMember): void {
    this.streamsChanged(channel, member);
  }

  removed(channel: string, member: ChannelMember): void {
    if (member.relayOf) {
      for (const link of this.#links.values()) if (link.views.get(channel) === member) link.views.delete(channel);
      return;
    }
    this.streamsChanged(channel, member);
  }

  stop(): void {
    this.channels.watchers.delete(this);
    this.#links.clear();
  }
}
