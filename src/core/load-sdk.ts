// Finds the AgoraRTC namespace only when a relay first needs it, in this order: the one the page injected, the
// page's own `window.AgoraRTC` (Agora's script tag), then a dynamic import of the peer dependency. Nothing imports
// the SDK statically: it throws outside a browser (reference §3.6) and weighs ~430 KB gzip.
import type { RelaySdk } from './sdk-types.js';
import { warnIfUncheckedSdk } from './sdk-versions.js';

export type SdkImporter = () => Promise<unknown>;

const importPeerDependency: SdkImporter = () => import('agora-rtc-sdk-ng');

// One import per importer and page, shared by every session; a failed one may be tried again later.
const pendingImports = new WeakMap<SdkImporter, Promise<RelaySdk>>();

function asSdk(candidate: unknown): RelaySdk | undefined {
  const value = candidate as { default?: unknown } | undefined;
  for (const option of [value, value?.default]) {
    if (option && typeof (option as RelaySdk).createChannelMediaRelayConfiguration === 'function') {
      return option as RelaySdk;
    }
  }
  return undefined;
}

/** Thrown when no SDK can be had; `code` is `SDK_LOAD_FAILED`. */
export class SdkLoadError extends Error {
  readonly code = 'SDK_LOAD_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SdkLoadError';
  }
}

export async function loadAgoraRTC<T extends RelaySdk = RelaySdk>(
  injected?: T | null,
  importer: SdkImporter = importPeerDependency,
): Promise<T> {
  importer ??= importPeerDependency;
  if (injected) return injected;
  const fromPage = asSdk((globalThis as { AgoraRTC?: unknown }).AgoraRTC);
  if (fromPage) {
    warnIfUncheckedSdk((fromPage as { VERSION?: unknown }).VERSION);
    return fromPage as T;
  }
  let pending = pendingImports.get(importer);
  if (!pending) {
    pending = importer()
      .then((module) => {
        const sdk = asSdk(module) ?? asSdk((globalThis as { AgoraRTC?: unknown }).AgoraRTC);
        if (!sdk) throw new Error('the module exposes no createChannelMediaRelayConfiguration()');
        return sdk;
      })
      .catch((cause: unknown) => {
        pendingImports.delete(importer);
        throw new SdkLoadError(
          `Could not load agora-rtc-sdk-ng: ${cause instanceof Error ? cause.message : String(cause)}. ` +
            "Install it (npm install agora-rtc-sdk-ng), add Agora's script tag, or set the sdk property.",
          { cause },
        );
      });
    pendingImports.set(importer, pending);
  }
  return (await pending) as T;
}
