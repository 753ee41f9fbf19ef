// Local tracks without devices: a camera backed by a canvas captureStream, a microphone backed by a silent WebAudio
// destination, and custom video tracks around a given MediaStreamTrack. Only what the elements use.

import type { FakeAutoplay, FakePlayback } from './autoplay.js';
import { sdkError } from './errors.js';

let nextTrackId = 1;

export type FakeTrackKind = 'audio' | 'video';

export class FakeLocalTrack implements FakePlayback {
  readonly trackMediaType: FakeTrackKind;
  enabled = true;
  muted = false;
  isPlaying = false;
  private readonly trackId: string;
  private readonly mediaStreamTrack: MediaStreamTrack;
  private readonly onClose: () => void;
  private mediaElement: HTMLMediaElement | undefined;
  private closed = false;
  /** Audio: the volume set with setVolume (100 = as received). */
  private volume = 100;
  /** A subscribed (remote) track: setVolume takes any number, as the SDK's remote audio track does. */
  remote = false;
  /** Where a refused audio playback is reported (remote tracks of a fake namespace). */
  autoplay: FakeAutoplay | undefined;

  constructor(kind: FakeTrackKind, track: MediaStreamTrack, onClose: () => void = () => undefined) {
    this.trackMediaType = kind;
    this.mediaStreamTrack = track;
    this.onClose = onClose;
    this.trackId = `track-fake-${nextTrackId++}`;
  }

  /** True while the track's media element is really playing (not refused by the browser's autoplay policy). */
  get audible(): boolean {
    return !!this.mediaElement && !this.mediaElement.paused;
  }

  getTrackId(): string {
    return this.trackId;
  }

  getMediaStreamTrack(): MediaStreamTrack {
    return this.mediaStreamTrack;
  }

  /** Plays into an element (or the element with that id): a muted <video> for video, a detached <audio> for audio. */
  play(element?: HTMLElement | string): void {
    this.stop();
    const stream = new MediaStream([this.mediaStreamTrack]);
    if (this.trackMediaType === 'video') {
      const container = typeof element === 'string' ? document.getElementById(element) : element;
      if (!container) throw new TypeError('FakeLocalTrack.play: no element to play in');
      const video = document.createElement('video');
      video.autoplay = true;
      video.muted = true;
      video.playsInline = true;
      video.style.cssText = 'width:100%;height:100%;object-fit:cover';
      video.srcObject = stream;
      container.append(video);
      this.mediaElement = video;
    } else {
      // No autoplay attribute: play() below is the one attempt, so a refusal is seen (and reported) as the SDK does.
      const audio = document.createElement('audio');
      audio.srcObject = stream;
      this.mediaElement = audio;
      this.applyVolume();
    }
    this.isPlaying = true;
    this.startElement();
  }

  /** Tries the media element again (after a gesture lifted the autoplay block). */
  retryPlayback(): void {
    this.startElement();
  }

  private startElement(): void {
    const element = this.mediaElement;
    if (!element) return;
    const autoplay = this.trackMediaType === 'audio' ? this.autoplay : undefined;
    if (autoplay?.refusing) {
      autoplay.refused(this);
      return;
    }
    element.play().then(
      () => autoplay?.played(this),
      (error: unknown) => {
        if ((error as { name?: string }).name === 'NotAllowedError' && this.mediaElement === element) autoplay?.refused(this);
      },
    );
  }

  /**
   * Audio, as the SDK measured: a local track takes whole numbers 0–1000 and throws INVALID_PARAMS otherwise; a
   * remote track takes any number, its audio element clamping it.
   */
  setVolume(volume: number): void {
    if (!this.remote && (!Number.isInteger(volume) || volume < 0 || volume > 1000)) {
      throw sdkError('INVALID_PARAMS', 'invalid volume: the value range is [0, 1000]. integer only');
    }
    this.volume = volume;
    this.applyVolume();
  }

  /** As the SDK's remote audio track (audio element mode): the element's volume, 0 to 1 (setVolume(30) → 0.3). */
  getVolume(): number {
    return Math.min(1, Math.max(0, this.volume / 100));
  }

  /** The fake's audio is silence: its level is 0 however loud it is set. */
  getVolumeLevel(): number {
    return 0;
  }

  private applyVolume(): void {
    if (this.mediaElement && this.trackMediaType === 'audio') this.mediaElement.volume = this.getVolume();
  }

  stop(): void {
    if (this.mediaElement) {
      this.mediaElement.pause();
      this.mediaElement.srcObject = null;
      this.mediaElement.remove();
      this.mediaElement = undefined;
    }
    this.isPlaying = false;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    this.enabled = enabled;
    this.mediaStreamTrack.enabled = enabled && !this.muted;
  }

  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
    this.mediaStreamTrack.enabled = this.enabled && !muted;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.mediaStreamTrack.stop();
    this.onClose();
  }
}

/** A camera: a small canvas redrawn a few times a second, captured as a video track. */
export function createCanvasVideoTrack(): FakeLocalTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const context = canvas.getContext('2d');
  let frame = 0;
  const draw = () => {
    if (!context) return;
    context.fillStyle = '#1d3557';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#e63946';
    context.fillRect((frame * 8) % canvas.width, 100, 40, 40);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, 100);
  const track = canvas.captureStream(10).getVideoTracks()[0];
  if (!track) throw new TypeError('canvas.captureStream gave no video track');
  return new FakeLocalTrack('video', track, () => clearInterval(timer));
}

/** A microphone: the track of an empty WebAudio destination, i.e. silence. */
export function createSilentAudioTrack(): FakeLocalTrack {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const track = destination.stream.getAudioTracks()[0];
  if (!track) throw new TypeError('MediaStreamAudioDestinationNode gave no audio track');
  return new FakeLocalTrack('audio', track, () => void context.close().catch(() => undefined));
}
