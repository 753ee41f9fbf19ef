// The SDK version matrix (scripts/sdk-matrix.mjs): the offline contract cases and the stand-in's signalling files
// (not the media ones), in Chromium, against the SDK that AGORA_SDK names (see web-test-runner.config.mjs).
import base from './web-test-runner.config.mjs';

const SIGNALLING_GROUPS = ['agora-stand-in', 'agora-stand-in-late'];

export default {
  ...base,
  files: ['test/contract/offline.test.ts'],
  // The plain Chromium of the network contract cases (the SDK's behaviour in Firefox: test/stand-in/*.firefox.test.ts).
  browsers: base.groups.find((group) => group.name === 'chromium-network').browsers,
  groups: base.groups.filter((group) => SIGNALLING_GROUPS.includes(group.name)),
  // One browser at a time: with three at once on a loaded machine, loading the SDK alone passed 15 s.
  concurrentBrowsers: 1,
};
