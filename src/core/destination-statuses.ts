// What the session says about each destination and about bad input, worked out from RelayFacts: pure functions,
// plus the comparisons that keep events to changes only. The runner emits what these return.
import type { RelayErrorDetail } from './relay-error.js';
import { relaysDestination, samePlan } from './relay-plan.js';
import { destinationId, type RelayFacts, type SessionDestination, verdicts, wantedPlan } from './relay-planner.js';
import type { DestinationStatus, DestinationStatusDetail } from './session-events.js';
import { checkSource } from './source-channel.js';

/** Each destination's status, keyed by its `key` (else the input object itself), in input order. */
export function destinationStatuses(facts: RelayFacts): Map<unknown, DestinationStatusDetail> {
  const want = wantedPlan(facts);
  const failure = facts.stuck ?? (facts.failed && samePlan(facts.failed.plan, want) ? facts.failed.error : undefined);
  const active =
    facts.state === 'RELAY_STATE_RUNNING' && facts.active?.client === facts.client ? facts.active : undefined;
  const statuses = new Map<unknown, DestinationStatusDetail>();
  verdicts(facts).forEach((verdict, index) => {
    const destination = facts.destinations[index] as SessionDestination;
    // The input object itself identifies a destination given no key, but is never put in a detail: it holds a token.
    const key = destination.key ?? destination;
    const detail: DestinationStatusDetail = { index, channelName: destination.channelName ?? '', status: 'idle' };
    if (destination.key !== undefined) detail.key = destination.key;
    let status: DestinationStatus = 'idle';
    if (verdict.kind === 'rejected') {
      status = 'rejected';
      detail.error = { code: verdict.issue.code, message: verdict.issue.message };
    } else if (verdict.kind === 'accepted') {
      const tokenFailure = facts.tokenFailures.get(destinationId(verdict.info));
      if (tokenFailure && want) {
        status = 'failed';
        detail.error = { code: tokenFailure.code, message: tokenFailure.message };
      } else if (failure && (want || facts.stuck)) {
        status = 'failed';
        detail.error = { code: failure.code, message: failure.message };
      } else if (relaysDestination(active?.plan, verdict.info) && relaysDestination(want, verdict.info)) {
        status = 'relaying';
      } else if (want) {
        status = 'pending';
      }
    }
    detail.status = status;
    statuses.set(key, detail);
  });
  return statuses;
}

/** The statuses of `next` that differ from `previous`: the ones to announce. */
export function changedStatuses(
  previous: ReadonlyMap<unknown, DestinationStatusDetail>,
  next: ReadonlyMap<unknown, DestinationStatusDetail>,
): DestinationStatusDetail[] {
  return [...next].flatMap(([key, detail]) => {
    const before = previous.get(key);
    const same =
      before?.status === detail.status &&
      before.error?.code === detail.error?.code &&
      before.error?.message === detail.error?.message &&
      before.channelName === detail.channelName;
    return same ? [] : [detail];
  });
}

/** Every validation issue of the inputs, keyed by what it is about (`sourceKey` for the source). */
export function validationIssues(facts: RelayFacts, sourceKey: unknown): Map<unknown, RelayErrorDetail> {
  const issues = new Map<unknown, RelayErrorDetail>();
  const add = (key: unknown, issue: { code: string; message: string }, channelName: string | null | undefined) => {
    const detail: RelayErrorDetail = { code: issue.code, message: issue.message, operation: 'validate' };
    if (channelName) detail.channelName = channelName;
    issues.set(key, detail);
  };
  const source = checkSource(facts.source, facts.client);
  if (!source.ok && source.issue) add(sourceKey, source.issue, facts.source.channelName);
  verdicts(facts).forEach((verdict, index) => {
    if (verdict.kind !== 'rejected') return;
    const destination = facts.destinations[index] as SessionDestination;
    add(destination.key ?? destination, verdict.issue, destination.channelName);
  });
  return issues;
}

/** The issues of `current` not reported before with the same words: each is reported once, when it appears or changes. */
export function newIssues(
  reported: ReadonlyMap<unknown, string>,
  current: ReadonlyMap<unknown, RelayErrorDetail>,
): RelayErrorDetail[] {
  return [...current].flatMap(([key, issue]) => (reported.get(key) === issue.message ? [] : [issue]));
}
