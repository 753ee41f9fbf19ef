// The relay enums as the UMD build carries them at run time: plain objects whose member === value
// (reference agora-relay-sdk.md §2). Built from the lists in src/core/relay-enums.ts.
import { RELAY_ERRORS, RELAY_EVENTS, RELAY_STATES } from '../../core/relay-enums.js';
import type { RelayError, RelayEvent, RelayState } from '../../core/relay-enums.js';

function mirror<T extends string>(values: readonly T[]): Readonly<{ [K in T]: K }> {
  const result = {} as { [K in T]: K };
  for (const value of values) (result as Record<string, string>)[value] = value;
  return Object.freeze(result);
}

export const ChannelMediaRelayState: Readonly<{ [K in RelayState]: K }> = mirror(RELAY_STATES);
export const ChannelMediaRelayError: Readonly<{ [K in RelayError]: K }> = mirror(RELAY_ERRORS);
export const ChannelMediaRelayEvent: Readonly<{ [K in RelayEvent]: K }> = mirror(RELAY_EVENTS);
