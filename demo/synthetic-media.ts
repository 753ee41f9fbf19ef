// One laptop has one camera and one microphone: each demo host publishes a picture of its own instead, a canvas with
// its channel's colour, its name and a running clock (so a viewer can tell whose picture a tile shows, and see that
// it moves), and a soft tick once a second at a pitch of its own instead of a microphone (no feedback loop).
import type { IAgoraRTC, ILocalAudioTrack, ILocalVideoTrack } from 'agora-rtc-sdk-ng';

export interface ChannelLook {
  /** The picture's background, also what a test samples to tell the channels apart. */
  colour: [number, number, number];
  /** The tick's pitch, in Hz. */
  pitch: number;
}

export const PICTURE = { width: 320, height: 240, fps: 15 };

/** The corner a test samples: background only, never text nor the moving bar. */
export const BACKGROUND_SAMPLE = { x: 4, y: 4, width: 24, height: 18 };

export interface SyntheticMedia {
  createCameraVideoTrack(): Promise<ILocalVideoTrack>;
  createMicrophoneAudioTrack(): Promise<ILocalAudioTrack>;
  /** Stops drawing and ticking, and ends the tracks' sources. */
  stop(): void;
}

const clock = (now: Date) =>
  `${[now.getHours(), now.getMinutes(), now.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':')}.${Math.floor(now.getMilliseconds() / 100)}`;

export function syntheticMedia(sdk: IAgoraRTC, channelName: string, look: ChannelLook): SyntheticMedia {
  const stops: (() => void)[] = [];
  const { width, height, fps } = PICTURE;

  function picture(): MediaStreamTrack {
    const canvas = document.createElement('canvas');
    Object.assign(canvas, { width, height });
    const context = canvas.getContext('2d');
    if (!context) throw new Error('demo: no 2d canvas context');
    let frame = 0;
    const draw = () => {
      context.fillStyle = `rgb(${look.colour.join(',')})`;
      context.fillRect(0, 0, width, height);
      context.fillStyle = '#fff';
      context.textAlign = 'center';
      context.font = 'bold 34px system-ui, sans-serif';
      context.fillText(channelName, width / 2, 96);
      context.font = '28px ui-monospace, monospace';
      context.fillText(clock(new Date()), width / 2, 146);
      // A bar that sweeps along the bottom: every frame differs from the one before.
      context.fillStyle = 'rgba(255,255,255,0.85)';
      context.fillRect((frame++ * 6) % (width - 40), height - 36, 40, 16);
    };
    draw();
    const timer = setInterval(draw, 1000 / fps);
    const [track] = canvas.captureStream(fps).getVideoTracks();
    if (!track) throw new Error('demo: canvas.captureStream() gave no video track');
    stops.push(() => {
      clearInterval(timer);
      track.stop();
    });
    return track;
  }

  function ticks(): MediaStreamTrack {
    const audio = new AudioContext();
    const out = audio.createMediaStreamDestination();
    const gain = audio.createGain();
    gain.gain.value = 0;
    const tone = audio.createOscillator();
    tone.frequency.value = look.pitch;
    tone.connect(gain).connect(out);
    tone.start();
    // 60 ms at a low level once a second; silent while the browser keeps the context suspended (no gesture yet).
    const tick = () => {
      const at = audio.currentTime;
      gain.gain.setValueAtTime(0.04, at);
      gain.gain.setValueAtTime(0, at + 0.06);
    };
    const timer = setInterval(tick, 1000);
    const resume = () => void audio.resume().catch(() => undefined);
    document.addEventListener('pointerdown', resume, { once: true });
    const [track] = out.stream.getAudioTracks();
    if (!track) throw new Error('demo: no audio track from the audio context');
    stops.push(() => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      track.stop();
      tone.stop();
      void audio.close().catch(() => undefined);
    });
    return track;
  }

  return {
    // "detail": the encoder keeps the resolution (a resolution change while a relay is not RUNNING trips an SDK quirk).
    createCameraVideoTrack: async () => sdk.createCustomVideoTrack({ mediaStreamTrack: picture(), optimizationMode: 'detail' }),
    createMicrophoneAudioTrack: async () => sdk.createCustomAudioTrack({ mediaStreamTrack: ticks() }),
    stop() {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
