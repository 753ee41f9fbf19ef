/* global document, location */
// A module script placed before the library's (module scripts without `async` run in document order), standing in
// for what differs between one CMS site and another:
//   ?sdk=fake        window.AgoraRTC is the offline fake, as Agora's own script tag would set the real one. Without
//                    it, the page has no SDK and the library fetches its own chunk, which finds no route to Agora
//                    (the test's browser resolves no host but 127.0.0.1 and aborts anything off this machine).
//   ?token-url=URL   every embed's token-url attribute: the site's token endpoint, on another origin in the test.
import { createFakeAgoraRTC } from '/dist/testing/fake/create-fake-agora-rtc.js';

const query = new URLSearchParams(location.search);
if (query.get('sdk') === 'fake') window.AgoraRTC = createFakeAgoraRTC();
const tokenUrl = query.get('token-url');
if (tokenUrl) for (const embed of document.querySelectorAll('agora-relay-audience')) embed.setAttribute('token-url', tokenUrl);
