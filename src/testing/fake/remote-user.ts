// A remote user as the client lists it in `remoteUsers` and hands it to user-* events. Subscribing gives it a track:
// a canvas "camera" for video, silence for audio, so a view can really play a co-host.
import type { FakeAutoplay } from './autoplay.js';
import { createCanvasVideoTrack, createSilentAudioTrack, type FakeLocalTrack } from './fake-tracks.js';

export type FakeMediaType = 'audio' | 'video';

export class FakeRemoteUser {
  readonly uid: number | string;
  hasAudio = false;
  hasVideo = false;
  audioTrack: FakeLocalTrack | undefined;
  videoTrack: FakeLocalTrack | undefined;

  constructor(
    uid: number | string,
    private readonly autoplay?: FakeAutoplay,
  ) {
    this.uid = uid;
  }

  /** The track a subscription gets, made on first use. */
  subscribeTrack(mediaType: FakeMediaType): FakeLocalTrack {
    if (mediaType === 'video') return (this.videoTrack ??= createCanvasVideoTrack());
    if (!this.audioTrack) {
      this.audioTrack = createSilentAudioTrack();
      this.audioTrack.autoplay = this.autoplay;
      this.audioTrack.remote = true;
    }
    return this.audioTrack;
  }

  /** Publishing stopped (or the user left): its track ends, as a remote track does. */
  endTrack(mediaType: FakeMediaType): void {
    const track = mediaType === 'video' ? this.videoTrack : this.audioTrack;
    track?.close();
    if (mediaType === 'video') this.videoTrack = undefined;
    else this.audioTrack = undefined;
  }
}
