// `npm run size`'s checks on the CDN build as `npm test` built it: the entry within its gzip budget, no SDK code in
// it, the SDK chunk loaded lazily and smaller than the SDK's default entry (scripts/size.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTRY_BUDGET, measure } from '../../scripts/size.mjs';

test('the CDN entry stays within its budget, holds no SDK code, and the SDK chunk is lazy and smaller', async (t) => {
  const { sizes, problems } = await measure();
  t.diagnostic(`gzip bytes: ${JSON.stringify(sizes)}`);
  assert.deepEqual(problems, []);
  assert.ok(sizes.entry <= ENTRY_BUDGET);
  assert.ok(sizes.ownCode > 0 && sizes.ownCode < sizes.entry, 'our own code is measured apart from Lit');
  assert.ok(sizes.sdkChunk < sizes.sdkDefaultEntry);
});
