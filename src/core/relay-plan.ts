// What the relay should be, computed from the session's inputs: pure functions, no SDK and no timers, so the
// session's decisions can be read (and tested) apart from the calls that carry them out.
import type { RelayChannelInfo, RelayConfiguration, RelaySdk } from './sdk-types.js';

/** A relay configuration as plain data: what we hand the SDK, and what it relays once a call succeeded. */
export interface RelayPlan {
  source: RelayChannelInfo;
  destinations: RelayChannelInfo[];
}

function infoKey(info: RelayChannelInfo): string {
  return JSON.stringify([info.channelName, info.uid, info.token ?? '']);
}

export function sameSource(a: RelayPlan, b: RelayPlan): boolean {
  return infoKey(a.source) === infoKey(b.source);
}

/** Destinations compared as a set: the SDK keys them by channel name and sends the whole list on update. */
export function sameDestinations(a: RelayPlan, b: RelayPlan): boolean {
  const keys = (plan: RelayPlan) => plan.destinations.map(infoKey).sort().join('\n');
  return keys(a) === keys(b);
}

export function samePlan(a: RelayPlan | undefined, b: RelayPlan | undefined): boolean {
  if (!a || !b) return a === b;
  return sameSource(a, b) && sameDestinations(a, b);
}

/** True when `plan` relays exactly this destination (same name, uid and token). */
export function relaysDestination(plan: RelayPlan | undefined, info: RelayChannelInfo): boolean {
  return !!plan?.destinations.some((destination) => infoKey(destination) === infoKey(info));
}

/**
 * A fresh SDK configuration. Fresh info objects every time: the SDK stores them by reference (reference §1), so
 * handing it ours would let a later change of ours leak into a configuration it already holds.
 */
export function toConfiguration(sdk: RelaySdk, plan: RelayPlan): RelayConfiguration {
  const configuration = sdk.createChannelMediaRelayConfiguration();
  configuration.setSrcChannelInfo({ ...plan.source });
  for (const destination of plan.destinations) configuration.addDestChannelInfo({ ...destination });
  return configuration;
}
