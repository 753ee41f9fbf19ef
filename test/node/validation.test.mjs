// The core's validation, as documented in api.md ("Validation before any SDK call"), on the built package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_DESTINATIONS,
  MAX_UID,
  checkChannel,
  checkChannelName,
  checkToken,
  judgeDestinations,
  parseUid,
} from '../../dist/core/index.js';

test('parseUid accepts plain decimal integers in 0..4294967295 and treats absent as 0', () => {
  assert.equal(MAX_UID, 4_294_967_295);
  assert.equal(parseUid('uid', undefined), 0);
  assert.equal(parseUid('uid', null), 0);
  assert.equal(parseUid('uid', '0'), 0);
  assert.equal(parseUid('uid', '42'), 42);
  assert.equal(parseUid('uid', 42), 42);
  assert.equal(parseUid('uid', '4294967295'), MAX_UID);
});

test('parseUid refuses "12abc", "1.5", "-1", "", 1.5 and 2^32 with INVALID_UID', () => {
  for (const uid of ['12abc', '1.5', '-1', '', ' 7', '4294967296', 1.5, -1, 4_294_967_296, Number.NaN]) {
    const result = parseUid('<agora-relay-destination channel-name="b">', uid);
    assert.equal(typeof result, 'object', `uid ${JSON.stringify(uid)} must be refused`);
    assert.equal(result.code, 'INVALID_UID');
    assert.match(result.message, /agora-relay-destination/, 'the message names the element');
  }
});

test('checkChannelName follows the SDK: 1 to 64 characters from its set', () => {
  assert.equal(checkChannelName('source', 'stage-a'), undefined);
  assert.equal(checkChannelName('source', 'a'.repeat(64)), undefined);
  assert.equal(checkChannelName('source', 'Room 1 (main) #2'), undefined);
  for (const name of ['', undefined, null, 'a'.repeat(65), 'a/b', 'ä', 'stage"a']) {
    assert.equal(checkChannelName('source', name)?.code, 'INVALID_CHANNEL_NAME', `channel name ${JSON.stringify(name)}`);
  }
});

test('checkToken allows no token and refuses one that is too long or not Latin-1', () => {
  assert.equal(checkToken('source', undefined), undefined);
  assert.equal(checkToken('source', '006abc'), undefined);
  assert.equal(checkToken('source', 'x'.repeat(2048))?.code, 'INVALID_TOKEN');
  const issue = checkToken('source', 'secret-\u{1F600}');
  assert.equal(issue?.code, 'INVALID_TOKEN');
  assert.doesNotMatch(issue.message, /secret/, 'a message never carries the token');
});

test('checkChannel hands back a fresh info object with a numeric uid', () => {
  const input = { channelName: 'stage-b', uid: '7', token: 't' };
  const checked = checkChannel('destination 1', input);
  assert.equal(checked.ok, true);
  assert.deepEqual(checked.info, { channelName: 'stage-b', uid: 7, token: 't' });
  assert.notEqual(checked.info, input);
  assert.deepEqual(checkChannel('destination 1', { channelName: 'stage-b' }).info, { channelName: 'stage-b', uid: 0 });
});

test('judgeDestinations rejects each bad destination on its own and keeps at most four', () => {
  assert.equal(MAX_DESTINATIONS, 4);
  const verdicts = judgeDestinations('stage-a', [
    { channelName: 'stage-b' },
    { channelName: 'stage-a' },
    { channelName: 'stage-c', uid: '1.5' },
    { channelName: 'stage-b' },
    { channelName: 'stage-d', disabled: true },
    { channelName: 'stage-e' },
    { channelName: 'stage-f' },
    { channelName: 'stage-g' },
    { channelName: 'stage-h' },
  ]);
  assert.deepEqual(
    verdicts.map((verdict) => (verdict.kind === 'rejected' ? verdict.issue.code : verdict.kind)),
    [
      'accepted',
      'DESTINATION_IS_SOURCE',
      'INVALID_UID',
      'DUPLICATE_DESTINATION',
      'disabled',
      'accepted',
      'accepted',
      'accepted',
      'TOO_MANY_DESTINATIONS',
    ],
  );
  // The fifth is promoted once an earlier one goes away.
  const fewer = judgeDestinations('stage-a', [{ channelName: 'stage-e' }, { channelName: 'stage-f' }, { channelName: 'stage-g' }, { channelName: 'stage-h' }]);
  assert.ok(fewer.every((verdict) => verdict.kind === 'accepted'));
});
