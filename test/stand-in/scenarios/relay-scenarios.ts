// The relay on a real join: start, update, stop, start again.
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import type { Recorder } from '../support/recorder.js';
import { until } from '../support/timing.js';
import type { ScenarioWorld } from '../support/world.js';
import { canvasTrack } from './publish-scenarios.js';
import { relayConfig } from './scenario.js';
import type { Scenario } from './scenario.js';

const APP_ID = 'stand-in-app';

export const JOINED = ['connection DISCONNECTED→CONNECTING', 'connection CONNECTING→CONNECTED', 'join: resolved'];

/** A successful start, as the real SDK reports it. */
export const STARTED = [
  'relay-state RELAY_STATE_CONNECTING',
  'relay-event NETWORK_CONNECTED',
  'relay-event PACKET_JOINED_SRC_CHANNEL',
  'relay-event PACKET_JOINED_DEST_CHANNEL',
  'relay-event PACKET_SENT_TO_DEST_CHANNEL',
  'relay-state RELAY_STATE_RUNNING',
  'start: resolved',
];

export const STOPPED = ['relay-state RELAY_STATE_IDLE', 'stop: resolved'];

/** What 4.24.8 sends the relay worker for a start (SetVideoProfile is not awaited). */
export const START_COMMANDS = [
  'SetSdkProfile',
  'SetSourceChannel',
  'SetSourceUserId',
  'SetDestChannel',
  'StartPacketTransfer',
  'SetVideoProfile',
];

/** Joins `client` to a fresh source channel; returns the channel's name. */
export async function joinSource(world: ScenarioWorld, recorder: Recorder, client: IAgoraRTCClient, uid: number): Promise<string> {
  const source = world.channel('source');
  await recorder.outcome('join', client.join(APP_ID, source, null, uid));
  return source;
}

export const relayScenarios: Scenario[] = [
  {
    name: 'relay start after join and publish, then stop',
    expected: [...JOINED, 'publish: resolved', ...STARTED, ...STOPPED],
    expectedFacts: {
      destinations: [['dest-a']],
      relayCommands: ['allocation', 'socket open', ...START_COMMANDS, 'StopPacketTransfer'],
    },
    async run({ world, recorder, client, fact }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1301);
      const track = canvasTrack(world);
      try {
        await recorder.outcome('publish', c.publish(track));
        await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
        await recorder.outcome('stop', c.stopChannelMediaRelay());
      } finally {
        track.close();
      }
      fact('destinations', await world.sentDestinations(c));
      fact('relayCommands', await world.relayCommands(c));
    },
  },
  {
    name: 'relay update adds, then removes destinations (the whole list each time)',
    expected: [
      ...JOINED,
      ...STARTED,
      'relay-event PACKET_UPDATE_DEST_CHANNEL',
      'update: resolved',
      'relay-event PACKET_UPDATE_DEST_CHANNEL',
      'update: resolved',
      ...STOPPED,
    ],
    expectedFacts: { destinations: [['dest-a'], ['dest-a', 'dest-b', 'dest-c'], ['dest-c']] },
    async run({ world, recorder, client, fact }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1302);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await recorder.outcome('update', c.updateChannelMediaRelay(relayConfig(world, source, ['dest-a', 'dest-b', 'dest-c'])));
      await recorder.outcome('update', c.updateChannelMediaRelay(relayConfig(world, source, ['dest-c'])));
      await recorder.outcome('stop', c.stopChannelMediaRelay());
      fact('destinations', await world.sentDestinations(c));
    },
  },
  {
    name: 'relay stop, then start again on the same client',
    expected: [...JOINED, ...STARTED, ...STOPPED, ...STARTED, ...STOPPED],
    async run({ world, recorder, client }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1303);
      for (let round = 0; round < 2; round += 1) {
        await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
        await recorder.outcome('stop', c.stopChannelMediaRelay());
      }
    },
  },
  {
    name: 'relay media received events',
    expected: [
      ...JOINED,
      ...STARTED,
      'relay-event PACKET_RECEIVED_AUDIO_FROM_SRC',
      'relay-event PACKET_RECEIVED_VIDEO_FROM_SRC',
      ...STOPPED,
    ],
    async run({ world, recorder, client }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1304);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await world.relayPacketsReceived(c, 'audio');
      await world.relayPacketsReceived(c, 'video');
      await until(() => recorder.steps.includes('relay-event PACKET_RECEIVED_VIDEO_FROM_SRC'), 3000, 'video received');
      await recorder.outcome('stop', c.stopChannelMediaRelay());
    },
  },
];
