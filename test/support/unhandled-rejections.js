// Loaded before every test file: an unhandled rejection or uncaught error anywhere during the tests fails the
// test that was running when it surfaced (or the next one), so "no promise ends as an unhandled rejection" is checked
// by the whole suite, not by a few tests. A rejection some listener marked handled (preventDefault) does not count.
const events = [];
// Firefox's `stack` holds only the frames, so the message is written out too.
const describe = (error) => (error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error));
window.addEventListener('unhandledrejection', (event) => {
  events.push({ event, text: `unhandled rejection: ${describe(event.reason)}` });
});
window.addEventListener('error', (event) => {
  events.push({ event, text: `uncaught error: ${event.error ? describe(event.error) : event.message}` });
});
// Read later than the events fire, so every listener has had its say on defaultPrevented.
window.__takeUnhandled = () =>
  events
    .splice(0, events.length)
    .filter(({ event }) => !event.defaultPrevented)
    .map(({ text }) => text);
