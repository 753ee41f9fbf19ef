// The contract cases that need a camera and a microphone: in the stand-in's Chromium, which has fake devices
// (--use-fake-device-for-media-stream, --use-fake-ui-for-media-stream); the fake SDK answers with its own devices.
import '../support/guard.js';
import { deviceCases } from '../contract/cases/local-track-cases.js';
import { registerContract } from '../contract/register.js';

registerContract('devices', deviceCases, { fakeOffline: false });
