// A synthetic picture per host: a canvas filled with one colour and a moving bar (so every frame differs), published
// as a custom video track; and what colour a playing <video> shows, to tell whose picture a tile plays.
import type { IAgoraRTC, ILocalVideoTrack } from 'agora-rtc-sdk-ng';

export type Rgb = [number, number, number];

export interface CanvasPicture {
  track: ILocalVideoTrack;
  stop(): void;
}

export function canvasPicture(sdk: IAgoraRTC, colour: Rgb, size = { width: 320, height: 240 }): CanvasPicture {
  const canvas = document.createElement('canvas');
  Object.assign(canvas, size);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas context');
  let frame = 0;
  const draw = () => {
    context.fillStyle = `rgb(${colour.join(',')})`;
    context.fillRect(0, 0, size.width, size.height);
    context.fillStyle = 'rgb(128,128,128)';
    context.fillRect((frame++ * 8) % size.width, 0, 8, 12);
  };
  draw();
  const timer = setInterval(draw, 66);
  const [mediaStreamTrack] = canvas.captureStream(15).getVideoTracks();
  if (!mediaStreamTrack) throw new Error('canvas.captureStream() gave no video track');
  // "detail": the encoder keeps the resolution (see media-world.ts on resolution changes and relays).
  const track = sdk.createCustomVideoTrack({ mediaStreamTrack, optimizationMode: 'detail' });
  return {
    track,
    stop() {
      clearInterval(timer);
      mediaStreamTrack.stop();
    },
  };
}

/** The average colour of what `video` shows now (sampled small), or undefined before it has a frame. */
export function shownColour(video: HTMLVideoElement): Rgb | undefined {
  if (video.videoWidth === 0) return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = 16;
  canvas.height = 16;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(video, 0, 0, 16, 16);
  const { data } = context.getImageData(0, 0, 16, 16);
  const sum: Rgb = [0, 0, 0];
  for (let index = 0; index < data.length; index += 4) {
    sum[0] += data[index] ?? 0;
    sum[1] += data[index + 1] ?? 0;
    sum[2] += data[index + 2] ?? 0;
  }
  const pixels = data.length / 4;
  return sum.map((value) => Math.round(value / pixels)) as Rgb;
}

/** Whether `seen` is close to `expected` (codec and scaling blur colours a little). */
export const near = (seen: Rgb | undefined, expected: Rgb, tolerance = 40) =>
  !!seen && seen.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= tolerance);
