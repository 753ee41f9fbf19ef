// Loads the real agora-rtc-sdk-ng UMD build into the test page with a <script> tag and returns `window.AgoraRTC`.
// The UMD file makes no network request on load (reference agora-relay-sdk.md §3.6); join() and relay calls do.
declare global {
  interface Window {
    AgoraRTC?: unknown;
  }
}

const SDK_URL = '/node_modules/agora-rtc-sdk-ng/AgoraRTC_N-production.js';
let loading: Promise<unknown> | undefined;

/** Loads the real SDK once per page; quiet logs, no log upload. */
export function loadRealAgoraRTC(): Promise<unknown> {
  loading ??= new Promise<unknown>((resolve, reject) => {
    if (window.AgoraRTC) {
      resolve(window.AgoraRTC);
      return;
    }
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.onload = () => {
      const sdk = window.AgoraRTC as { setLogLevel?: (level: number) => void; disableLogUpload?: () => void };
      if (!sdk) {
        reject(new Error('agora-rtc-sdk-ng loaded but window.AgoraRTC is missing'));
        return;
      }
      sdk.setLogLevel?.(4);
      sdk.disableLogUpload?.();
      resolve(sdk);
    };
    script.onerror = () => reject(new Error(`could not load ${SDK_URL}`));
    document.head.append(script);
  });
  return loading;
}
