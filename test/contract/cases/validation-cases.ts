// The relay configuration's validation table (reference agora-relay-sdk.md §4), one case per row, plus the rows the
// bundle's code adds (check order, Latin-1 tokens). Every row throws synchronously with INVALID_PARAMS.
import { expect } from '@open-wc/testing';
import type { ContractCase } from './contract-types.js';
import { expectNoThrow, expectThrows } from './helpers.js';

const SOURCE = 'reference §4 validation table';
const CODE_READ = 'read from the 4.24.8 bundle (fF, cF, aF, PN, MN), measured on the real SDK';
const CHANNEL_MESSAGE =
  'The length must be within 64 bytes. The supported characters: a-z,A-Z,0-9,space,!, #, $, %, &, (, ), +, -, :, ;, <, =, ., >, ?, @, [, ], ^, _,  {, }, |, ~, ,';
const UID_MESSAGE =
  '[String uid] Length of the string: [1,255]. ASCII characters only. [Number uid] The value range is [0,10000]';
const TOKEN_MESSAGE = 'Invalid info.token: Length of the string: [1,2047]. ASCII characters only.';

interface Row {
  name: string;
  info: Record<string, unknown>;
  /** Expected message, or null when the info is accepted. */
  message: string | null;
  source?: string;
}

const ROWS: Row[] = [
  { name: 'missing channelName', info: { uid: 1 }, message: 'invalid channelName in info' },
  { name: 'empty channelName, before the uid check', info: { channelName: '', uid: 'x' }, message: 'invalid channelName in info' },
  { name: 'missing uid', info: { channelName: 'a' }, message: 'invalid uid in info, uid must be a number' },
  { name: 'string uid', info: { channelName: 'a', uid: '5' }, message: 'invalid uid in info, uid must be a number' },
  { name: 'non-integer uid, with the wrong [0,10000] message', info: { channelName: 'a', uid: 1.5 }, message: UID_MESSAGE },
  { name: 'negative uid', info: { channelName: 'a', uid: -1 }, message: UID_MESSAGE },
  { name: 'uid 4294967296', info: { channelName: 'a', uid: 4294967296 }, message: UID_MESSAGE },
  { name: 'uid 4294967295 accepted (not [0,10000])', info: { channelName: 'a', uid: 4294967295 }, message: null },
  { name: 'NaN uid', info: { channelName: 'a', uid: Number.NaN }, message: UID_MESSAGE, source: CODE_READ },
  { name: 'token of 2048 characters', info: { channelName: 'a', uid: 1, token: 'x'.repeat(2048) }, message: TOKEN_MESSAGE },
  { name: 'token of 2047 characters accepted', info: { channelName: 'a', uid: 1, token: 'x'.repeat(2047) }, message: null },
  { name: 'token beyond Latin-1', info: { channelName: 'a', uid: 1, token: 'tok\u0100' }, message: TOKEN_MESSAGE, source: CODE_READ },
  { name: 'Latin-1 token accepted ("ASCII" means ≤ 0xFF)', info: { channelName: 'a', uid: 1, token: 'tok\u00e9' }, message: null, source: CODE_READ },
  { name: 'empty token skipped', info: { channelName: 'a', uid: 1, token: '' }, message: null },
  { name: 'numeric token', info: { channelName: 'a', uid: 1, token: 5 }, message: TOKEN_MESSAGE, source: CODE_READ },
  { name: 'token checked before uid range', info: { channelName: 'a*', uid: -1, token: 'tok\u0100' }, message: TOKEN_MESSAGE },
  { name: 'uid range checked before channel name', info: { channelName: 'a*', uid: 1.5 }, message: UID_MESSAGE },
  { name: 'channel name with *', info: { channelName: 'a*b', uid: 1 }, message: CHANNEL_MESSAGE },
  { name: 'CJK channel name', info: { channelName: '频道', uid: 1 }, message: CHANNEL_MESSAGE },
  { name: 'emoji channel name', info: { channelName: 'room🙂', uid: 1 }, message: CHANNEL_MESSAGE },
  { name: 'channel name of 65 characters', info: { channelName: 'c'.repeat(65), uid: 1 }, message: CHANNEL_MESSAGE },
  { name: 'channel name of 64 characters accepted', info: { channelName: 'c'.repeat(64), uid: 1 }, message: null },
  { name: 'channel name with spaces and every allowed sign accepted', info: { channelName: 'a b!#$%&()+-:;<=.>?@[]^_{}|~,', uid: 0 }, message: null },
  { name: 'numeric channel name', info: { channelName: 5, uid: 1 }, message: CHANNEL_MESSAGE, source: CODE_READ },
];

function rowCases(method: 'setSrcChannelInfo' | 'addDestChannelInfo'): ContractCase[] {
  return ROWS.map((row) => ({
    name: `${method}: ${row.name}`,
    source: row.source ?? SOURCE,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      if (row.message === null) expectNoThrow(() => config[method](row.info), method);
      else expectThrows(() => config[method](row.info), 'INVALID_PARAMS', row.message);
    },
  }));
}

export const validationCases: ContractCase[] = [
  ...rowCases('setSrcChannelInfo'),
  ...rowCases('addDestChannelInfo'),
  {
    name: 'setSrcChannelInfo(undefined) throws a plain TypeError',
    source: SOURCE,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      let thrown: unknown;
      try {
        config.setSrcChannelInfo(undefined);
      } catch (error) {
        thrown = error;
      }
      expect(thrown instanceof TypeError, 'a TypeError').to.be.true;
      expect((thrown as { code?: unknown }).code).to.equal(undefined);
    },
  },
  {
    name: "removeDestChannelInfo('') throws INVALID_PARAMS",
    source: SOURCE,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      expectThrows(() => config.removeDestChannelInfo(''), 'INVALID_PARAMS', CHANNEL_MESSAGE);
    },
  },
  {
    name: 'removeDestChannelInfo of an absent name is a no-op; of a present name removes it',
    source: SOURCE,
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      config.addDestChannelInfo({ channelName: 'kept', uid: 1 });
      config.addDestChannelInfo({ channelName: 'gone', uid: 2 });
      expectNoThrow(() => config.removeDestChannelInfo('absent'), 'remove absent');
      expect(config.getDestChannelMediaInfo().size).to.equal(2);
      config.removeDestChannelInfo('gone');
      expect([...config.getDestChannelMediaInfo().keys()]).to.deep.equal(['kept']);
    },
  },
  {
    name: 'a rejected info leaves the stored one unchanged',
    source: 'measured on the real SDK',
    run({ sdk }) {
      const config = sdk.createChannelMediaRelayConfiguration();
      const good = { channelName: 'good', uid: 1 };
      config.setSrcChannelInfo(good);
      expectThrows(() => config.setSrcChannelInfo({ channelName: 'bad*', uid: 2 }), 'INVALID_PARAMS');
      expect(config.getSrcChannelMediaInfo() === good, 'still the first info').to.be.true;
    },
  },
];
