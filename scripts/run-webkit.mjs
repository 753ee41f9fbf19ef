#!/usr/bin/env node
// Runs the elements' tests in WebKit (web-test-runner.webkit.config.mjs): starts Debian's WebKitWebDriver
// (package webkit2gtk-driver) on a free loopback port, under a virtual display (xvfb-run, package xvfb) when there is
// none, runs web-test-runner against it, and stops the driver. Without the driver it says what to install and exits 1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const driver = ['/usr/bin/WebKitWebDriver'].find(existsSync);
const miniBrowser = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
].find(existsSync);
if (!driver || !miniBrowser) {
  console.error('WebKit tests need WebKitWebDriver and MiniBrowser: apt-get install webkit2gtk-driver (and xvfb without a display).');
  process.exit(1);
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// The whole run in one shell: under xvfb-run when there is no display, so the driver's browsers get one.
const port = await freePort();
const wtr = `npx --no -- wtr --config web-test-runner.webkit.config.mjs ${process.argv.slice(2).map((arg) => `'${arg}'`).join(' ')}`;
const script = `${driver} --port=${port} --host=local & driver=$!; sleep 1; ${wtr}; status=$?; kill $driver; exit $status`;
const command = process.env.DISPLAY ? ['sh', ['-c', script]] : ['xvfb-run', ['-a', 'sh', '-c', script]];
if (!process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v xvfb-run']).status !== 0) {
  console.error('No display and no xvfb-run: apt-get install xvfb.');
  process.exit(1);
}
const child = spawn(command[0], command[1], {
  stdio: 'inherit',
  env: { ...process.env, WEBKIT_DRIVER_PORT: String(port), WEBKIT_MINIBROWSER: miniBrowser },
});
child.on('close', (code) => process.exit(code ?? 1));
