// The versions the page-side warning names (dist/core/sdk-versions.js, from src/core/sdk-versions.ts) against the
// versions the SDK matrix installs and runs (package.json's agora-rtc-sdk-ng and its aliases), and the README's
// sentence that states them. Needs dist/ (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { CHECKED_SDK_VERSIONS } from '../../dist/core/sdk-versions.js';
import { checkedSdks } from '../../scripts/sdk-versions.mjs';

test('the warning names exactly the versions the matrix runs', () => {
  assert.deepEqual([...CHECKED_SDK_VERSIONS], checkedSdks().map((sdk) => sdk.version));
});

test('the matrix covers every minor of the peer range', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.peerDependencies['agora-rtc-sdk-ng'], '^4.20.0');
  assert.deepEqual(
    checkedSdks().map((sdk) => sdk.minor),
    ['4.20', '4.21', '4.22', '4.23', '4.24'],
  );
});

test('README states the versions checked', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const line = readme.split('\n').find((text) => text.startsWith('Checked with agora-rtc-sdk-ng '));
  assert.ok(line, 'README has a line "Checked with agora-rtc-sdk-ng …"');
  for (const version of CHECKED_SDK_VERSIONS) assert.ok(line.includes(`**${version}**`), `README names ${version}`);
});
