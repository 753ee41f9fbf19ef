// The framework-free parts of co-hosts' audio and dual stream: volumes (core/cohost-audio.ts), the low stream asked
// once per change (core/low-stream.ts), a host's stream type by tile width (core/stream-types.ts), and network quality.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../support/guard.js';
import { CohostAudio, parseVolume } from '../../src/core/cohost-audio.js';
import { setLowStream } from '../../src/core/low-stream.js';
import { followNetworkQuality } from '../../src/core/network-quality.js';
import type { RelayErrorDetail } from '../../src/core/relay-error.js';
import type { RemoteUser } from '../../src/core/sdk-types.js';
import { SMALL_TILE_WIDTH, StreamTypes, streamTypeFor } from '../../src/core/stream-types.js';

/** A remote user whose audio track records its volume. */
function user(uid: number): RemoteUser & { volume: number | undefined } {
  const person = {
    uid,
    hasAudio: true,
    hasVideo: false,
    volume: undefined as number | undefined,
    audioTrack: { play() {}, stop() {}, setVolume: (volume: number) => (person.volume = volume) },
  };
  return person;
}

/** A managed host's stand-in: its remote users, and `user-published` as it dispatches it. */
class Source extends EventTarget {
  remoteUsers: RemoteUser[] = [];
  publish(person: RemoteUser): void {
    this.remoteUsers.push(person);
    this.dispatchEvent(new CustomEvent('user-published', { detail: { uid: person.uid, mediaType: 'audio' } }));
  }
}

describe('co-hosts’ audio: volumes (core/cohost-audio.ts)', () => {
  it('parseVolume takes whole numbers 0–100, as numbers or attribute strings; absent or "" is 100', () => {
    expect([0, 100, 42, '7', ' 55 ', undefined, null, ''].map((value) => parseVolume('cohost-volume', value))).to.deep.equal([
      0, 100, 42, 7, 55, 100, 100, 100,
    ]);
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.integer({ min: 101 }), fc.integer({ max: -1 })), (value) => {
        const result = parseVolume('cohost-volume', value);
        const whole = typeof value === 'number' ? Number.isInteger(value) && value >= 0 && value <= 100 : /^\s*(\d+)\s*$/.test(value) && Number(value) <= 100;
        const empty = value === '';
        if (whole || empty) return typeof result === 'number';
        return typeof result === 'object' && result.code === 'INVALID_VOLUME' && result.message.startsWith('cohost-volume ');
      }),
    );
  });

  it('applies all × own / 100 to co-hosts there and to co-hosts who publish later; a mute wins', () => {
    const audio = new CohostAudio();
    const source = new Source();
    const early = user(1);
    source.remoteUsers.push(early);
    expect(audio.setAll('50')).to.equal(undefined);
    const stop = audio.follow(source);
    expect(early.volume).to.equal(50);
    const late = user(2);
    expect(audio.set(2, { volume: 40 })).to.equal(undefined);
    source.publish(late);
    expect(late.volume).to.equal(20);
    audio.set(1, { muted: true });
    audio.setAll(100);
    expect([early.volume, late.volume]).to.deep.equal([0, 40]);
    stop();
    source.publish(user(3));
    expect(source.remoteUsers[2]).to.deep.include({ volume: undefined });
  });

  it('a bad volume changes nothing and is reported once per input', () => {
    const audio = new CohostAudio();
    audio.setAll(30);
    const issue = audio.setAll('loud') as RelayErrorDetail;
    expect(issue).to.deep.equal({
      code: 'INVALID_VOLUME',
      message: 'cohost-volume "loud" must be a whole number from 0 to 100; the volume stays as it was.',
      operation: 'validate',
    });
    expect(audio.setAll('loud'), 'the same input again').to.equal(undefined);
    expect(audio.all).to.equal(30);
    expect(audio.set(5, { volume: 101, muted: true })).to.have.property('code', 'INVALID_VOLUME');
    expect(audio.of(5)).to.deep.equal({ volume: 100, muted: false });
  });
});

describe('dual stream: the low stream and stream types', () => {
  it('setLowStream asks once per change; a refusal is reported once, and the next change asks again', async () => {
    const calls: string[] = [];
    let refuse = true;
    const client = {
      enableDualStream: async () => {
        calls.push('enable');
        if (refuse) throw { code: 'NOT_SUPPORTED', message: 'AgoraRTCError NOT_SUPPORTED: no' };
      },
      disableDualStream: async () => void calls.push('disable'),
    };
    const reports: RelayErrorDetail[] = [];
    const context = { isClosed: () => false, report: (error: RelayErrorDetail) => reports.push(error) };
    await setLowStream(context, client, false);
    await setLowStream(context, client, true);
    await setLowStream(context, client, true);
    expect(calls).to.deep.equal(['enable']);
    expect(reports).to.deep.equal([
      { code: 'NOT_SUPPORTED', message: 'dual-stream: could not publish the low stream (no); the high stream goes on.', operation: 'publish' },
    ]);
    refuse = false;
    await setLowStream(context, client, false);
    await setLowStream(context, client, true);
    expect(calls).to.deep.equal(['enable', 'disable', 'enable']);
  });

  it(`tiles narrower than ${SMALL_TILE_WIDTH} px get the low stream; StreamTypes asks only on a change`, async () => {
    expect([0, 200, SMALL_TILE_WIDTH - 1, SMALL_TILE_WIDTH, 1280].map(streamTypeFor)).to.deep.equal([1, 1, 1, 0, 0]);
    const asked: [number | string, number][] = [];
    const client = { setRemoteVideoStreamType: async (uid: number | string, type: 0 | 1) => void asked.push([uid, type]) };
    const types = new StreamTypes({ isClosed: () => false, report: () => undefined });
    await types.set(client, 7, 0);
    await types.set(client, 7, 1);
    await types.set(client, 7, 1);
    await types.set(client, 7, 0);
    expect(asked).to.deep.equal([
      [7, 1],
      [7, 0],
    ]);
    await types.set({}, 8, 1);
    expect(types.typeOf(8), 'a client without the method is not asked').to.equal(0);
  });

  it('followNetworkQuality maps the SDK’s fields and removes its listener', () => {
    const listeners = new Map<string, (...args: never[]) => void>();
    const client = {
      on: (event: string, listener: (...args: never[]) => void) => void listeners.set(event, listener),
      off: (event: string) => void listeners.delete(event),
    };
    const seen: unknown[] = [];
    const stop = followNetworkQuality(client, (detail) => seen.push(detail));
    (listeners.get('network-quality') as (stats: unknown) => void)({ uplinkNetworkQuality: 2, downlinkNetworkQuality: 5 });
    expect(seen).to.deep.equal([{ uplink: 2, downlink: 5 }]);
    stop();
    expect(listeners.size).to.equal(0);
  });
});
