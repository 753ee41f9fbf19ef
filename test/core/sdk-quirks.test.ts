import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { absorbRelayVideoProfileRejections } from '../../src/core/sdk-quirks.js';

/** A rejection shaped like the SDK's: an error with a code, thrown from a method named setVideoProfile. */
function rejectLikeTheSdk(code: string, method: 'setVideoProfile' | 'somethingElse'): void {
  const relayClient = {
    async setVideoProfile() {
      throw Object.assign(new Error('AgoraRTCError INVALID_OPERATION: '), { name: 'AgoraRTCException', code });
    },
    async somethingElse() {
      throw Object.assign(new Error('AgoraRTCError INVALID_OPERATION: '), { name: 'AgoraRTCException', code });
    },
  };
  void relayClient[method]();
}

async function unhandledAfterAWhile(): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return window.__takeUnhandled?.() ?? [];
}

describe('the SDK’s unhandled setVideoProfile rejection (sdk-quirks.ts)', () => {
  it('is marked handled while a session needs it, and only that rejection', async () => {
    const release = absorbRelayVideoProfileRejections();
    try {
      rejectLikeTheSdk('INVALID_OPERATION', 'setVideoProfile');
      expect(await unhandledAfterAWhile()).to.deep.equal([]);
      rejectLikeTheSdk('INVALID_OPERATION', 'somethingElse');
      rejectLikeTheSdk('TIMEOUT', 'setVideoProfile');
      expect(await unhandledAfterAWhile()).to.have.length(2);
    } finally {
      release();
    }
  });

  it('is left alone once every user released it', async () => {
    const first = absorbRelayVideoProfileRejections();
    const second = absorbRelayVideoProfileRejections();
    first();
    first(); // a second release of the same user changes nothing
    rejectLikeTheSdk('INVALID_OPERATION', 'setVideoProfile');
    expect(await unhandledAfterAWhile(), 'still absorbed: one user left').to.deep.equal([]);
    second();
    rejectLikeTheSdk('INVALID_OPERATION', 'setVideoProfile');
    const seen = await unhandledAfterAWhile();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('setVideoProfile');
  });
});
