/* global location */
// A module script placed before the library's (module scripts without `async` run in document order): with ?sdk=fake
// the page's window.AgoraRTC is the offline fake, as Agora's own script tag would set the real one. Without it, the
// page has no SDK and the library fetches its own chunk, which finds no route to Agora (the test's browser resolves no
// host but 127.0.0.1 and aborts anything off this machine).
import { createFakeAgoraRTC } from '/dist/testing/fake/create-fake-agora-rtc.js';

if (new URLSearchParams(location.search).get('sdk') === 'fake') window.AgoraRTC = createFakeAgoraRTC();
