/// <reference types="node" />
// werift (pure TypeScript WebRTC) is an optional peer dependency: only a stand-in started with `media: true` loads it,
// so pages and tests that need no media never pay for it, and a missing install gets a message that says what to do.
import type * as Werift from 'werift';

export type WeriftModule = typeof Werift;

/** The werift version the media path was checked with (0.25 declares Node >= 22). */
export const CHECKED_WERIFT = '0.24.4';

let loading: Promise<WeriftModule> | undefined;

export function loadWerift(): Promise<WeriftModule> {
  loading ??= import('werift').then(
    (module) => module as WeriftModule,
    (error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `agora stand-in: media needs the optional peer dependency werift (npm install --save-dev werift@${CHECKED_WERIFT}); ` +
          `it could not be loaded: ${reason}`,
      );
    },
  );
  return loading;
}
