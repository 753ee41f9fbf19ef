// Loaded before every test file: an unhandled rejection or uncaught error anywhere during the tests fails the
// test that was running when it surfaced (or the next one), so "no promise ends as an unhandled rejection" is checked
// by the whole suite, not by a few tests.
const seen = [];
// Firefox's `stack` holds only the frames, so the message is written out too.
const describe = (error) => (error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error));
window.addEventListener('unhandledrejection', (event) => {
  seen.push(`unhandled rejection: ${describe(event.reason)}`);
});
window.addEventListener('error', (event) => {
  seen.push(`uncaught error: ${event.error ? describe(event.error) : event.message}`);
});
window.__takeUnhandled = () => seen.splice(0, seen.length);
