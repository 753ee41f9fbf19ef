import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { requestToken, tokenUrlProvider, type TokenRequest } from '../../src/core/index.js';
import { destinations, makeSession, ofType } from './session-fixture.js';

const respond = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('token-url', () => {
  it('asks GET {url}?channelName=…&uid=…&purpose=… relative to the page and reads { token }', async () => {
    const asked: string[] = [];
    const provider = tokenUrlProvider('/agora/token?v=1', (input) => {
      asked.push(String(input));
      return respond(200, { token: 'minted' });
    });
    const token = await provider({ channelName: 'stage b', uid: 42, purpose: 'relay-destination' });
    expect(token).to.equal('minted');
    const url = new URL(asked[0]!);
    expect(url.origin).to.equal(location.origin);
    expect(url.pathname).to.equal('/agora/token');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      v: '1',
      channelName: 'stage b',
      uid: '42',
      purpose: 'relay-destination',
    });
  });

  it('turns an HTTP error, a missing token and an unreachable endpoint into TOKEN_FETCH_FAILED', async () => {
    const request: TokenRequest = { channelName: 'b', uid: 0, purpose: 'relay-source' };
    const failures = [
      tokenUrlProvider('/t', () => respond(403, { error: 'nope' })),
      tokenUrlProvider('/t', () => respond(200, { notToken: 'x' })),
      tokenUrlProvider('/t', () => Promise.reject(new TypeError('Failed to fetch'))),
    ];
    const messages: string[] = [];
    for (const provider of failures) {
      const error = await requestToken(provider, request).then(
        () => undefined,
        (caught: { code?: string; message: string }) => caught,
      );
      expect(error?.code).to.equal('TOKEN_FETCH_FAILED');
      messages.push(error!.message);
    }
    expect(messages[0]).to.contain('HTTP 403');
    expect(messages[1]).to.contain('without a "token"');
    expect(messages[2]).to.contain('could not be reached');
  });
});

describe('RelaySession with a tokenProvider', () => {
  it('asks only for the tokens not given: the source for uid 0, each destination for its uid; cached after', async () => {
    const asked: TokenRequest[] = [];
    const { session, client } = await makeSession({
      destinations: [{ channelName: 'b', uid: 5 }, { channelName: 'c', token: 'given' }],
      session: {
        source: { channelName: 'stage-a', uid: 1001 },
        tokenProvider: (request) => {
          asked.push(request);
          return `tok:${request.purpose}:${request.channelName}:${request.uid}`;
        },
      },
    });
    await session.settled();
    expect(asked).to.deep.equal([
      { channelName: 'stage-a', uid: 0, purpose: 'relay-source' },
      { channelName: 'b', uid: 5, purpose: 'relay-destination' },
    ]);
    expect(client.fake.calls[0]?.config).to.deep.equal({
      src: { channelName: 'stage-a', uid: 1001, token: 'tok:relay-source:stage-a:0' },
      dests: [
        { channelName: 'b', uid: 5, token: 'tok:relay-destination:b:5' },
        { channelName: 'c', uid: 0, token: 'given' },
      ],
    });
    session.destinations = [{ channelName: 'b', uid: 5 }, { channelName: 'd' }];
    await session.settled();
    expect(asked.slice(2)).to.deep.equal([{ channelName: 'd', uid: 0, purpose: 'relay-destination' }]);
    expect(client.fake.calls.map((call) => call.method)).to.deep.equal(['start', 'update']);
  });

  it('a destination whose token cannot be had is failed and reported; the others relay', async () => {
    const { session, client, seen } = await makeSession({
      destinations: destinations('b', 'c'),
      session: {
        tokenProvider: ({ channelName }) => {
          if (channelName === 'c') throw new Error('no grant for c');
          return 'ok-token';
        },
      },
    });
    await session.settled();
    expect(client.fake.calls[0]?.config?.dests.map((d) => d.channelName)).to.deep.equal(['b']);
    expect(session.statuses.map((s) => [s.channelName, s.status])).to.deep.equal([
      ['b', 'relaying'],
      ['c', 'failed'],
    ]);
    const errors = ofType(seen, 'agora-relay-error');
    expect(errors.map((e) => [e.code, e.operation, e.channelName])).to.deep.equal([
      ['TOKEN_FETCH_FAILED', 'token', 'c'],
    ]);
    expect(errors[0]?.message).to.contain('no grant for c');
    expect(JSON.stringify(seen)).not.to.contain('ok-token');
  });

  it('without a source token there is no start, and the failure says so once', async () => {
    const { session, client, seen } = await makeSession({
      session: { tokenProvider: () => Promise.reject(new Error('token service down')) },
    });
    await session.settled();
    expect(client.fake.calls).to.have.length(0);
    expect(ofType(seen, 'agora-relay-error').map((e) => [e.code, e.operation, e.channelName])).to.deep.equal([
      ['TOKEN_FETCH_FAILED', 'token', 'stage-a'],
    ]);
    let rejection: { code?: string } | undefined;
    await session.start().catch((error: { code?: string }) => (rejection = error));
    expect(rejection?.code).to.equal('TOKEN_FETCH_FAILED');
  });
});
