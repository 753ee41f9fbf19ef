// Where the test browsers live. Debian's packages are the ones verified here (shared toolchain notes);
// CHROMIUM_PATH / FIREFOX_PATH point elsewhere when a machine keeps them somewhere else.
import { existsSync } from 'node:fs';

const candidates = {
  chromium: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  firefox: [process.env.FIREFOX_PATH, '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr'],
};

/** @param {'chromium' | 'firefox'} name @returns {string | undefined} */
export function findBrowser(name) {
  return candidates[name].find((path) => path && existsSync(path));
}

export const debianPackages = { chromium: 'chromium', firefox: 'firefox-esr' };

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
