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
  it('is seen as unhandled before any relay started', async () => {
    rejectLikeTheSdk('INVALID_OPERATION', 'setVideoProfile');
    const seen = await unhandledAfterAWhile();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('setVideoProfile');
  });

  it('is marked handled once installed, and only that rejection; installing twice adds nothing', async () => {
    absorbRelayVideoProfileRejections();
    absorbRelayVideoProfileRejections();
    rejectLikeTheSdk('INVALID_OPERATION', 'setVideoProfile');
    expect(await unhandledAfterAWhile()).to.deep.equal([]);
    rejectLikeTheSdk('INVALID_OPERATION', 'somethingElse');
    rejectLikeTheSdk('TIMEOUT', 'setVideoProfile');
    expect(await unhandledAfterAWhile()).to.have.length(2);
  });
});
