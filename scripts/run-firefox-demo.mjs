#!/usr/bin/env node
// `npm run test:firefox-demo` (part of `npm test`): the demo page as a person's desktop Firefox meets it. As root it
// runs test/demo/firefox-desktop.mjs in a network and mount namespace of its own that looks like a desktop on a LAN:
// loopback, plus an interface `d0` with the private address 10.77.0.2/24 and a default route through it. The peer
// end of that interface stays in the namespace with no address, so no packet can leave this machine. In that
// namespace Firefox's "default address" (the only one it gathers ICE candidates on) is 10.77.0.2, as on a desktop,
// and `npm start` advertises that address (MEDIA_ADDRESS=auto). The mount namespace lets the check import the
// stand-in's authority into Firefox the way README's one Firefox step does (an enterprise policy, visible only
// inside the namespace) instead of waving certificate errors through. Without root it is skipped, saying so.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './browsers.mjs';

const findTool = (name) => ['/usr/bin/', '/usr/sbin/', '/bin/', '/sbin/'].map((dir) => dir + name).find(existsSync);
const tools = { unshare: findTool('unshare'), ip: findTool('ip'), mount: findTool('mount') };
const check = fileURLToPath(new URL('../test/demo/firefox-desktop.mjs', import.meta.url));
// Counts of an earlier run must never stand in for this one (or for a skipped one) in `npm test`'s closing line.
rmSync(new URL('../.test-results/firefox-demo.json', import.meta.url), { force: true });

if (process.getuid?.() !== 0 || Object.values(tools).some((tool) => !tool) || process.env.AGORA_RELAY_NO_NETNS === '1') {
  console.log('Skipped: the Firefox desktop demo check needs a network and mount namespace of its own (root, unshare, ip, mount).');
  process.exit(0);
}
if (!findBrowser('firefox')) {
  console.log('Skipped: the Firefox desktop demo check found no Firefox ESR (FIREFOX_PATH, or Debian package firefox-esr).');
  process.exit(0);
}

const { ip, mount } = tools;
const setUp = [
  `${ip} link set lo up`,
  `${ip} link add d0 type veth peer name d1`,
  `${ip} addr add 10.77.0.2/24 dev d0`,
  `${ip} link set d1 up`,
  `${ip} link set d0 up`,
  `${ip} route add default via 10.77.0.1 dev d0`,
  `${mount} --make-rprivate /`,
].join(' && ');
const result = spawnSync(tools.unshare, ['-m', '-n', 'sh', '-c', `${setUp} && exec "$0" "$@"`, process.execPath, check, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
