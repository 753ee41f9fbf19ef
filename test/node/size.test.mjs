// `npm run size`'s checks on the CDN build as `npm test` built it: the entry within its gzip budget, the bytes and
// requests a relay fetches before its first SDK call (BYO and managed) within theirs, no SDK code in the entry, the
// SDK chunk loaded lazily and smaller than the SDK's default entry (scripts/size.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTRY_BUDGET, PATH_BUDGETS, measure } from '../../scripts/size.mjs';

test('the CDN entry stays within its budget, holds no SDK code, and the SDK chunk is lazy and smaller', async (t) => {
  const { sizes, problems } = await measure();
  t.diagnostic(`gzip bytes: ${JSON.stringify(sizes)}`);
  assert.deepEqual(problems, []);
  assert.ok(sizes.entry <= ENTRY_BUDGET);
  assert.ok(sizes.ownCode > 0 && sizes.ownCode < sizes.entry, 'our own code is measured apart from Lit');
  assert.ok(sizes.sdkChunk < sizes.sdkDefaultEntry);
});

test('what a relay fetches before its first SDK call is bounded: bytes and requests, BYO and managed', async (t) => {
  const { paths, sdkChunkName } = await measure();
  t.diagnostic(JSON.stringify(paths));
  for (const [mode, path] of Object.entries(paths)) {
    assert.equal(path.files[0], 'agora-relay-elements.js', `${mode}: the entry first`);
    assert.ok(!path.files.some((file) => file.includes(sdkChunkName)), `${mode}: the SDK chunk is not counted`);
    assert.ok(path.bytes <= PATH_BUDGETS[mode].bytes, `${mode}: ${path.bytes} B`);
    assert.ok(path.requests <= PATH_BUDGETS[mode].requests, `${mode}: ${path.files.join(', ')}`);
  }
  assert.ok(paths.byo.files.some((file) => /^chunks\/host-controller-/.test(file)), 'BYO loads the host controller');
  assert.ok(!paths.byo.files.some((file) => /^chunks\/host-managed-/.test(file)), 'BYO never loads managed mode');
  assert.ok(paths.managed.files.some((file) => /^chunks\/host-managed-/.test(file)), 'managed mode loads its chunk');
});
