// Joining and leaving: the gateway answers, refuses, stays silent, or drops the connection.
import { stateAfter, until } from '../support/timing.js';
import { codeOf } from '../support/recorder.js';
import type { Scenario } from './scenario.js';

const APP_ID = 'stand-in-app';

export const joinScenarios: Scenario[] = [
  {
    name: 'join',
    expected: ['connection DISCONNECTED→CONNECTING', 'connection CONNECTING→CONNECTED', 'join: resolved'],
    expectedFacts: { uid: 1001, connectionState: 'CONNECTED' },
    async run({ world, recorder, client, fact }) {
      const c = client();
      fact('uid', await recorder.outcome('join', c.join(APP_ID, world.channel('join'), null, 1001)));
      fact('connectionState', c.connectionState);
    },
  },
  {
    name: 'leave',
    expected: [
      'connection DISCONNECTED→CONNECTING',
      'connection CONNECTING→CONNECTED',
      'join: resolved',
      'connection CONNECTED→DISCONNECTING',
      'connection DISCONNECTING→DISCONNECTED LEAVE',
      'leave: resolved',
    ],
    expectedFacts: { connectionState: 'DISCONNECTED' },
    async run({ world, recorder, client, fact }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('leave'), null, 1002));
      await recorder.outcome('leave', c.leave());
      fact('connectionState', c.connectionState);
    },
  },
  {
    // The SDK has no join timeout of its own (it only logs a warning after 10 s): an app needs its own.
    name: 'join unanswered: still pending after the SDK’s 10 s, then aborted by leave()',
    expected: [
      'connection DISCONNECTED→CONNECTING',
      'join after the SDK’s 10 s: pending',
      'connection CONNECTING→DISCONNECTING',
      'connection DISCONNECTING→DISCONNECTED LEAVE',
      'join: rejected WS_ABORT',
      'leave: resolved',
    ],
    timeoutMs: 20_000,
    async run({ world, recorder, client }) {
      const c = client();
      await world.leaveNextJoinUnanswered(c);
      const join = c.join(APP_ID, world.channel('unanswered'), null, 1003);
      recorder.record(`join after the SDK’s 10 s: ${await stateAfter(join, world.patience(10_500), codeOf)}`);
      const leaving = c.leave();
      await recorder.outcome('join', join);
      await recorder.outcome('leave', leaving);
    },
  },
  {
    name: 'join refused with code 110 (TOKEN_EXPIRE)',
    expected: [
      'connection DISCONNECTED→CONNECTING',
      'connection CONNECTING→DISCONNECTED TOKEN_EXPIRE',
      'join: rejected TOKEN_EXPIRE',
    ],
    olderSdks: [
      {
        below: '4.23.0',
        why: '4.20 to 4.22 ask again after a 110, for as long as it lasts: refused once, the join resolves',
        expected: ['connection DISCONNECTED→CONNECTING', 'connection CONNECTING→CONNECTED', 'join: resolved'],
        expectedFacts: { connectionState: 'CONNECTED' },
      },
    ],
    expectedFacts: { connectionState: 'DISCONNECTED' },
    async run({ world, recorder, client, fact }) {
      const c = client();
      await world.refuseNextJoin(c);
      await recorder.outcome('join', c.join(APP_ID, world.channel('refused'), null, 1004));
      fact('connectionState', c.connectionState);
    },
  },
  {
    name: 'gateway socket dropped, then rejoined',
    expected: [
      'connection DISCONNECTED→CONNECTING',
      'connection CONNECTING→CONNECTED',
      'join: resolved',
      'connection CONNECTED→RECONNECTING',
      'connection RECONNECTING→CONNECTED',
    ],
    // Without media flowing (no media peer: ICE never connects) the SDK comes back through the access point with a
    // fresh join_v3, not rejoin_v3.
    expectedFacts: { rejoinedWith: ['join_v3'] },
    async run({ world, recorder, client, fact }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('dropped'), null, 1005));
      await world.dropGatewaySocket(c);
      await until(() => recorder.steps.includes('connection RECONNECTING→CONNECTED'), 5000, 'CONNECTED again');
      fact('rejoinedWith', await world.gatewayRejoins(c));
    },
  },
];
