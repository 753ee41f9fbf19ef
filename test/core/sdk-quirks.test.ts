import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { absorbRelaySetVideoProfile, absorbRelayVideoProfileRejections } from '../../src/core/sdk-quirks.js';

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

describe('the SDK’s unawaited SetVideoProfile aborted by a closing relay socket (sdk-quirks.ts)', () => {
  /** A client as the SDK has it once a start began: its relay client, whose request a socket close aborts. */
  function clientWithRelay() {
    const pending: ((error: Error) => void)[] = [];
    const relay = {
      calls: 0,
      setVideoProfile(): Promise<void> {
        relay.calls += 1;
        return new Promise((_resolve, reject) => pending.push(reject));
      },
    };
    // As the SDK's: rejected later, from the socket's close listener, with a stack naming nothing of the relay (made
    // here, not in setVideoProfile: Firefox names a function defined inside it `setVideoProfile/<`).
    const closeSocket = () => {
      for (const reject of pending.splice(0)) reject(Object.assign(new Error('AgoraRTCError WS_ABORT: '), { code: 'WS_ABORT' }));
    };
    return { client: { _channelMediaRelayClient: relay }, relay, closeSocket };
  }

  it('is unhandled without the wrap', async () => {
    const { relay, closeSocket } = clientWithRelay();
    void relay.setVideoProfile();
    closeSocket();
    expect(await unhandledAfterAWhile()).to.have.length(1);
  });

  it('is handled once the relay client is wrapped, still rejects for a caller that awaits it, and a page’s own WS_ABORT is left alone', async () => {
    const { client, relay, closeSocket } = clientWithRelay();
    absorbRelaySetVideoProfile(client);
    absorbRelaySetVideoProfile(client);
    void relay.setVideoProfile(); // as the SDK calls it: not awaited
    const awaited = relay.setVideoProfile().then(
      () => 'resolved',
      (error: { code?: string }) => `rejected ${error.code}`,
    );
    expect(relay.calls, 'wrapped once, calling through').to.equal(2);
    closeSocket();
    expect(await awaited).to.equal('rejected WS_ABORT');
    expect(await unhandledAfterAWhile()).to.deep.equal([]);
    void Promise.reject(Object.assign(new Error('The page’s own.'), { code: 'WS_ABORT' }));
    const seen = await unhandledAfterAWhile();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('The page’s own.');
  });

  it('leaves a client without a relay client (or without setVideoProfile) as it is', () => {
    const bare = {};
    absorbRelaySetVideoProfile(bare);
    expect(bare).to.deep.equal({});
    const odd = { _channelMediaRelayClient: { setVideoProfile: 1 } };
    absorbRelaySetVideoProfile(odd);
    expect(odd._channelMediaRelayClient.setVideoProfile).to.equal(1);
  });
});
