// README.md's tables of statuses and errors against the one message catalogue (dist/core/messages.js, from
// src/core/messages.ts): every entry, in order, with its words and its evidence, and nothing the catalogue lacks.
// Needs dist/ (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ERROR_MESSAGES, STATUS_MESSAGES } from '../../dist/core/messages.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

/** The table rows between `<!-- name:start -->` and `<!-- name:end -->`, as arrays of cells (header rows dropped). */
function rows(name) {
  const match = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`).exec(readme);
  assert.ok(match, `README has a ${name} table`);
  return match[1]
    .split('\n')
    .slice(2)
    .map((line) =>
      line
        .replace(/^\|\s*|\s*\|$/g, '')
        .split(/\s*(?<!\\)\|\s*/)
        .map((cell) => cell.replaceAll('\\|', '|').replace(/^`|`$/g, '')),
    );
}

test('README lists every status with the catalogue’s words', () => {
  assert.deepEqual(rows('statuses'), Object.entries(STATUS_MESSAGES));
});

test('README lists every error with the catalogue’s title, action and evidence', () => {
  assert.deepEqual(
    rows('errors'),
    ERROR_MESSAGES.map(({ id, title, action, evidence }) => [id, title, action, evidence]),
  );
});
