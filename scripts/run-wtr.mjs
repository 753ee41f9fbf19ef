#!/usr/bin/env node
// Runs web-test-runner. As root, where `unshare` and `ip` exist (CI is root), it runs inside a network namespace of
// its own with only the loopback interface up, so no packet a test makes can leave this machine; the local Agora
// stand-in, the test server and the browsers all live on that loopback. Elsewhere it runs as is: the browsers'
// resolver rules still keep every host name but this machine unresolvable. AGORA_RELAY_NO_NETNS=1 opts out.
// `--loopback-default-route` (the real SDK in Firefox, web-test-runner.firefox.config.mjs) also gives the namespace a
// default route through the loopback with source 127.0.0.1: Firefox gathers only its "default address" (the one a
// connect() to the Internet would use) unless the page holds a camera permission, and with no route at all it gathers
// no candidate and fails ICE at once. Packets on that route still never leave the namespace. Without the namespace
// (not root) that run is skipped, saying so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ROUTE_FLAG = '--loopback-default-route';
const withRoute = process.argv.includes(ROUTE_FLAG);
const args = process.argv.slice(2).filter((arg) => arg !== ROUTE_FLAG);
const findTool = (name) => ['/usr/bin/', '/usr/sbin/', '/bin/', '/sbin/'].map((dir) => dir + name).find(existsSync);
const unshare = findTool('unshare');
const ip = findTool('ip');
const isolate = process.getuid?.() === 0 && unshare && ip && process.env.AGORA_RELAY_NO_NETNS !== '1';

if (withRoute && !isolate) {
  console.log(`Skipped: web-test-runner ${args.join(' ')} needs a loopback-only network namespace (root, unshare, ip).`);
  process.exit(0);
}

// `npx --no`: the runner this repository installed, never one fetched because node_modules lacks it.
const route = withRoute ? ` && ${ip} route add default dev lo src 127.0.0.1` : '';
const command = isolate
  ? [unshare, ['-n', 'sh', '-c', `${ip} link set lo up${route} && exec npx --no -- wtr "$@"`, 'wtr', ...args]]
  : ['npx', ['--no', '--', 'wtr', ...args]];
if (isolate) console.log('Browser tests run in a loopback-only network namespace.');
const result = spawnSync(command[0], command[1], { stdio: 'inherit' });
process.exit(result.status ?? 1);
