// The demo's controls for the host's own camera and microphone (managed mode controls): each writes the host's
// attribute of the same name, and follows what the host does by itself (screen sharing stopped from the browser, the
// device list). Plain DOM, like the rest of the demo.
import type { AgoraRelayHost, DevicesDetail } from '../src/index.js';

const TOGGLES: [attribute: string, label: string][] = [
  ['preview', 'Preview (not live)'],
  ['microphone-muted', 'Mute microphone'],
  ['camera-off', 'Camera off'],
  ['screen-share', 'Share screen'],
];

/**
 * Renders the controls into `container`. `host()` is the host on the page now (the demo replaces it); `note` logs
 * what the page did; every listener goes with `signal`.
 */
export function mountLocalControls(
  container: HTMLElement,
  host: () => AgoraRelayHost,
  note: (text: string) => void,
  signal: AbortSignal,
): void {
  container.classList.add('actions');
  container.setAttribute('role', 'group');
  container.setAttribute('aria-label', 'Your camera and microphone');
  container.innerHTML = `
    <span class="group-label">You</span>
    ${TOGGLES.map(
      ([attribute, label]) => `<label class="check"><input type="checkbox" data-host-attribute="${attribute}" /> ${label}</label>`,
    ).join('')}
    <label class="check">Camera <select data-host-attribute="camera-id"><option value="">default</option></select></label>
  `;
  const field = <T extends HTMLElement>(attribute: string) =>
    container.querySelector(`[data-host-attribute="${attribute}"]`) as T;
  const cameras = field<HTMLSelectElement>('camera-id');

  /** The fields say what the host's attributes say (the host removes `screen-share` itself when sharing stops). */
  const show = () => {
    const element = host();
    for (const [attribute] of TOGGLES) field<HTMLInputElement>(attribute).checked = element.hasAttribute(attribute);
    cameras.value = element.getAttribute('camera-id') ?? '';
  };

  container.addEventListener(
    'change',
    (event) => {
      const input = event.target as HTMLInputElement | HTMLSelectElement;
      const attribute = input.dataset.hostAttribute;
      if (!attribute) return;
      const element = host();
      if (input instanceof HTMLInputElement) {
        element.toggleAttribute(attribute, input.checked);
        note(`host: toggleAttribute("${attribute}", ${input.checked})`);
      } else if (input.value) {
        element.setAttribute(attribute, input.value);
        note(`host: setAttribute("${attribute}", ${JSON.stringify(input.value)})`);
      } else {
        element.removeAttribute(attribute);
        note(`host: removeAttribute("${attribute}")`);
      }
    },
    { signal },
  );

  // The events bubble and are composed: heard on the document whichever host element is on the page now.
  document.addEventListener(
    'devices-change',
    (event) => {
      const { cameras: list } = (event as CustomEvent<DevicesDetail>).detail;
      const options = list.map(({ deviceId, label }) => new Option(label || deviceId, deviceId));
      cameras.replaceChildren(new Option('default', ''), ...options);
      show();
    },
    { signal },
  );
  document.addEventListener('screen-share-ended', () => queueMicrotask(show), { signal });
  show();
}
