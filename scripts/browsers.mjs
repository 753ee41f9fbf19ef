// Where the test browsers live. Debian's packages are the ones verified here (shared toolchain notes);
// CHROMIUM_PATH / FIREFOX_PATH point elsewhere when a machine keeps them somewhere else.
import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  firefox: [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'],
  // WebKit (scripts/run-webkit.mjs): Debian's WebKitGTK MiniBrowser and its WebDriver (package webkit2gtk-driver).
  webkit: [
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ],
  webkitDriver: ['/usr/bin/WebKitWebDriver'],
};

/** @param {'chromium' | 'firefox' | 'webkit' | 'webkitDriver'} name @returns {string | undefined} */
export function findBrowser(name) {
  return candidates[name].find((path) => path && existsSync(path));
}

export const debianPackages = { chromium: 'chromium', firefox: 'firefox-esr' };

/** A system tool (`unshare`, `ip`, `xvfb-run`) in the usual places. @returns {string | undefined} */
export function findTool(name) {
  return ['/usr/bin/', '/usr/sbin/', '/bin/', '/sbin/'].map((dir) => dir + name).find(existsSync);
}

/**
 * WebKit is optional: `npm test` runs it when it is here (or can be installed) and otherwise says it skipped it.
 * xvfb gives the browser a display on a machine without one.
 */
export const webkitPackages = ['webkit2gtk-driver', 'xvfb'];
/** Why WebKit cannot run here, or undefined when it can. @returns {string | undefined} */
export function webkitMissing() {
  if (!findBrowser('webkit') || !findBrowser('webkitDriver')) return 'no WebKitWebDriver and MiniBrowser';
  if (!process.env.DISPLAY && !findTool('xvfb-run')) return 'no display and no xvfb-run';
  return undefined;
}

/**
 * Flags that keep headless Chromium quiet and working as root (shared/reference/toolchain.md): without the
 * networking ones it keeps reaching for Google's hosts. Each caller adds its own resolver rules.
 */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
