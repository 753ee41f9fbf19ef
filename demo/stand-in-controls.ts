// The stand-in demo's controls under each host: managed mode's own attributes, written as a page author would, so a
// person sees what each does on the other stage (the co-host tile goes when a host turns its camera off or goes back
// to preview, and comes back with the picture). Plain DOM, like the rest of the demo.
import type { AgoraRelayHost } from '../src/index.js';

const TOGGLES: readonly [attribute: string, label: string][] = [
  ['microphone-muted', 'Mute the tick'],
  ['camera-off', 'Picture off'],
  ['preview', 'Preview (leave, keep the picture)'],
];

/** A row of controls for `host`; the host's attributes are the only state (it may change them itself). */
export function standInControls(host: AgoraRelayHost, name: string): HTMLElement {
  const row = document.createElement('div');
  row.className = 'actions';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', `${name}'s controls`);
  row.innerHTML = `
    ${TOGGLES.map(
      ([attribute, label]) => `<label class="check"><input type="checkbox" data-host-attribute="${attribute}" /> ${label}</label>`,
    ).join('')}
    <label class="check">Co-host volume <input type="range" min="0" max="100" value="100" data-host-attribute="cohost-volume" /></label>
  `;
  row.addEventListener('input', (event) => {
    const input = event.target as HTMLInputElement;
    const attribute = input.dataset.hostAttribute;
    if (!attribute) return;
    if (input.type === 'checkbox') host.toggleAttribute(attribute, input.checked);
    else host.setAttribute(attribute, input.value);
  });
  return row;
}
