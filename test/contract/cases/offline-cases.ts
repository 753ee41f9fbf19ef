// Contract cases that reach for no network on either implementation: the namespace, configurations, createClient,
// client defaults and every relay call that fails before any request.
import { expect } from '@open-wc/testing';
import { RELAY_ERRORS, RELAY_EVENTS, RELAY_STATES } from '../../../src/core/relay-enums.js';
import type { ContractCase, ContractSdk } from './contract-types.js';
import { PLAIN_CLIENT } from './contract-types.js';
import { callAsync, expectRejects, expectThrows, relayConfig, recordClient, sleep } from './helpers.js';
import { validationCases } from './validation-cases.js';

const REF1 = 'reference §1 API shape';
const REF2 = 'reference §2 enums';
const REF3 = 'reference §3 quirks';
const REF4 = 'reference §4 validation table';
const SEEN = 'measured on the real SDK';
const JOIN_FIRST = 'can not create channel media relay client, please join channel first';

function enumCase(key: 'ChannelMediaRelayState' | 'ChannelMediaRelayError' | 'ChannelMediaRelayEvent', list: readonly string[]): ContractCase {
  return {
    name: `${key} is a plain object whose member === value, with exactly the core's members`,
    source: REF2,
    run({ sdk }) {
      const value = sdk[key] as Record<string, unknown>;
      expect(Object.keys(value).sort()).to.deep.equal([...list].sort());
      for (const member of list) expect(value[member], member).to.equal(member);
    },
  };
}

function relayCallCase(
  name: string,
  source: string,
  call: (sdk: ContractSdk) => { method: 'start' | 'update' | 'stop'; config?: unknown },
  code: string,
  message: string,
): ContractCase {
  return {
    name,
    source,
    async run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      const log = recordClient(client);
      const { method, config } = call(impl.sdk);
      const promise = callAsync(
        () =>
          method === 'start'
            ? client.startChannelMediaRelay(config)
            : method === 'update'
              ? client.updateChannelMediaRelay(config)
              : client.stopChannelMediaRelay(),
        method,
      );
      await expectRejects(promise, code, message);
      expect(log, 'no relay state or event').to.deep.equal([]);
    },
  };
}

export const offlineCases: ContractCase[] = [
  enumCase('ChannelMediaRelayState', RELAY_STATES),
  enumCase('ChannelMediaRelayError', RELAY_ERRORS),
  enumCase('ChannelMediaRelayEvent', RELAY_EVENTS),
  {
    name: 'the namespace has no AgoraRTCErrorCode and no ChannelMediaRelayConfiguration constructor',
    source: REF1,
    run({ sdk }) {
      expect(sdk.AgoraRTCErrorCode === undefined, 'AgoraRTCErrorCode is undefined').to.be.true;
      expect(sdk.ChannelMediaRelayConfiguration === undefined, 'ChannelMediaRelayConfiguration is undefined').to.be.true;
      expect(typeof sdk.createChannelMediaRelayConfiguration).to.equal('function');
    },
  },
  ...validationCases,
  {
    name: 'errors: name AgoraRTCException, code, message "AgoraRTCError <CODE>: <msg>", an Error, String() is the message (4.20, 4.21: the stack)',
    source: REF1,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      const error = expectThrows(() => config.addDestChannelInfo({ channelName: 'a' }), 'INVALID_PARAMS') as Error & {
        data?: unknown;
      };
      expect(error instanceof Error, 'an Error').to.be.true;
      expect(error.message).to.equal('AgoraRTCError INVALID_PARAMS: invalid uid in info, uid must be a number');
      if (/^4\.2[01]\./.test(String(sdk.VERSION))) {
        // 4.20's and 4.21's toString() is the stack: the name, then the message without its "AgoraRTCError <CODE>" prefix.
        expect(String(error)).to.match(/^AgoraRTCException: invalid uid in info, uid must be a number\n\s+at /);
      } else {
        expect(String(error)).to.equal(error.message);
      }
      expect(error.data === undefined, 'no data').to.be.true;
    },
  },
  {
    name: 'the configuration stores the source info by reference',
    source: REF1,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      const info = { channelName: 'source', uid: 0 };
      config.setSrcChannelInfo(info);
      info.channelName = 'changed after set';
      expect(config.getSrcChannelMediaInfo() === info, 'same object').to.be.true;
      expect((config.getSrcChannelMediaInfo() as { channelName: string }).channelName).to.equal('changed after set');
    },
  },
  {
    name: 'the configuration stores destination infos by reference (no re-validation)',
    source: REF1,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      const info = { channelName: 'dest', uid: 1 };
      config.addDestChannelInfo(info);
      info.uid = -5;
      expect(config.getDestChannelMediaInfo().get('dest') === info, 'same object').to.be.true;
      expect(config.getDestChannelMediaInfo().get('dest')!.uid).to.equal(-5);
    },
  },
  {
    name: 'the same destination channel twice: last write wins',
    source: REF3,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      config.addDestChannelInfo({ channelName: 'dup', uid: 1 });
      config.addDestChannelInfo({ channelName: 'other', uid: 3 });
      config.addDestChannelInfo({ channelName: 'dup', uid: 2, token: 'second' });
      const map = config.getDestChannelMediaInfo();
      expect(map.size).to.equal(2);
      expect([...map.keys()]).to.deep.equal(['dup', 'other']);
      expect(map.get('dup')!.uid).to.equal(2);
      expect(map.get('dup')!.token).to.equal('second');
    },
  },
  {
    name: 'no 4-destination limit: 6 destinations are accepted',
    source: REF3,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      for (let i = 1; i <= 6; i += 1) config.addDestChannelInfo({ channelName: `dest-${i}`, uid: i });
      expect(config.getDestChannelMediaInfo().size).to.equal(6);
    },
  },
  {
    name: 'createClient({}) throws INVALID_PARAMS on the codec',
    source: `${REF4}; message ${SEEN}`,
    run({ sdk }) {
      expectThrows(() => sdk.createClient({}), 'INVALID_PARAMS', 'config.codec can only be set as ["vp8","vp9","av1","h264","h265"]');
    },
  },
  {
    name: "createClient({mode:'bogus'}) throws INVALID_PARAMS (the codec is checked first)",
    source: `${REF4}; message ${SEEN}`,
    run({ sdk }) {
      expectThrows(
        () => sdk.createClient({ mode: 'bogus' }),
        'INVALID_PARAMS',
        'config.codec can only be set as ["vp8","vp9","av1","h264","h265"]',
      );
    },
  },
  {
    name: "createClient({codec:'vp8', mode:'bogus'}) throws INVALID_PARAMS on the mode",
    source: SEEN,
    run({ sdk }) {
      expectThrows(
        () => sdk.createClient({ codec: 'vp8', mode: 'bogus' }),
        'INVALID_PARAMS',
        'config.mode can only be set as ["rtc","live","p2p"]',
      );
    },
  },
  {
    name: 'createClient with a bad httpRetryConfig throws INVALID_PARAMS',
    source: 'read from the 4.24.8 bundle (zN), measured on the real SDK',
    run({ sdk }) {
      expectThrows(
        () => sdk.createClient({ ...PLAIN_CLIENT, httpRetryConfig: { timeout: -1, timeoutFactor: 1, maxRetryCount: 1, maxRetryTimeout: 1 } }),
        'INVALID_PARAMS',
        'invalid config.timeout: the value range is [0, 100000]. integer only',
      );
    },
  },
  {
    name: 'a new client: DISCONNECTED, no uid, no channel, no tracks, no remote users',
    source: SEEN,
    run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      expect(client.connectionState).to.equal('DISCONNECTED');
      expect(client.uid === undefined, 'uid undefined').to.be.true;
      expect(client.channelName === undefined, 'channelName undefined').to.be.true;
      expect(client.localTracks.length).to.equal(0);
      expect(client.remoteUsers.length).to.equal(0);
    },
  },
  {
    name: 'createClient() without a config makes an rtc host client',
    source: SEEN,
    run(impl) {
      const client = impl.createClient();
      expect(client.mode).to.equal('rtc');
      expect(client.role).to.equal('host');
    },
  },
  {
    name: "a live client starts as audience; setClientRole('host') works before join",
    source: REF3,
    async run(impl) {
      const client = impl.createClient({ codec: 'vp8', mode: 'live' });
      expect(client.role).to.equal('audience');
      await client.setClientRole('host');
      expect(client.role).to.equal('host');
    },
  },
  {
    name: "a live client created with role 'host' is a host",
    source: 'read from the 4.24.8 bundle (createClient), measured on the real SDK',
    run(impl) {
      expect(impl.createClient({ codec: 'vp8', mode: 'live', role: 'host' }).role).to.equal('host');
    },
  },
  {
    name: "setClientRole('bogus') rejects INVALID_PARAMS; on an rtc client it rejects INVALID_OPERATION",
    source: 'read from the 4.24.8 bundle (setClientRole), measured on the real SDK',
    async run(impl) {
      const live = impl.createClient({ codec: 'vp8', mode: 'live' });
      await expectRejects(callAsync(() => live.setClientRole('bogus'), 'setClientRole'), 'INVALID_PARAMS', 'role can only be set as ["audience","host"]');
      const rtc = impl.createClient(PLAIN_CLIENT);
      await expectRejects(callAsync(() => rtc.setClientRole('host'), 'setClientRole'), 'INVALID_OPERATION', 'rtc mode can not use setClientRole');
    },
  },
  {
    name: "setClientRole('audience', { level }) takes levels 1 and 2 before join; others reject INVALID_PARAMS; a host with a level INVALID_OPERATION",
    source: 'read from the 4.24.8 bundle (setClientRole, tD), measured on the real SDK',
    async run(impl) {
      const live = impl.createClient({ codec: 'vp8', mode: 'live' });
      await live.setClientRole('audience', { level: 1 });
      expect(live.role).to.equal('audience');
      await live.setClientRole('audience', { level: 2 });
      expect(live.role).to.equal('audience');
      await expectRejects(callAsync(() => live.setClientRole('audience', { level: 4 }), 'setClientRole'), 'INVALID_PARAMS', 'level can only be set as [1,2,3]');
      await expectRejects(
        callAsync(() => live.setClientRole('host', { level: 1 }), 'setClientRole'),
        'INVALID_OPERATION',
        'host mode can not set audience latency level',
      );
      expect(live.role).to.equal('audience');
    },
  },
  {
    name: 'the namespace has one settable onAutoplayFailed slot and an on("autoplay-failed") event',
    source: 'rtc-sdk_en.d.ts (onAutoplayFailed; IAgoraRTC.on "autoplay-failed" since 4.18), measured on the real SDK',
    run({ sdk }) {
      const namespace = sdk as unknown as { onAutoplayFailed?: unknown; on?: unknown; off?: unknown };
      const before = namespace.onAutoplayFailed;
      const handler = () => undefined;
      try {
        namespace.onAutoplayFailed = handler;
        expect(namespace.onAutoplayFailed).to.equal(handler);
      } finally {
        namespace.onAutoplayFailed = before;
      }
      expect(typeof namespace.on).to.equal('function');
      expect(typeof namespace.off).to.equal('function');
    },
  },
  relayCallCase('start before join rejects INVALID_OPERATION (no sync throw, no event)', REF4, (sdk) => ({ method: 'start', config: relayConfig(sdk) }), 'INVALID_OPERATION', JOIN_FIRST),
  relayCallCase('update before join rejects INVALID_OPERATION', REF4, (sdk) => ({ method: 'update', config: relayConfig(sdk) }), 'INVALID_OPERATION', JOIN_FIRST),
  relayCallCase('stop before join rejects INVALID_OPERATION', REF4, () => ({ method: 'stop' }), 'INVALID_OPERATION', JOIN_FIRST),
  relayCallCase(
    'start with a plain object rejects INVALID_PARAMS (before the join check)',
    REF4,
    () => ({ method: 'start', config: { setSrcChannelInfo() {}, addDestChannelInfo() {}, removeDestChannelInfo() {} } }),
    'INVALID_PARAMS',
    'Config should be instance of [ChannelMediaRelayConfiguration]',
  ),
  relayCallCase('update with undefined rejects INVALID_PARAMS', REF4, () => ({ method: 'update', config: undefined }), 'INVALID_PARAMS', 'Config should be instance of [ChannelMediaRelayConfiguration]'),
  relayCallCase(
    'start with an empty configuration rejects "srcChannelMediaInfo should not be empty"',
    REF4,
    (sdk) => ({ method: 'start', config: sdk.createChannelMediaRelayConfiguration() }),
    'INVALID_PARAMS',
    'srcChannelMediaInfo should not be empty',
  ),
  relayCallCase(
    'start with destinations but no source rejects on the source first',
    REF4,
    (sdk) => {
      const config = sdk.createChannelMediaRelayConfiguration();
      config.addDestChannelInfo({ channelName: 'dest', uid: 1 });
      return { method: 'start', config };
    },
    'INVALID_PARAMS',
    'srcChannelMediaInfo should not be empty',
  ),
  relayCallCase(
    'update with a source and no destination rejects "destChannelMediaInfo should not be empty"',
    REF4,
    (sdk) => {
      const config = sdk.createChannelMediaRelayConfiguration();
      config.setSrcChannelInfo({ channelName: 'source', uid: 0 });
      return { method: 'update', config };
    },
    'INVALID_PARAMS',
    'destChannelMediaInfo should not be empty',
  ),
  relayCallCase(
    'start after the last destination was removed rejects "destChannelMediaInfo should not be empty"',
    REF4,
    (sdk) => {
      const config = relayConfig(sdk, ['only']);
      config.removeDestChannelInfo('only');
      return { method: 'start', config };
    },
    'INVALID_PARAMS',
    'destChannelMediaInfo should not be empty',
  ),
  {
    name: 'join argument checks reject INVALID_PARAMS, in order: token, app id, channel, uid; the client stays DISCONNECTED',
    source: 'read from the 4.24.8 bundle (join), measured on the real SDK',
    async run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      const log = recordClient(client);
      const cases: [unknown[], string][] = [
        [['app', 'ch', undefined], 'Invalid token: undefined. If you don not use token, set it to null'],
        [['app', 'ch', ''], 'Invalid token: . If you don not use token, set it to null'],
        [['', 'c*', null], 'Invalid appid: Length of the string: [1,2047]. ASCII characters only.'],
        [['app', 'c*', null, -1], 'The length must be within 64 bytes. The supported characters: a-z,A-Z,0-9,space,!, #, $, %, &, (, ), +, -, :, ;, <, =, ., >, ?, @, [, ], ^, _,  {, }, |, ~, ,'],
        [['app', 'ch', null, -1], '[String uid] Length of the string: [1,255]. ASCII characters only. [Number uid] The value range is [0,10000]'],
      ];
      for (const [args, message] of cases) {
        await expectRejects(callAsync(() => client.join(args[0], args[1], args[2], args[3]), 'join'), 'INVALID_PARAMS', message);
      }
      expect(client.connectionState).to.equal('DISCONNECTED');
      expect(log).to.deep.equal([]);
    },
  },
  {
    name: 'renewToken and unpublish before join reject INVALID_OPERATION',
    source: 'read from the 4.24.8 bundle, measured on the real SDK',
    async run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      await expectRejects(callAsync(() => client.renewToken('token'), 'renewToken'), 'INVALID_OPERATION', 'renewToken should not be called before user join');
      await expectRejects(callAsync(() => client.renewToken(''), 'renewToken'), 'INVALID_PARAMS', 'Invalid token: Length of the string: [1,2047]. ASCII characters only.');
      await expectRejects(callAsync(() => client.unpublish(), 'unpublish'), 'INVALID_OPERATION', "Can't unpublish stream, haven't joined yet!");
    },
  },
  {
    name: 'leave() on a client that never joined resolves and emits nothing',
    source: SEEN,
    async run(impl) {
      const client = impl.createClient(PLAIN_CLIENT);
      const log = recordClient(client);
      const settled = await Promise.race([client.leave().then(() => 'resolved'), sleep(2000).then(() => 'pending')]);
      expect(settled).to.equal('resolved');
      expect(log).to.deep.equal([]);
      expect(client.connectionState).to.equal('DISCONNECTED');
    },
  },
];
