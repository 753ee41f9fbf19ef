// Who is in which channel, as the gateway tells the SDK: remote users the tests make, and the SDK's own sessions
// (so two real clients in one channel see each other). Every change is announced to the other members' sessions.

export type Uid = number | string;

/** What a member's session can receive: a gateway push. */
export interface MemberInbox {
  push(type: string, message: Record<string, unknown>): void;
}

export interface ChannelMember {
  uid: Uid;
  /** The numeric id the gateway sends next to `uid` (`uint_id`). */
  uintId: number;
  audioSsrc?: number;
  videoSsrc?: number;
  /** The SDK session behind this member; none for a remote user made by a test. */
  inbox?: MemberInbox;
  /** The token an SDK session rejoins with after its socket dropped. */
  rejoinToken?: string;
  /** Set on a user a running relay brings in: the channel and uid whose own streams it carries. */
  relayOf?: { channel: string; uid: Uid };
  /** Published media the member muted (the SDK's `control` `mute_local_audio` / `mute_local_video`). */
  muted?: { audio?: boolean; video?: boolean };
}

/** Told of membership and stream changes (the media path follows them). */
export interface ChannelWatcher {
  added?(channel: string, member: ChannelMember): void;
  streamsChanged?(channel: string, member: ChannelMember): void;
  mutedChanged?(channel: string, member: ChannelMember, media: 'audio' | 'video', muted: boolean): void;
  removed?(channel: string, member: ChannelMember): void;
}

export const key = (uid: Uid) => String(uid);

/** The pushes that bring a session up to date with one member (also the `peers` entry of a rejoin reply). */
export function streamPushes(member: ChannelMember): [string, Record<string, unknown>][] {
  const pushes: [string, Record<string, unknown>][] = [];
  const ids = { uid: member.uid, uint_id: member.uintId };
  if (member.audioSsrc !== undefined) pushes.push(['on_add_audio_stream', { ...ids, audio: true, ssrcId: member.audioSsrc }]);
  if (member.videoSsrc !== undefined) pushes.push(['on_add_video_stream', { ...ids, video: true, ssrcId: member.videoSsrc }]);
  // A muted stream is announced, then said muted (the SDK's `mute_audio` / `mute_video` pushes, read from 4.24.8).
  for (const media of ['audio', 'video'] as const) {
    if (member.muted?.[media] && member[`${media}Ssrc`] !== undefined) pushes.push([`mute_${media}`, { uid: member.uid }]);
  }
  return pushes;
}

export function peerEntry(member: ChannelMember): Record<string, unknown> {
  return {
    uid: member.uid,
    uint_id: member.uintId,
    audio: member.audioSsrc !== undefined,
    video: member.videoSsrc !== undefined,
    audio_ssrc: member.audioSsrc,
    video_ssrc: member.videoSsrc,
    audio_mute: false,
    video_mute: false,
    audio_enable_local: true,
    video_enable_local: true,
  };
}

export class Channels {
  readonly #channels = new Map<string, Map<string, ChannelMember>>();
  readonly watchers = new Set<ChannelWatcher>();
  #nextSsrc = 10_000;

  members(channel: string): ChannelMember[] {
    return [...(this.#channels.get(channel)?.values() ?? [])];
  }

  member(channel: string, uid: Uid): ChannelMember | undefined {
    return this.#channels.get(channel)?.get(key(uid));
  }

  /** Adds (or replaces) a member and announces it to the others. */
  add(channel: string, member: ChannelMember): void {
    let members = this.#channels.get(channel);
    if (!members) this.#channels.set(channel, (members = new Map()));
    members.set(key(member.uid), member);
    this.#announce(channel, member, 'on_user_online', { uid: member.uid });
    for (const [type, message] of streamPushes(member)) this.#announce(channel, member, type, message);
    for (const watcher of this.watchers) watcher.added?.(channel, member);
  }

  /** Publishes media (with the SDK's SSRCs, or made-up ones) and announces each newly published one. */
  publish(channel: string, uid: Uid, ssrcs: { audio?: number | true; video?: number | true }): void {
    const member = this.member(channel, uid);
    if (!member) throw new Error(`stand-in: ${uid} is not in channel ${channel}`);
    const added: { audio?: boolean; video?: boolean } = {};
    for (const media of ['audio', 'video'] as const) {
      const ssrc = ssrcs[media];
      if (ssrc === undefined || member[`${media}Ssrc`] !== undefined) continue;
      member[`${media}Ssrc`] = ssrc === true ? this.#nextSsrc++ : ssrc;
      added[media] = true;
    }
    for (const [type, message] of streamPushes(member)) {
      if ((type === 'on_add_audio_stream' && added.audio) || (type === 'on_add_video_stream' && added.video)) {
        this.#announce(channel, member, type, message);
      }
    }
    if (added.audio || added.video) for (const watcher of this.watchers) watcher.streamsChanged?.(channel, member);
  }

  /**
   * Unpublishes media (default: all). The gateway only has `on_remove_stream`, which removes everything: when some
   * media stays published, it is announced again right after (a guess at what Agora does; not measured).
   */
  unpublish(channel: string, uid: Uid, media: { audio?: boolean; video?: boolean } = { audio: true, video: true }): void {
    const member = this.member(channel, uid);
    if (!member || (member.audioSsrc === undefined && member.videoSsrc === undefined)) return;
    if (media.audio) delete member.audioSsrc;
    if (media.video) delete member.videoSsrc;
    if (media.audio && member.muted) delete member.muted.audio;
    if (media.video && member.muted) delete member.muted.video;
    this.#announce(channel, member, 'on_remove_stream', { uid: member.uid, uint_id: member.uintId });
    for (const [type, message] of streamPushes(member)) this.#announce(channel, member, type, message);
    for (const watcher of this.watchers) watcher.streamsChanged?.(channel, member);
  }

  /**
   * A member muted or unmuted published media: the others get `mute_video {uid}` (`unmute_…`, `…_audio`), on which
   * the SDK emits user-unpublished (user-published); a relay carries it into its destination channels.
   */
  mute(channel: string, uid: Uid, media: 'audio' | 'video', muted: boolean): void {
    const member = this.member(channel, uid);
    if (!member || !!member.muted?.[media] === muted) return;
    member.muted = { ...member.muted, [media]: muted };
    this.#announce(channel, member, `${muted ? 'mute' : 'unmute'}_${media}`, { uid: member.uid });
    for (const watcher of this.watchers) watcher.mutedChanged?.(channel, member, media, muted);
  }

  remove(channel: string, uid: Uid, reason: string): void {
    const member = this.member(channel, uid);
    if (!member) return;
    this.#channels.get(channel)?.delete(key(uid));
    this.#announce(channel, member, 'on_user_offline', { uid: member.uid, reason });
    for (const watcher of this.watchers) watcher.removed?.(channel, member);
  }

  /** Sessions joined anywhere, with their channel and uid. */
  sessions(): { channel: string; member: ChannelMember & { inbox: MemberInbox } }[] {
    const found: { channel: string; member: ChannelMember & { inbox: MemberInbox } }[] = [];
    for (const [channel, members] of this.#channels) {
      for (const member of members.values()) {
        if (member.inbox) found.push({ channel, member: member as ChannelMember & { inbox: MemberInbox } });
      }
    }
    return found;
  }

  clearRemoteUsers(): void {
    for (const members of this.#channels.values()) {
      // Users a running relay brought in stay: their relay still runs.
      for (const [id, member] of members) if (!member.inbox && !member.relayOf) members.delete(id);
    }
  }

  #announce(channel: string, about: ChannelMember, type: string, message: Record<string, unknown>): void {
    for (const member of this.members(channel)) {
      if (member !== about) member.inbox?.push(type, message);
    }
  }
}
