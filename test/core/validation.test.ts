import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../support/guard.js';
import {
  checkChannel,
  checkChannelName,
  checkToken,
  judgeDestinations,
  MAX_UID,
  parseUid,
  type DestinationInput,
} from '../../src/core/index.js';

const codeOf = (result: unknown) => (result as { code?: string } | undefined)?.code;

describe('validation: channel names (the SDK rule, reference §4)', () => {
  it('accepts 1 to 64 characters of the SDK set, spaces included', () => {
    for (const name of ['a', 'stage-a', 'Stage B 2', '!#$%&()+-:;<=.>?@[]^_{}|~,', 'x'.repeat(64)]) {
      expect(checkChannelName('source', name), name).to.equal(undefined);
    }
  });

  it('refuses empty, missing, too long and characters outside the set', () => {
    for (const name of ['', null, undefined, 'x'.repeat(65), 'a*b', '舞台', 'stage😀', 'a/b', 'a"b', "a'b", 'tab\there']) {
      const issue = checkChannelName('destination 2', name);
      expect(issue?.code, String(name)).to.equal('INVALID_CHANNEL_NAME');
      expect(issue?.message).to.match(/^destination 2: channel-name/);
    }
  });

  it('names the rule in the message', () => {
    expect(checkChannelName('source', 'a*b')?.message).to.contain('1 to 64 characters');
    expect(checkChannelName('source', '')?.message).to.contain('is required');
  });
});

describe('validation: uids', () => {
  it('defaults a missing uid to 0', () => {
    expect(parseUid('s', undefined)).to.equal(0);
    expect(parseUid('s', null)).to.equal(0);
  });

  it('accepts the whole SDK range, with the correct upper bound (not the SDK message’s 10000)', () => {
    expect(parseUid('s', 0)).to.equal(0);
    expect(parseUid('s', 10001)).to.equal(10001);
    expect(parseUid('s', MAX_UID)).to.equal(4294967295);
    expect(parseUid('s', '4294967295')).to.equal(4294967295);
    expect(parseUid('s', '007')).to.equal(7);
  });

  it('refuses anything but a plain decimal integer in range', () => {
    for (const uid of ['12abc', '1.5', '-1', '', ' 1', '1 ', '+1', '0x10', '1e3', '4294967296', '99999999999999999999']) {
      const issue = parseUid('destination 1', uid);
      expect(codeOf(issue), JSON.stringify(uid)).to.equal('INVALID_UID');
      expect((issue as { message: string }).message).to.contain('from 0 to 4294967295');
    }
    for (const uid of [-1, 1.5, 4294967296, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(parseUid('source', uid)), String(uid)).to.equal('INVALID_UID');
    }
  });

  it('any decimal string of an integer in range parses to that integer, anything else is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_UID }), (uid) => parseUid('s', String(uid)) === uid),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseUid('s', text);
        const plain = /^[0-9]+$/.test(text) && Number(text) <= MAX_UID;
        return plain ? result === Number(text) : codeOf(result) === 'INVALID_UID';
      }),
      { numRuns: 500 },
    );
  });
});

describe('validation: tokens', () => {
  it('accepts no token, and up to 2047 characters of code units up to 0xff (the SDK’s rule)', () => {
    expect(checkToken('s', undefined)).to.equal(undefined);
    expect(checkToken('s', '')).to.equal(undefined);
    expect(checkToken('s', 'a'.repeat(2047))).to.equal(undefined);
    expect(checkToken('s', '006abc+/=é')).to.equal(undefined);
  });

  it('refuses longer tokens and wider characters, without repeating the token', () => {
    const long = 'secret'.repeat(400);
    const issue = checkToken('destination 3', long);
    expect(issue?.code).to.equal('INVALID_TOKEN');
    expect(issue?.message).not.to.contain('secret');
    expect(checkToken('s', 'token-✓')?.code).to.equal('INVALID_TOKEN');
  });
});

describe('validation: a channel', () => {
  it('returns a fresh info object with a number uid, and no token key when there is none', () => {
    const input = { channelName: 'b', uid: '42' };
    const checked = checkChannel('destination 1', input);
    expect(checked).to.deep.equal({ ok: true, info: { channelName: 'b', uid: 42 } });
    expect(checkChannel('d', { channelName: 'b', token: 't' })).to.deep.equal({
      ok: true,
      info: { channelName: 'b', uid: 0, token: 't' },
    });
  });

  it('reports the channel name before the uid and the uid before the token', () => {
    const bad = { channelName: '', uid: 'x', token: 'é✓' };
    expect(codeOf((checkChannel('s', bad) as { issue: unknown }).issue)).to.equal('INVALID_CHANNEL_NAME');
    expect(codeOf((checkChannel('s', { ...bad, channelName: 'a' }) as { issue: unknown }).issue)).to.equal(
      'INVALID_UID',
    );
    expect(
      codeOf((checkChannel('s', { ...bad, channelName: 'a', uid: 1 }) as { issue: unknown }).issue),
    ).to.equal('INVALID_TOKEN');
  });
});

describe('validation: the destination list', () => {
  const kinds = (source: string, list: DestinationInput[]) =>
    judgeDestinations(source, list).map((verdict) =>
      verdict.kind === 'rejected' ? verdict.issue.code : verdict.kind,
    );

  it('keeps the first four valid destinations and rejects the fifth with TOO_MANY_DESTINATIONS', () => {
    const list = ['b', 'c', 'd', 'e', 'f'].map((channelName) => ({ channelName }));
    expect(kinds('a', list)).to.deep.equal(['accepted', 'accepted', 'accepted', 'accepted', 'TOO_MANY_DESTINATIONS']);
  });

  it('rejects duplicates and the source one by one, and they take no slot', () => {
    const list = [{ channelName: 'a' }, { channelName: 'b' }, { channelName: 'b', uid: 3 }, { channelName: 'c' }];
    expect(kinds('a', list)).to.deep.equal(['DESTINATION_IS_SOURCE', 'accepted', 'DUPLICATE_DESTINATION', 'accepted']);
  });

  it('an invalid destination never costs a valid one its place', () => {
    const list = [
      { channelName: 'b', uid: '1.5' },
      { channelName: 'c' },
      { channelName: 'd*' },
      { channelName: 'e' },
      { channelName: 'f' },
      { channelName: 'g' },
    ];
    expect(kinds('a', list)).to.deep.equal([
      'INVALID_UID',
      'accepted',
      'INVALID_CHANNEL_NAME',
      'accepted',
      'accepted',
      'accepted',
    ]);
  });

  it('disabled destinations take no slot, so a fifth is promoted', () => {
    const list = ['b', 'c', 'd', 'e', 'f'].map((channelName, index) => ({ channelName, disabled: index === 1 }));
    expect(kinds('a', list)).to.deep.equal(['accepted', 'disabled', 'accepted', 'accepted', 'accepted']);
  });

  it('messages name the destination by its label, or its position', () => {
    const [first, second] = judgeDestinations('a', [
      { channelName: 'b', uid: '-1', label: '<agora-relay-destination channel-name="b">' },
      { channelName: 'a' },
    ]);
    expect(first?.kind === 'rejected' && first.issue.message).to.match(/^<agora-relay-destination channel-name="b">: uid/);
    expect(second?.kind === 'rejected' && second.issue.message).to.match(/^destination 2: "a" is the source channel/);
  });

  it('never accepts more than four, never two of one name, never the source (property)', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'bad*', '');
    const destination = fc.record({
      channelName: name,
      uid: fc.oneof(fc.constant(undefined), fc.nat(10), fc.constantFrom('1', '1.5', '-1')),
      disabled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(destination, { maxLength: 12 }), (list) => {
        const verdicts = judgeDestinations('a', list);
        const accepted = verdicts.flatMap((verdict) => (verdict.kind === 'accepted' ? [verdict.info.channelName] : []));
        const validEnabled = new Set(
          list.filter((d) => !d.disabled && checkChannel('x', d).ok && d.channelName !== 'a').map((d) => d.channelName),
        );
        return (
          accepted.length <= 4 &&
          new Set(accepted).size === accepted.length &&
          !accepted.includes('a') &&
          accepted.length === Math.min(4, validEnabled.size)
        );
      }),
      { numRuns: 500 },
    );
  });
});
