// The hosts an audience follows: the remote users it subscribed to and for which media, the list a view shows, and
// their sound, which plays unless muted (video is the view's to play).
import type { AudienceContext } from './audience-context.js';
import type { AudienceClient, AudienceHost } from './audience-types.js';
import { fromSdkError } from './relay-error.js';
import type { RemoteUser } from './sdk-types.js';

type Media = 'audio' | 'video';

export class FollowedHosts {
  readonly #context: AudienceContext;
  /** Remote users we subscribed to, per media. */
  readonly #subscribed = new Map<number | string, Set<Media>>();

  constructor(context: AudienceContext) {
    this.#context = context;
  }

  /** Hosts that publish and that we subscribed to, in the order they published. */
  among(users: readonly RemoteUser[]): AudienceHost[] {
    return users
      .filter((user) => this.#subscribed.get(user.uid)?.size)
      .map((user) => {
        const media = this.#subscribed.get(user.uid) as Set<Media>;
        const hasVideo = media.has('video') && user.hasVideo;
        const host: AudienceHost = { uid: user.uid, hasAudio: media.has('audio') && user.hasAudio, hasVideo };
        if (hasVideo && user.videoTrack) host.videoTrack = user.videoTrack;
        return host;
      })
      .filter((host) => host.hasAudio || host.hasVideo);
  }

  async subscribe(client: AudienceClient, user: RemoteUser, mediaType: Media): Promise<void> {
    const context = this.#context;
    try {
      await client.subscribe(user, mediaType);
    } catch (error) {
      if (!context.isClosed()) context.warn(fromSdkError(error, 'join', `Could not subscribe to host ${user.uid}.`));
      return;
    }
    if (context.isClosed()) return;
    const media = this.#subscribed.get(user.uid) ?? new Set();
    media.add(mediaType);
    this.#subscribed.set(user.uid, media);
    if (mediaType === 'audio' && !context.isMuted()) this.#play(user);
    context.emit('user-published', { uid: user.uid, mediaType });
    context.emit('change', undefined);
  }

  unpublished(uid: number | string, mediaType: Media): void {
    this.#subscribed.get(uid)?.delete(mediaType);
  }

  left(uid: number | string): void {
    this.#subscribed.delete(uid);
  }

  /** Every subscribed host's audio, from the start (after unmuting, or a gesture that lifted an autoplay block). */
  playAudio(users: readonly RemoteUser[]): void {
    for (const user of this.#withAudio(users)) this.#play(user);
  }

  stopAudio(users: readonly RemoteUser[]): void {
    for (const user of this.#withAudio(users)) user.audioTrack?.stop();
  }

  /** Forgets every host (closing: their audio is stopped first). */
  clear(): void {
    this.#subscribed.clear();
  }

  #withAudio(users: readonly RemoteUser[]): RemoteUser[] {
    return users.filter((user) => this.#subscribed.get(user.uid)?.has('audio'));
  }

  #play(user: RemoteUser): void {
    try {
      // The SDK reports a refusal through onAutoplayFailed (watched in autoplay.ts), not by throwing.
      user.audioTrack?.play();
    } catch (error) {
      this.#context.warn(fromSdkError(error, 'join', `Could not play host ${user.uid}'s audio.`));
    }
  }
}
