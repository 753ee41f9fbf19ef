// A classic script right after Agora's own SDK script tag: counts the clients made with the page's window.AgoraRTC, so
// the test knows the elements used the page's SDK rather than a copy of their own.
(() => {
  const sdk = window.AgoraRTC;
  const createClient = sdk.createClient.bind(sdk);
  window.__clientsMade = [];
  sdk.setLogLevel?.(4);
  sdk.disableLogUpload?.();
  sdk.createClient = (config) => {
    window.__clientsMade.push(`${config.mode}`);
    return createClient(config);
  };
})();
