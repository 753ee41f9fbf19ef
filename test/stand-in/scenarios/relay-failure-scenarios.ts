// The relay when the service misbehaves: token expiry, refusals, errors, silence, dropped sockets.
import type { IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import type { Recorder } from '../support/recorder.js';
import { sleep, until } from '../support/timing.js';
import type { RelayStartFailure, ScenarioWorld } from '../support/world.js';
import { JOINED, joinSource, START_COMMANDS, STARTED, STOPPED } from './relay-scenarios.js';
import { relayConfig } from './scenario.js';
import type { Scenario } from './scenario.js';

const APP_ID = 'stand-in-app';

/** The stuck relay after a FAILURE: start and update refuse, stop cannot reach a socket; leave() and a new join cure it. */
async function expireToken(
  world: ScenarioWorld,
  recorder: Recorder,
  c: IAgoraRTCClient,
  which: 'source' | 'destination',
  uid: number,
): Promise<void> {
  const source = await joinSource(world, recorder, c, uid);
  await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
  await world.relayTokenExpires(c, which);
  await until(() => recorder.steps.includes('relay-state RELAY_STATE_FAILURE'), 3000, 'FAILURE');
  await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
  await recorder.outcome('update', c.updateChannelMediaRelay(relayConfig(world, source, ['dest-b'])));
  await recorder.outcome('stop', c.stopChannelMediaRelay());
  await recorder.outcome('leave', c.leave());
  await recorder.outcome('join', c.join(APP_ID, source, null, uid));
  await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
  await recorder.outcome('stop', c.stopChannelMediaRelay());
}

/** A stuck relay: start and update refuse, stop finds no socket; leave() resets it and a new join relays again. */
const STUCK_UNTIL_LEAVE = [
  'start: rejected INVALID_OPERATION',
  'update: rejected INVALID_OPERATION',
  'stop: rejected WS_DISCONNECT',
  // leave() resets the stuck relay, and says so before the connection goes down.
  'relay-state RELAY_STATE_IDLE',
  'connection CONNECTED→DISCONNECTING',
  'connection DISCONNECTING→DISCONNECTED LEAVE',
  'leave: resolved',
  ...JOINED,
  ...STARTED,
  ...STOPPED,
];

/** A relay failure pushed by the service, as listeners get it: IDLE then FAILURE, in one task, with no code. */
const FAILED = ['relay-state RELAY_STATE_IDLE', 'relay-state RELAY_STATE_FAILURE'];

/** A start that fails on the server's side: rejected with `code`, no FAILURE state, and stop still succeeds. */
function failedStart(how: RelayStartFailure, code: string, uid: number, events: string[]): Scenario {
  return {
    name: `relay start fails (${how}): rejected ${code}, no FAILURE, stop succeeds`,
    expected: [...JOINED, 'relay-state RELAY_STATE_CONNECTING', ...events, `start: rejected ${code}`, ...STOPPED],
    ...(how === 'status-missing' && { realTimings: { start: [4900, 6500] }, timeoutMs: 15_000 }),
    async run({ world, recorder, client }) {
      const c = client();
      const source = await joinSource(world, recorder, c, uid);
      await world.failNextRelayStart(c, how);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await recorder.outcome('stop', c.stopChannelMediaRelay());
    },
  };
}

const UP_TO_SOURCE = ['relay-event NETWORK_CONNECTED', 'relay-event PACKET_JOINED_SRC_CHANNEL'];

export const relayFailureScenarios: Scenario[] = [
  {
    name: 'source relay token expires: IDLE then FAILURE (no code), stuck until leave()',
    expected: [...JOINED, ...STARTED, ...FAILED, ...STUCK_UNTIL_LEAVE],
    async run({ world, recorder, client }) {
      await expireToken(world, recorder, client(), 'source', 1401);
    },
  },
  {
    name: 'destination relay token expires: IDLE then FAILURE (no code), stuck until leave()',
    expected: [...JOINED, ...STARTED, ...FAILED, ...STUCK_UNTIL_LEAVE],
    async run({ world, recorder, client }) {
      await expireToken(world, recorder, client(), 'destination', 1402);
    },
  },
  failedStart('server-error', 'CROSS_CHANNEL_SERVER_ERROR_RESPONSE', 1403, UP_TO_SOURCE),
  failedStart('status-failed', 'CROSS_CHANNEL_WAIT_STATUS_ERROR', 1404, UP_TO_SOURCE),
  failedStart('status-missing', 'TIMEOUT', 1405, UP_TO_SOURCE),
  {
    name: 'relay update unanswered: rejected TIMEOUT after 3 s, the relay stays usable',
    expected: [
      ...JOINED,
      ...STARTED,
      'update: rejected TIMEOUT',
      'relay-event PACKET_UPDATE_DEST_CHANNEL',
      'update: resolved',
      ...STOPPED,
    ],
    realTimings: { 'update unanswered': [2900, 4500] },
    timeoutMs: 15_000,
    async run({ world, recorder, client }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1406);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await world.leaveNextUpdateUnanswered(c);
      const started = performance.now();
      await recorder.outcome('update', c.updateChannelMediaRelay(relayConfig(world, source, ['dest-a', 'dest-b'])));
      recorder.took['update unanswered'] = Math.round(performance.now() - started);
      await recorder.outcome('update', c.updateChannelMediaRelay(relayConfig(world, source, ['dest-b'])));
      await recorder.outcome('stop', c.stopChannelMediaRelay());
    },
  },
  {
    name: 'relay socket dropped while running: restarts by itself',
    // The restart opens a new socket to the same worker (no new allocation) and replays the whole start.
    expectedFacts: {
      relayCommands: ['allocation', 'socket open', ...START_COMMANDS, 'socket open', ...START_COMMANDS, 'StopPacketTransfer'],
    },
    expected: [
      ...JOINED,
      ...STARTED,
      'relay-event NETWORK_DISCONNECTED',
      'relay-state RELAY_STATE_IDLE',
      'relay-event PACKET_JOINED_SRC_CHANNEL',
      'relay-event PACKET_JOINED_DEST_CHANNEL',
      'relay-event PACKET_SENT_TO_DEST_CHANNEL',
      'relay-state RELAY_STATE_RUNNING',
      ...STOPPED,
    ],
    async run({ world, recorder, client, fact }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1407);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await world.dropRelaySocket(c, { reconnect: true });
      const running = () => recorder.steps.filter((step) => step === 'relay-state RELAY_STATE_RUNNING').length;
      await until(() => running() === 2, 5000, 'RUNNING again');
      await recorder.outcome('stop', c.stopChannelMediaRelay());
      fact('relayCommands', await world.relayCommands(c));
    },
  },
  {
    name: 'relay socket dropped and reconnection refused: silent IDLE, no FAILURE; stop fails WS_DISCONNECT',
    expected: [
      ...JOINED,
      ...STARTED,
      'relay-event NETWORK_DISCONNECTED',
      'relay-state RELAY_STATE_IDLE',
      'nothing more within 5 s',
      'stop: rejected WS_DISCONNECT',
    ],
    // Two reconnection attempts with the stand-in's bounded retries, then nothing.
    expectedFacts: { refusedReconnections: 2 },
    timeoutMs: 15_000,
    async run({ world, recorder, client, fact }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1408);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await world.dropRelaySocket(c, { reconnect: false });
      await until(() => recorder.steps.includes('relay-state RELAY_STATE_IDLE'), 3000, 'IDLE');
      const seen = recorder.steps.length;
      await sleep(world.patience(5000));
      if (recorder.steps.length === seen) recorder.record('nothing more within 5 s');
      await recorder.outcome('stop', c.stopChannelMediaRelay());
      fact('refusedReconnections', await world.refusedRelayReconnections(c));
    },
  },
  {
    // Rejected before its socket opened, the relay stays CONNECTING inside the SDK: stuck like after a FAILURE.
    name: 'relay allocation refused (app center 403): start rejected UNEXPECTED_RESPONSE, stuck until leave()',
    expected: [...JOINED, 'relay-state RELAY_STATE_CONNECTING', 'start: rejected UNEXPECTED_RESPONSE', ...STUCK_UNTIL_LEAVE],
    async run({ world, recorder, client }) {
      const c = client();
      const source = await joinSource(world, recorder, c, 1409);
      await world.refuseNextAllocation(c);
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await recorder.outcome('update', c.updateChannelMediaRelay(relayConfig(world, source, ['dest-b'])));
      await recorder.outcome('stop', c.stopChannelMediaRelay());
      await recorder.outcome('leave', c.leave());
      await recorder.outcome('join', c.join(APP_ID, source, null, 1409));
      await recorder.outcome('start', c.startChannelMediaRelay(relayConfig(world, source, ['dest-a'])));
      await recorder.outcome('stop', c.stopChannelMediaRelay());
    },
  },
];
