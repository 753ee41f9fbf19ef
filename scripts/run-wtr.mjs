#!/usr/bin/env node
// Runs web-test-runner. As root, where `unshare` and `ip` exist (CI is root), it runs inside a network namespace of
// its own with only the loopback interface up, so no packet a test makes can leave this machine; the local Agora
// stand-in, the test server and the browsers all live on that loopback. Elsewhere it runs as is: the browsers'
// resolver rules still keep every host name but this machine unresolvable. AGORA_RELAY_NO_NETNS=1 opts out.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const findTool = (name) => ['/usr/bin/', '/usr/sbin/', '/bin/', '/sbin/'].map((dir) => dir + name).find(existsSync);
const unshare = findTool('unshare');
const ip = findTool('ip');
const isolate = process.getuid?.() === 0 && unshare && ip && process.env.AGORA_RELAY_NO_NETNS !== '1';

// `npx --no`: the runner this repository installed, never one fetched because node_modules lacks it.
const command = isolate
  ? [unshare, ['-n', 'sh', '-c', `${ip} link set lo up && exec npx --no -- wtr "$@"`, 'wtr', ...args]]
  : ['npx', ['--no', '--', 'wtr', ...args]];
if (isolate) console.log('Browser tests run in a loopback-only network namespace.');
const result = spawnSync(command[0], command[1], { stdio: 'inherit' });
process.exit(result.status ?? 1);
