// Remote users and the join token, as the gateway pushes them.
import { until } from '../support/timing.js';
import type { Scenario } from './scenario.js';

const APP_ID = 'stand-in-app';
const JOINED = ['connection DISCONNECTED→CONNECTING', 'connection CONNECTING→CONNECTED', 'join: resolved'];

export const remoteUserScenarios: Scenario[] = [
  {
    name: 'remote user joins, publishes, unpublishes and leaves',
    expected: [
      ...JOINED,
      'user-joined 2001',
      'user-published 2001 audio',
      'user-published 2001 video',
      'user-unpublished 2001 audio',
      'user-unpublished 2001 video',
      'user-left 2001 Quit',
    ],
    async run({ world, recorder, client }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('users'), null, 1101));
      const next = async (move: Promise<void>, step: string) => {
        await move;
        await until(() => recorder.steps.includes(step), 3000, step);
      };
      await next(world.remoteUserJoins(c, 2001), 'user-joined 2001');
      await next(world.remoteUserPublishes(c, 2001, 'audio'), 'user-published 2001 audio');
      await next(world.remoteUserPublishes(c, 2001, 'video'), 'user-published 2001 video');
      await next(world.remoteUserUnpublishes(c, 2001), 'user-unpublished 2001 video');
      await next(world.remoteUserLeaves(c, 2001), 'user-left 2001 Quit');
    },
  },
  {
    name: 'remote user leaves while publishing',
    expected: [
      ...JOINED,
      'user-joined 2002',
      'user-published 2002 video',
      'user-unpublished 2002 video',
      'user-left 2002 Quit',
    ],
    async run({ world, recorder, client }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('users'), null, 1102));
      await world.remoteUserJoins(c, 2002);
      await world.remoteUserPublishes(c, 2002, 'video');
      await until(() => recorder.steps.includes('user-published 2002 video'), 3000, 'user-published');
      await world.remoteUserLeaves(c, 2002);
      await until(() => recorder.steps.includes('user-left 2002 Quit'), 3000, 'user-left');
    },
  },
  {
    name: 'token will expire',
    expected: [...JOINED, 'token-privilege-will-expire'],
    async run({ world, recorder, client }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('token'), null, 1103));
      await world.tokenWillExpire(c);
      await until(() => recorder.steps.includes('token-privilege-will-expire'), 3000, 'token-privilege-will-expire');
    },
  },
  {
    name: 'token did expire',
    expected: [
      ...JOINED,
      'connection CONNECTED→DISCONNECTING',
      'connection DISCONNECTING→DISCONNECTED TOKEN_EXPIRE',
      'token-privilege-did-expire',
    ],
    expectedFacts: { connectionState: 'DISCONNECTED' },
    async run({ world, recorder, client, fact }) {
      const c = client();
      await recorder.outcome('join', c.join(APP_ID, world.channel('token'), null, 1104));
      await world.tokenDidExpire(c);
      await until(() => recorder.steps.includes('token-privilege-did-expire'), 3000, 'token-privilege-did-expire');
      fact('connectionState', c.connectionState);
    },
  },
];
