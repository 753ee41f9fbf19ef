// The planner alone: plain objects in, a decision out. No SDK, no fake, no timers.
import { expect } from '@open-wc/testing';
import '../support/guard.js';
import { changedStatuses, destinationStatuses, newIssues, validationIssues } from '../../src/core/destination-statuses.js';
import {
  type ClientView,
  clientInUseIssue,
  decideNext,
  failureStillApplies,
  initialFacts,
  type RelayFacts,
  startFailure,
  waitsForPublish,
  wantedPlan,
} from '../../src/core/relay-planner.js';

const published = (): ClientView => ({ connectionState: 'CONNECTED', localTracks: [{}], role: 'host' });
const notPublished = (): ClientView => ({ connectionState: 'CONNECTED', localTracks: [], role: 'host' });

function facts(overrides: Partial<RelayFacts> = {}): RelayFacts {
  return {
    ...initialFacts(),
    client: published(),
    source: { channelName: 'a' },
    destinations: [{ channelName: 'b' }],
    ...overrides,
  };
}

const planAB = { source: { channelName: 'a', uid: 0 }, destinations: [{ channelName: 'b', uid: 0 }] };
const stuck = { code: 'WS_DISCONNECT', message: 'stuck', operation: 'stop' as const };

describe('relay planner: what the inputs want', () => {
  it('wants the valid source and destinations once the client is joined as a host and published', () => {
    expect(wantedPlan(facts())).to.deep.equal(planAB);
  });

  it('wants nothing while the client has not published, unless start() was asked or readiness is ignored', () => {
    const waiting = facts({ client: notPublished() });
    expect(wantedPlan(waiting)).to.equal(undefined);
    expect(wantedPlan(waiting, true)).to.deep.equal(planAB);
    expect(wantedPlan({ ...waiting, startRequested: true })).to.deep.equal(planAB);
  });

  it('wants nothing when disabled, held by stop(), disposed, without a client, an audience, or no valid destination', () => {
    expect(wantedPlan(facts({ disabled: true }))).to.equal(undefined);
    expect(wantedPlan(facts({ held: true }))).to.equal(undefined);
    expect(wantedPlan(facts({ disposed: true }))).to.equal(undefined);
    expect(wantedPlan(facts({ client: null }))).to.equal(undefined);
    expect(wantedPlan(facts({ client: { ...published(), role: 'audience' } }))).to.equal(undefined);
    expect(wantedPlan(facts({ destinations: [{ channelName: 'b*' }, { channelName: 'a' }] }))).to.equal(undefined);
    expect(wantedPlan(facts({ source: { channelName: '' } }))).to.equal(undefined);
  });

  it('keeps a running relay wanted after an unpublish the SDK never announces', () => {
    const client = notPublished();
    expect(wantedPlan(facts({ client, active: { client, plan: planAB } }))).to.deep.equal(planAB);
  });
});

describe('relay planner: the next call', () => {
  it('starts from idle, with the client and the plan', () => {
    const input = facts();
    expect(decideNext(input)).to.deep.equal({ call: { kind: 'start', client: input.client, plan: planAB } });
  });

  it('makes no call when the relay already relays what is wanted, or nothing is wanted and none runs', () => {
    const client = published();
    expect(decideNext(facts({ client, active: { client, plan: planAB } }))).to.deep.equal({});
    expect(decideNext(facts({ destinations: [] }))).to.deep.equal({});
  });

  it('updates when only the destinations changed, in any order counted as no change', () => {
    const client = published();
    const running = { client, plan: planAB };
    const more = facts({ client, active: running, destinations: [{ channelName: 'c' }, { channelName: 'b' }] });
    expect(decideNext(more).call).to.deep.include({ kind: 'update', client });
    const reordered = { ...planAB, destinations: [{ channelName: 'b', uid: 0 }] };
    expect(decideNext(facts({ client, active: { client, plan: reordered } }))).to.deep.equal({});
  });

  it('stops when the source changes, nothing is wanted, the client changed, or the relay went unheard', () => {
    const client = published();
    const running = { client, plan: planAB };
    const stop = { call: { kind: 'stop', client } };
    expect(decideNext(facts({ client, active: running, source: { channelName: 'z' } }))).to.deep.equal(stop);
    expect(decideNext(facts({ client, active: running, disabled: true }))).to.deep.equal(stop);
    expect(decideNext(facts({ client: published(), active: running }))).to.deep.equal(stop);
    expect(decideNext(facts({ client, active: { ...running, unheard: true } }))).to.deep.equal(stop);
  });

  it('recovers a relay the watchdog found lost before anything else', () => {
    const client = published();
    const lost = facts({ client, active: { client, plan: planAB }, lost: true, disabled: true });
    expect(decideNext(lost)).to.deep.equal({ call: { kind: 'recover', client } });
  });

  it('does not start on a stuck relay: says so once, then nothing', () => {
    expect(decideNext(facts({ stuck }))).to.deep.equal({ report: stuck });
    expect(decideNext(facts({ stuck, stuckReported: true }))).to.deep.equal({});
  });

  it('does not retry a plan whose start failed, but starts a changed plan', () => {
    const failed = { plan: planAB, error: { ...stuck, operation: 'start' as const } };
    expect(decideNext(facts({ failed }))).to.deep.equal({});
    expect(failureStillApplies(facts({ failed }))).to.equal(true);
    const changed = facts({ failed, destinations: [{ channelName: 'c' }] });
    expect(failureStillApplies(changed)).to.equal(false);
  });
});

describe('relay planner: waits and answers', () => {
  it('watches for a publish only while that is all the relay waits for', () => {
    expect(waitsForPublish(facts({ client: notPublished() }))).to.equal(true);
    expect(waitsForPublish(facts())).to.equal(false);
    expect(waitsForPublish(facts({ client: notPublished(), startRequested: true }))).to.equal(false);
    expect(waitsForPublish(facts({ client: { ...notPublished(), connectionState: 'CONNECTING' } }))).to.equal(false);
    expect(waitsForPublish(facts({ client: notPublished(), destinations: [] }))).to.equal(false);
  });

  it('rejects start() with the failed plan’s error, or with the stuck relay’s when a relay is wanted', () => {
    const error = { code: 'INVALID_OPERATION', message: 'no', operation: 'start' as const };
    expect(startFailure(facts())).to.equal(undefined);
    expect(startFailure(facts({ failed: { plan: planAB, error } }))).to.equal(error);
    expect(startFailure(facts({ stuck }))).to.equal(stuck);
    expect(startFailure(facts({ stuck, destinations: [] }))).to.equal(undefined);
  });
});

describe('destination statuses and validation issues, from plain facts', () => {
  it('pending while wanted, relaying once RUNNING with it in the active plan, idle when not wanted', () => {
    const client = published();
    const key = {};
    const destinations = [{ channelName: 'b', key }];
    const status = (input: RelayFacts) => destinationStatuses(input).get(key)?.status;
    expect(status(facts({ client, destinations }))).to.equal('pending');
    const running = facts({ client, destinations, active: { client, plan: planAB }, state: 'RELAY_STATE_RUNNING' });
    expect(status(running)).to.equal('relaying');
    expect(status({ ...running, disabled: true })).to.equal('idle');
  });

  it('rejected with the validation issue; failed with a token failure or the stuck relay’s error', () => {
    const bad = { channelName: 'b*' };
    const good = { channelName: 'b' };
    const tokenFailures = new Map([['b\n0', { code: 'TOKEN_FETCH_FAILED', message: 'no token', operation: 'token' as const }]]);
    const statuses = destinationStatuses(facts({ destinations: [bad, good], tokenFailures }));
    expect(statuses.get(bad)).to.deep.include({ status: 'rejected', index: 0 });
    expect(statuses.get(bad)?.error?.code).to.equal('INVALID_CHANNEL_NAME');
    expect(statuses.get(good)).to.deep.include({ status: 'failed', error: { code: 'TOKEN_FETCH_FAILED', message: 'no token' } });
    const whenStuck = destinationStatuses(facts({ destinations: [good], stuck, client: null }));
    expect(whenStuck.get(good)?.error).to.deep.equal({ code: 'WS_DISCONNECT', message: 'stuck' });
  });

  it('announces a status only when it changed', () => {
    const key = {};
    const before = destinationStatuses(facts({ destinations: [{ channelName: 'b', key }] }));
    const same = destinationStatuses(facts({ destinations: [{ channelName: 'b', key }] }));
    expect(changedStatuses(before, same)).to.deep.equal([]);
    const idle = destinationStatuses(facts({ destinations: [{ channelName: 'b', key }], disabled: true }));
    expect(changedStatuses(before, idle).map((detail) => detail.status)).to.deep.equal(['idle']);
  });

  it('reports each validation issue once, and again when its words change', () => {
    const sourceKey = {};
    const destination = { channelName: 'a' };
    const issues = validationIssues(facts({ source: { channelName: 'a', uid: '1.5' }, destinations: [destination] }), sourceKey);
    expect([...issues.values()].map((issue) => [issue.code, issue.operation, issue.channelName])).to.deep.equal([
      ['INVALID_UID', 'validate', 'a'],
      ['DESTINATION_IS_SOURCE', 'validate', 'a'],
    ]);
    const reported = new Map([...issues].map(([key, issue]) => [key, issue.message]));
    expect(newIssues(reported, issues)).to.deep.equal([]);
    const other = validationIssues(facts({ source: { channelName: 'a', uid: '-1' }, destinations: [destination] }), sourceKey);
    expect(newIssues(reported, other).map((issue) => issue.code)).to.deep.equal(['INVALID_UID']);
  });
});

describe('relay planner: a page’s own client, misused', () => {
  const inChannel = (channelName: string): ClientView => ({ ...published(), channelName });

  it('wants the client’s channel as the source: the one named if it is that one, the client’s when none is named', () => {
    expect(wantedPlan(facts({ client: inChannel('a') }))).to.deep.equal(planAB);
    expect(wantedPlan(facts({ client: inChannel('a'), source: {} }))).to.deep.equal(planAB);
    expect(wantedPlan(facts({ client: inChannel('a'), source: { channelName: null, uid: 5 } }))?.source).to.deep.equal({
      channelName: 'a',
      uid: 5,
    });
    expect(wantedPlan(facts({ client: inChannel('z') })), 'another channel than the client’s').to.equal(undefined);
  });

  it('reports a foreign channel-name as SOURCE_MISMATCH, and judges destinations against the client’s channel', () => {
    const sourceKey = {};
    const foreign = validationIssues(facts({ client: inChannel('z') }), sourceKey);
    expect([...foreign.values()].map((issue) => [issue.code, issue.operation, issue.channelName])).to.deep.equal([
      ['SOURCE_MISMATCH', 'validate', 'a'],
    ]);
    const unnamed = facts({ client: inChannel('a'), source: {}, destinations: [{ channelName: 'a' }, { channelName: 'b' }] });
    expect([...validationIssues(unnamed, sourceKey).values()].map((issue) => issue.code)).to.deep.equal([
      'DESTINATION_IS_SOURCE',
    ]);
  });

  it('with no channel-name, says nothing while the client is on its way into a channel, and requires one otherwise', () => {
    const joining: ClientView = { connectionState: 'CONNECTING', localTracks: [], role: 'host' };
    expect(validationIssues(facts({ client: joining, source: {} }), {}).size).to.equal(0);
    expect(wantedPlan(facts({ client: joining, source: {}, startRequested: true }))).to.equal(undefined);
    const codes = (input: RelayFacts) => [...validationIssues(input, {}).values()].map((issue) => issue.code);
    expect(codes(facts({ client: null, source: {} }))).to.deep.equal(['INVALID_CHANNEL_NAME']);
    expect(codes(facts({ source: {} })), 'joined, and the client does not say where').to.deep.equal(['INVALID_CHANNEL_NAME']);
  });

  it('makes no call on a client another session relays on, and says so only while a relay is wanted', () => {
    expect(decideNext(facts({ clientInUse: true }))).to.deep.equal({});
    expect(clientInUseIssue(facts({ clientInUse: true }))).to.deep.include({ code: 'CLIENT_IN_USE', operation: 'start' });
    expect(clientInUseIssue(facts({ clientInUse: true, disabled: true }))).to.equal(undefined);
    expect(clientInUseIssue(facts({ clientInUse: false }))).to.equal(undefined);
    expect(startFailure(facts({ clientInUse: true }))?.code).to.equal('CLIENT_IN_USE');
  });
});
