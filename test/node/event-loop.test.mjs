// A Node script that makes a session and awaits it with nothing else alive must get its answer: the runner's
// MessagePort is ref'd while work waits (src/core/next-task.ts), so Node does not exit before settled()/dispose()
// resolve, and unref'd after, so an idle session never holds a process open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RelaySession } from '../../dist/core/index.js';

test('dispose() resolves on an otherwise idle event loop', async () => {
  const session = new RelaySession({ source: { channelName: 'stage-a' } });
  await session.dispose();
  assert.equal(session.state, 'RELAY_STATE_IDLE');
});
