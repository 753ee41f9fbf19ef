// A remote video played in a <video> of ours instead of the SDK's player (co-host tiles, the audience's tiles). Until
// a host's first frame, a <video>'s play() stays pending, and a tile removed then rejects it (AbortError, code 20).
// The SDK's player leaves that rejection unhandled inside the SDK; ours is caught here, and only ours: nothing is
// filtered page-wide, so a page's own AbortError still reaches `unhandledrejection`.
import type { RemoteTrack } from '../core/sdk-types.js';

export interface OwnPlayer extends RemoteTrack {
  /** The track played, to tell whether a host's video is still the same one. */
  readonly media: MediaStreamTrack;
  /** Starts the <video> again when the browser paused or refused it (a gesture lifted an autoplay block). */
  resume(): void;
}

export interface OwnPlayerOptions {
  /** The browser refused to start the video without a gesture (NotAllowedError), as the SDK's player reports. */
  refused?: () => void;
}

/** Plays `media` into a tile, replacing what the tile held; `stop()` lets go of the track and removes the <video>. */
export function ownPlayer(media: MediaStreamTrack, { refused }: OwnPlayerOptions = {}): OwnPlayer {
  let video: HTMLVideoElement | undefined;
  const start = (element: HTMLVideoElement) => {
    element.play().catch((error: unknown) => {
      if ((error as { name?: unknown } | null)?.name === 'NotAllowedError' && video === element) refused?.();
    });
  };
  const stop = () => {
    if (!video) return;
    video.srcObject = null;
    video.remove();
    video = undefined;
  };
  return {
    media,
    play(tile?: HTMLElement | string) {
      if (!(tile instanceof HTMLElement)) return;
      stop();
      video = document.createElement('video');
      Object.assign(video, { autoplay: true, muted: true, playsInline: true, srcObject: new MediaStream([media]) });
      Object.assign(video.style, { width: '100%', height: '100%', objectFit: 'cover' });
      tile.replaceChildren(video);
      start(video);
    },
    resume() {
      if (video?.isConnected && video.paused) start(video);
    },
    stop,
  };
}
