// Local tracks without devices: a camera backed by a canvas captureStream, a microphone backed by a silent WebAudio
// destination, and custom video tracks around a given MediaStreamTrack. Only what the elements use.
//
// As the SDK does (measured on 4.24.8): setEnabled(false) stops playing, and on a camera or microphone ends the
// capture (its MediaStreamTrack `ended`, the camera's light off), setEnabled(true) captures again with a new
// MediaStreamTrack; on a custom track it only sets the MediaStreamTrack disabled. setMuted keeps capturing and sets
// it disabled. setDevice refuses an id the namespace does not list (DEVICE_NOT_FOUND, `deviceId: <id>`) and keeps the
// device in use. `track-ended` follows the MediaStreamTrack's own `ended` event (the browser's "Stop sharing", a device
// gone; endFromBrowser() does both), never setEnabled or stop().

import type { FakeAutoplay, FakePlayback } from './autoplay.js';
import { sdkError } from './errors.js';
import { FakeEventEmitter } from './event-emitter.js';
import type { FakeDevice, FakeDeviceKind } from './fake-devices.js';

let nextTrackId = 1;

export type FakeTrackKind = 'audio' | 'video';

/** A capture that can be opened again (a camera or microphone after setEnabled(false)). */
export interface FakeCapture {
  track: MediaStreamTrack;
  onClose: () => void;
}

/** Where a camera or microphone track captures from: its device, the namespace's devices, and how to open again. */
export interface FakeDeviceSource {
  kind: FakeDeviceKind;
  device: FakeDevice;
  find(deviceId: string): FakeDevice | undefined;
  open(): FakeCapture;
}

export class FakeLocalTrack extends FakeEventEmitter implements FakePlayback {
  readonly trackMediaType: FakeTrackKind;
  enabled = true;
  muted = false;
  isPlaying = false;
  private readonly trackId: string;
  private mediaStreamTrack: MediaStreamTrack;
  private onClose: () => void;
  private mediaElement: HTMLMediaElement | undefined;
  private container: HTMLElement | undefined;
  private closed = false;
  /** Audio: the volume set with setVolume (100 = as received). */
  private volume = 100;
  /** A subscribed (remote) track: setVolume takes any number, as the SDK's remote audio track does. */
  remote = false;
  private readonly endedReported = new WeakSet<MediaStreamTrack>();
  private readonly source: FakeDeviceSource | undefined;
  private readonly label: string;
  /** Where a refused audio playback is reported (remote tracks of a fake namespace). */
  autoplay: FakeAutoplay | undefined;

  constructor(
    kind: FakeTrackKind,
    track: MediaStreamTrack,
    onClose: () => void = () => undefined,
    source?: FakeDeviceSource,
    label?: string,
  ) {
    super();
    this.trackMediaType = kind;
    this.mediaStreamTrack = track;
    this.onClose = onClose;
    this.source = source;
    this.label = label ?? track.label;
    this.trackId = `track-fake-${nextTrackId++}`;
    this.follow(track);
  }

  /** As the SDK: the capture's own `ended` event (fired by the browser, never by stop()) is `track-ended`. */
  private follow(track: MediaStreamTrack): void {
    track.addEventListener('ended', () => this.reportEnded(track));
  }

  /** Once per capture, while it is this track's. */
  private reportEnded(track: MediaStreamTrack): void {
    if (track !== this.mediaStreamTrack || this.closed || this.endedReported.has(track)) return;
    this.endedReported.add(track);
    this.emit('track-ended');
  }

  /** The device's label for a camera or microphone, else the MediaStreamTrack's label (as the SDK). */
  getTrackLabel(): string {
    return this.source?.device.label ?? this.label;
  }

  /** The device a camera or microphone captures from. */
  get deviceId(): string | undefined {
    return this.source?.device.deviceId;
  }

  async setDevice(deviceId: string): Promise<void> {
    const source = this.source;
    if (!source) throw new TypeError('setDevice is not a function');
    const device = source.find(deviceId);
    if (!device) throw sdkError('DEVICE_NOT_FOUND', `deviceId: ${deviceId}`);
    source.device = device;
    if (!this.enabled || this.closed) return;
    this.recapture();
  }

  /** Test control: the capture ends by itself (the browser's "Stop sharing", a device unplugged): `track-ended`. */
  endFromBrowser(): void {
    if (this.closed) return;
    const track = this.mediaStreamTrack;
    track.stop();
    // In Firefox the synthetic `ended` did not reach the listener (seen in host-controls): reported here as well, once.
    track.dispatchEvent(new Event('ended'));
    this.reportEnded(track);
  }

  private recapture(): void {
    const source = this.source;
    if (!source) return;
    this.mediaStreamTrack.stop();
    this.onClose();
    const capture = source.open();
    this.mediaStreamTrack = capture.track;
    this.follow(capture.track);
    this.onClose = capture.onClose;
    this.mediaStreamTrack.enabled = !this.muted;
    if (this.container) this.play(this.container);
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
      this.container = container;
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
    this.container = undefined;
    if (this.mediaElement) {
      this.mediaElement.pause();
      this.mediaElement.srcObject = null;
      this.mediaElement.remove();
      this.mediaElement = undefined;
    }
    this.isPlaying = false;
  }

  async setEnabled(enabled: boolean): Promise<void> {
    if (enabled === this.enabled || this.closed) return;
    this.enabled = enabled;
    if (!enabled) {
      const container = this.container;
      this.stop();
      this.container = container;
      if (this.source) {
        this.mediaStreamTrack.stop();
      } else {
        this.mediaStreamTrack.enabled = false;
      }
      return;
    }
    if (this.source) {
      this.recapture();
      return;
    }
    this.mediaStreamTrack.enabled = !this.muted;
    if (this.container) this.play(this.container);
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
    this.removeAllListeners();
  }
}

/** A camera: a small canvas redrawn a few times a second, captured as a video track. */
export function createCanvasVideoTrack(source?: Omit<FakeDeviceSource, 'open'>): FakeLocalTrack {
  const { track, onClose } = canvasCapture('#1d3557');
  return new FakeLocalTrack('video', track, onClose, source && { ...source, open: () => canvasCapture('#1d3557') });
}

/** A shared screen: a canvas of its own colour; the browser's "Stop sharing" is endFromBrowser(). */
export function createScreenTrack(): FakeLocalTrack {
  const { track, onClose } = canvasCapture('#2a9d8f');
  return new FakeLocalTrack('video', track, onClose, undefined, 'screen');
}

function canvasCapture(background: string): FakeCapture {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 240;
  const context = canvas.getContext('2d');
  let frame = 0;
  const draw = () => {
    if (!context) return;
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#e63946';
    context.fillRect((frame * 8) % canvas.width, 100, 40, 40);
    frame += 1;
  };
  draw();
  const timer = setInterval(draw, 100);
  const track = canvas.captureStream(10).getVideoTracks()[0];
  if (!track) throw new TypeError('canvas.captureStream gave no video track');
  return { track, onClose: () => clearInterval(timer) };
}

/** A microphone: the track of an empty WebAudio destination, i.e. silence. */
export function createSilentAudioTrack(source?: Omit<FakeDeviceSource, 'open'>): FakeLocalTrack {
  const { track, onClose } = silentCapture();
  return new FakeLocalTrack('audio', track, onClose, source && { ...source, open: silentCapture });
}

function silentCapture(): FakeCapture {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const track = destination.stream.getAudioTracks()[0];
  if (!track) throw new TypeError('MediaStreamAudioDestinationNode gave no audio track');
  return { track, onClose: () => void context.close().catch(() => undefined) };
}
