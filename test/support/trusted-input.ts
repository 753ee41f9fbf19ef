// Real input events from the browser driver (web-test-runner's built-in `send-mouse` command, which
// @web/test-runner-commands wraps): unlike element.click(), they give the page user activation. Sent here directly
// because that package's typings pull Node's timer types into the browser tests.
const sessionId = new URL(location.href).searchParams.get('wtr-session-id');
const SOCKET_MODULE = '/__web-dev-server__web-socket.js';

interface Socket {
  sendMessageWaitForResponse(message: unknown): Promise<{ executed: boolean; result?: unknown }>;
}

async function command(name: string, payload?: unknown): Promise<void> {
  if (!sessionId) throw new Error('trusted input needs a page run by web-test-runner');
  const socket = (await import(/* served by the test runner */ SOCKET_MODULE)) as Socket;
  const response = await socket.sendMessageWaitForResponse({ type: 'wtr-command', sessionId, command: name, payload });
  if (!response.executed) throw new Error(`web-test-runner did not run ${name}`);
}

/** A trusted left click at a viewport position (CSS pixels). */
export async function clickAt(x: number, y: number): Promise<void> {
  await command('send-mouse', { type: 'click', position: [Math.round(x), Math.round(y)] });
  await command('reset-mouse');
}
