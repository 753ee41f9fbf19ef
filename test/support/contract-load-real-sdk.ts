// Loads the real agora-rtc-sdk-ng UMD build into the test page with a <script> tag and returns `window.AgoraRTC`.
// The UMD file makes no network request on load (reference agora-relay-sdk.md §3.6); join() and relay calls do.
// Which SDK: the installed agora-rtc-sdk-ng, or, in the version matrix (AGORA_SDK=4.20 …, see
// scripts/sdk-matrix.mjs), one of its npm aliases; web-test-runner.config.mjs names it in window.__AGORA_SDK.
declare global {
  interface Window {
    AgoraRTC?: unknown;
    __AGORA_SDK?: { package: string; version: string };
  }
}

const chosen = window.__AGORA_SDK;
const SDK_URL = `/node_modules/${chosen?.package ?? 'agora-rtc-sdk-ng'}/AgoraRTC_N-production.js`;
let loading: Promise<unknown> | undefined;

/** Loads the real SDK once per page; quiet logs, no log upload. Rejects when it is not the version asked for. */
export function loadRealAgoraRTC(): Promise<unknown> {
  loading ??= new Promise<unknown>((resolve, reject) => {
    if (window.AgoraRTC) {
      resolve(window.AgoraRTC);
      return;
    }
    const script = document.createElement('script');
    script.src = SDK_URL;
    script.onload = () => {
      const sdk = window.AgoraRTC as
        | { VERSION?: string; setLogLevel?: (level: number) => void; disableLogUpload?: () => void }
        | undefined;
      if (!sdk) {
        reject(new Error('agora-rtc-sdk-ng loaded but window.AgoraRTC is missing'));
        return;
      }
      // A matrix run that silently tested another version would prove nothing.
      if (chosen && sdk.VERSION !== chosen.version) {
        reject(new Error(`asked for agora-rtc-sdk-ng ${chosen.version}, ${SDK_URL} is ${String(sdk.VERSION)}`));
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
