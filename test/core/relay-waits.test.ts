// No wait holds the runner: a token request or an SDK relay call that never answers delays no stop (issue 9, item
// 6). On the offline fake, whose calls a test can hold unanswered.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { requestToken, tokenUrlProvider, type TokenProvider, type TokenRequest } from '../../src/core/index.js';
import { sessionTimers } from '../../src/core/relay-session.js';
import { makeSession, ofType, until } from './session-fixture.js';

/** A provider that never answers, and the signals it was handed. */
function hungProvider() {
  const asked: { request: TokenRequest; signal: AbortSignal | undefined }[] = [];
  const provider: TokenProvider = (request, options) => {
    asked.push({ request, signal: options?.signal });
    return new Promise<string>(() => undefined);
  };
  return { provider, asked };
}

/** A relay RUNNING on given tokens, then a destination added that needs the provider's token. */
async function runningThenHungToken() {
  const hung = hungProvider();
  const made = await makeSession({
    destinations: [{ channelName: 'stage-b', token: 'b-token' }],
    session: { source: { channelName: 'stage-a', token: 'src-token' }, tokenProvider: hung.provider },
  });
  await made.session.settled();
  expect(made.session.state).to.equal('RELAY_STATE_RUNNING');
  made.session.destinations = [{ channelName: 'stage-b', token: 'b-token' }, { channelName: 'stage-c' }];
  await until(() => hung.asked.length === 1, 'the token request for stage-c');
  return { ...made, ...hung };
}

/** Milliseconds from now until the client receives a stop call. */
async function msUntilStop(calls: () => string[]): Promise<number> {
  const began = performance.now();
  await until(() => calls().includes('stop'), 'a stopChannelMediaRelay call', 3000);
  return performance.now() - began;
}

describe('a token request that never answers', () => {
  it('holds no stop: detaching the client stops the relay at once and aborts the request', async () => {
    const { session, calls, asked } = await runningThenHungToken();
    session.client = null;
    expect(await msUntilStop(calls)).to.be.below(1000);
    expect(asked[0]?.signal?.aborted, 'the provider is told').to.equal(true);
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop']);
  });

  it('holds no stop(): it resolves promptly with the relay stopped', async () => {
    const { session, calls, seen } = await runningThenHungToken();
    const began = performance.now();
    await session.stop();
    expect(performance.now() - began).to.be.below(1000);
    expect(calls()).to.deep.equal(['start', 'stop']);
    expect(session.state).to.equal('RELAY_STATE_IDLE');
    expect(ofType(seen, 'agora-relay-error'), 'a request given up on purpose is no failure').to.deep.equal([]);
  });

  it('holds no dispose(), and no disabled', async () => {
    const disposed = await runningThenHungToken();
    const began = performance.now();
    await disposed.session.dispose();
    expect(performance.now() - began).to.be.below(1000);
    expect(disposed.calls()).to.deep.equal(['start', 'stop']);
    const disabled = await runningThenHungToken();
    disabled.session.disabled = true;
    expect(await msUntilStop(disabled.calls)).to.be.below(1000);
  });

  it('is given up after its time limit: that destination fails, the others keep relaying', async () => {
    const saved = sessionTimers.tokenMs;
    sessionTimers.tokenMs = 150;
    try {
      const { session, client, calls, seen, asked } = await runningThenHungToken();
      await session.settled();
      expect(calls()).to.deep.equal(['start', 'update']);
      expect(client.fake.calls[1]?.config?.dests.map((d) => d.channelName)).to.deep.equal(['stage-b']);
      expect(asked[0]?.signal?.aborted).to.equal(true);
      const [error] = ofType(seen, 'agora-relay-error');
      expect(error).to.deep.include({ code: 'TOKEN_FETCH_FAILED', operation: 'token', channelName: 'stage-c' });
      expect(error?.message).to.contain('no answer within 0.15 s');
      expect(session.statuses.map((s) => [s.channelName, s.status])).to.deep.equal([
        ['stage-b', 'relaying'],
        ['stage-c', 'failed'],
      ]);
    } finally {
      sessionTimers.tokenMs = saved;
    }
  });

  it('requestToken gives up on its own time limit and when its signal aborts, and the provider hears of it', async () => {
    const request: TokenRequest = { channelName: 'b', uid: 0, purpose: 'relay-source' };
    const hung = hungProvider();
    const late = await requestToken(hung.provider, request, { timeoutMs: 50 }).catch((error: Error) => error);
    expect(late).to.be.instanceOf(Error).and.to.have.property('code', 'TOKEN_FETCH_FAILED');
    expect(hung.asked[0]?.signal?.aborted).to.equal(true);
    const controller = new AbortController();
    const given = requestToken(hung.provider, request, { signal: controller.signal }).catch((error: Error) => error);
    controller.abort();
    expect(await given).to.have.property('message').that.contains('no longer needed');
    expect(hung.asked[1]?.signal?.aborted).to.equal(true);
  });

  it('token-url hands its fetch the signal, so an unneeded request is cancelled', async () => {
    let seenSignal: AbortSignal | undefined;
    const provider = tokenUrlProvider('/t', (_input, init) => {
      seenSignal = init?.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    });
    const controller = new AbortController();
    const asked = requestToken(provider, { channelName: 'b', uid: 0, purpose: 'relay-source' }, { signal: controller.signal });
    controller.abort();
    await asked.catch(() => undefined);
    expect(seenSignal?.aborted).to.equal(true);
  });
});

describe('an SDK relay call that never answers', () => {
  it('a hung update holds no stop(): the relay is stopped within a second, and the wait is reported', async () => {
    const { session, client, calls, seen } = await makeSession();
    await session.settled();
    client.fake.hold('update');
    session.destinations = [{ channelName: 'stage-b' }, { channelName: 'stage-c' }];
    await until(() => calls().includes('update'), 'the update');
    const began = performance.now();
    await session.stop();
    expect(performance.now() - began).to.be.below(1000);
    expect(calls()).to.deep.equal(['start', 'update', 'stop']);
    expect(session.state).to.equal('RELAY_STATE_IDLE');
    const errors = ofType(seen, 'agora-relay-error');
    expect(errors.map((e) => [e.code, e.operation])).to.deep.equal([['TIMEOUT', 'update']]);
    expect(errors[0]?.message).to.contain('updateChannelMediaRelay');
  });

  it('a hung start holds no detach: the stop reaches the client within a second', async () => {
    const { session, client, calls } = await makeSession();
    client.fake.hold('start');
    await until(() => calls().includes('start'), 'the start');
    session.client = null;
    expect(await msUntilStop(calls)).to.be.below(1000);
    await session.settled();
  });

  it('a start or update that never answers with nothing else changing is bounded: reported, stopped, no loop', async () => {
    const saved = sessionTimers.callMs;
    sessionTimers.callMs = 200;
    try {
      const hungStart = await makeSession({ publish: false });
      hungStart.client.fake.hold('start');
      const rejection = await hungStart.session.start().catch((error: { code?: string }) => error);
      expect(rejection).to.have.property('code', 'TIMEOUT');
      expect(hungStart.calls()).to.deep.equal(['start', 'stop']);
      expect(ofType(hungStart.seen, 'agora-relay-error')[0]).to.deep.include({ code: 'TIMEOUT', operation: 'start' });

      const hungUpdate = await makeSession();
      await hungUpdate.session.settled();
      hungUpdate.client.fake.hold('update');
      hungUpdate.session.destinations = [{ channelName: 'stage-b' }, { channelName: 'stage-c' }];
      await until(() => hungUpdate.calls().length === 4, 'stop and start after the unanswered update', 2000);
      await hungUpdate.session.settled();
      // Rule 4: an update that failed restarts the relay with the new list.
      expect(hungUpdate.calls()).to.deep.equal(['start', 'update', 'stop', 'start']);
      expect(hungUpdate.session.state).to.equal('RELAY_STATE_RUNNING');
    } finally {
      sessionTimers.callMs = saved;
    }
  });

  it('a stop that never answers is bounded too, reported, and stop() rejects with it', async () => {
    const saved = sessionTimers.stopMs;
    sessionTimers.stopMs = 200;
    try {
      const { session, client, seen } = await makeSession();
      await session.settled();
      client.fake.hold('stop');
      const began = performance.now();
      const rejection = await session.stop().catch((error: { code?: string; operation?: string }) => error);
      expect(performance.now() - began).to.be.below(1000);
      expect(rejection).to.deep.include({ code: 'TIMEOUT', operation: 'stop' });
      const error = ofType(seen, 'agora-relay-error').at(-1);
      expect(error?.message).to.contain('did not answer stopChannelMediaRelay within 0.2 s');
    } finally {
      sessionTimers.stopMs = saved;
    }
  });

  it('a start answered after it was given up is stopped, not left running unheard', async () => {
    const { session, client, calls } = await makeSession();
    const hold = client.fake.hold('start');
    await until(() => hold.called, 'the start');
    session.client = null;
    await msUntilStop(calls);
    await session.settled();
    // The SDK answers the start at last: the relay it started is stopped.
    hold.release();
    await until(() => calls().length === 3 && client.fake.inFlight === 0, 'the stop after the late start', 2000);
    await session.settled();
    expect(calls()).to.deep.equal(['start', 'stop', 'stop']);
    expect(client.fake.relayState ?? 'RELAY_STATE_IDLE').to.equal('RELAY_STATE_IDLE');
  });
});
