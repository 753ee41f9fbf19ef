// Publishing a local track (a canvas, so no camera is needed) and unpublishing it.
import type { ILocalVideoTrack } from 'agora-rtc-sdk-ng';
import type { ScenarioWorld } from '../support/world.js';
import type { Scenario } from './scenario.js';

const APP_ID = 'stand-in-app';

/** A video track drawn on a canvas. Close it when done. */
export function canvasTrack(world: ScenarioWorld): ILocalVideoTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 160;
  canvas.height = 120;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#0a7';
  context.fillRect(0, 0, canvas.width, canvas.height);
  const [mediaStreamTrack] = canvas.captureStream(15).getVideoTracks();
  return world.sdk.createCustomVideoTrack({ mediaStreamTrack: mediaStreamTrack! });
}

export const publishScenarios: Scenario[] = [
  {
    name: 'publish and unpublish a canvas track',
    expected: [
      'connection DISCONNECTED→CONNECTING',
      'connection CONNECTING→CONNECTED',
      'join: resolved',
      'publish: resolved',
      'local tracks: 1',
      'unpublish: resolved',
      'local tracks: 0',
    ],
    expectedFacts: { sent: ['publish video', 'unpublish video'] },
    async run({ world, recorder, client, fact }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('publish'), null, 1201));
      const track = canvasTrack(world);
      try {
        await recorder.outcome('publish', c.publish(track));
        recorder.record(`local tracks: ${c.localTracks.length}`);
        await recorder.outcome('unpublish', c.unpublish(track));
        recorder.record(`local tracks: ${c.localTracks.length}`);
      } finally {
        track.close();
      }
      fact('sent', await world.publishedMedia(c));
    },
  },
];
