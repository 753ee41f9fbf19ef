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

/** A rejection shaped like 4.20–4.23's: WS_ABORT, made while `method` closes the relay's socket. */
function abortLikeTheSdk(method: 'stopChannelMediaRelay' | 'leave'): void {
  const relayClient = {
    stopChannelMediaRelay() {
      void Promise.reject(Object.assign(new Error('AgoraRTCError WS_ABORT: '), { name: 'AgoraRTCException', code: 'WS_ABORT' }));
    },
    leave() {
      void Promise.reject(Object.assign(new Error('AgoraRTCError WS_ABORT: '), { name: 'AgoraRTCException', code: 'WS_ABORT' }));
    },
  };
  relayClient[method]();
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
    rejectLikeTheSdk('WS_ABORT', 'setVideoProfile');
    expect(await unhandledAfterAWhile(), '4.22: WS_ABORT from setVideoProfile').to.deep.equal([]);
    rejectLikeTheSdk('INVALID_OPERATION', 'somethingElse');
    rejectLikeTheSdk('TIMEOUT', 'setVideoProfile');
    expect(await unhandledAfterAWhile()).to.have.length(2);
  });

  it('also absorbs the WS_ABORT that older SDKs leave when a stop closes the relay socket, and no other WS_ABORT', async () => {
    absorbRelayVideoProfileRejections();
    abortLikeTheSdk('stopChannelMediaRelay');
    expect(await unhandledAfterAWhile()).to.deep.equal([]);
    abortLikeTheSdk('leave');
    const seen = await unhandledAfterAWhile();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('WS_ABORT');
  });
});
