// The one message catalogue: every code the elements report has its own words and what to do, each marked seen or
// inferred; variants of a code get the words that fit them.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { describeError, describeStatus, ERROR_MESSAGES, messageIdFor, STATUS_MESSAGES } from '../../src/core/messages.js';
import { SDK_ERROR_CODES, VALIDATION_CODES } from '../../src/core/relay-enums.js';

/** Codes our own code reports today (core, managed mode, the audience), beyond the lists in relay-enums.ts. */
const OWN_CODES = [
  'SDK_LOAD_FAILED',
  'SDK_VERSION_UNSUPPORTED',
  'RELAY_FAILURE',
  'TOKEN_FETCH_FAILED',
  'SERVER_CONNECTION_LOST',
  'CLIENT_IN_USE',
  'SOURCE_MISMATCH',
  'INVALID_LATENCY',
];

/** What the SDK reports that the elements pass on: relay errors, bans, the relay's CROSS_CHANNEL_* family. */
const SDK_REPORTED = [
  'SRC_TOKEN_EXPIRED',
  'DEST_TOKEN_EXPIRED',
  'UID_BANNED',
  'IP_BANNED',
  'CHANNEL_BANNED',
  'CROSS_CHANNEL_FAILED_JOIN_SRC',
  'CROSS_CHANNEL_FAILED_JOIN_SEC',
  'CROSS_CHANNEL_FAILED_JOIN_DEST',
  'CROSS_CHANNEL_FAILED_PACKET_SENT_TO_DEST',
];

describe('message catalogue', () => {
  it('has its own entry for every code the elements report', () => {
    // INVALID_PARAMS reaches a person only as "no App ID" (the SDK's own parameter checks are ours to pass first).
    const codes = [...VALIDATION_CODES, ...SDK_ERROR_CODES.filter((code) => code !== 'INVALID_PARAMS'), ...OWN_CODES, ...SDK_REPORTED];
    const missing = codes.filter((code) => messageIdFor({ code, message: '' }) !== code);
    expect(missing).to.deep.equal([]);
  });

  it('marks every entry seen or inferred, with a title and an action in sentences, and no id twice', () => {
    const ids = ERROR_MESSAGES.map(({ id }) => id);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const entry of ERROR_MESSAGES) {
      expect(['seen', 'inferred'], entry.id).to.include(entry.evidence);
      expect(entry.title, entry.id).to.match(/^[A-Z].*\.$/);
      expect(entry.action, entry.id).to.match(/^[A-Z].*\S$/);
    }
  });

  it('picks the variant that fits: no App ID, an unreachable token-url (CORS), a leave that got no answer', () => {
    expect(describeError({ code: 'INVALID_PARAMS', message: 'app-id is required.' }).title).to.equal('No App ID.');
    const unreachable = describeError({ code: 'TOKEN_FETCH_FAILED', message: 'token-url https://x/t could not be reached for join "a".' });
    expect(unreachable.id).to.equal('TOKEN_FETCH_FAILED:unreachable');
    expect(unreachable.action).to.contain('CORS');
    expect(describeError({ code: 'TOKEN_FETCH_FAILED', message: 'answered HTTP 500' }).id).to.equal('TOKEN_FETCH_FAILED');
    expect(describeError({ code: 'TIMEOUT', message: '', operation: 'leave' }).id).to.equal('TIMEOUT:leave');
    expect(describeError({ code: 'TIMEOUT', message: '', operation: 'join' }).id).to.equal('TIMEOUT');
    expect(describeError({ code: 'SOMETHING_NEW', message: '' }).id).to.equal('UNEXPECTED_ERROR');
  });

  it('gives relay failures their likely cause: relay not enabled, tokens for another uid or channel, which one expired', () => {
    for (const code of ['CROSS_CHANNEL_SERVER_ERROR_RESPONSE', 'CROSS_CHANNEL_FAILED_JOIN_SEC', 'UNEXPECTED_RESPONSE']) {
      expect(describeError({ code, message: '' }).action, code).to.contain('enabled for this App ID by Agora support');
    }
    expect(describeError({ code: 'RELAY_FAILURE', message: '' }).action).to.contain('made for another uid or channel');
    expect(describeError({ code: 'SRC_TOKEN_EXPIRED', message: '' }).title).to.contain('source relay token');
    expect(describeError({ code: 'DEST_TOKEN_EXPIRED', message: '' }).title).to.contain('destination');
    expect(describeError({ code: 'DEST_TOKEN_EXPIRED', message: '' }).action).to.contain('fresh tokens are fetched');
  });

  it('fills in status words, with one host or channel said as such', () => {
    expect(describeStatus('live', { n: 1 })).to.equal('Live: watching 1 host.');
    expect(describeStatus('live', { n: 3 })).to.equal('Live: watching 3 hosts.');
    expect(describeStatus('relaying', { n: 2 })).to.equal('Live. Relaying to 2 channels.');
    expect(describeStatus('connecting', { channel: 'stage-b' })).to.equal('Connecting to “stage-b”…');
    expect(Object.keys(STATUS_MESSAGES)).to.include.members(['loading', 'connecting', 'waiting', 'live', 'reconnecting']);
  });
});
