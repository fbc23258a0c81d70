/**
 * The desktop window's controls over remote control itself: the pause switch with the mark shown while a
 * phone is controlling the computer, the network the QR code is for, and what to check when no phone has got
 * through a minute after the code was shown.
 */
import { type DashboardView, shown } from './bridge.js';
import { byId, element } from './dom.js';
import { say, sayFirewall } from './words.js';

export function renderControl(view: DashboardView): void {
  const bar = byId('control');
  bar.dataset.state = view.paused ? 'paused' : view.controlling ? 'controlling' : 'idle';
  byId('control-text').textContent = say(view.paused ? 'controlPaused' : view.controlling ? 'controlActive' : 'controlIdle');
  const toggle = byId<HTMLButtonElement>('pause');
  toggle.textContent = say(view.paused ? 'resume' : 'pause');
  toggle.setAttribute('aria-pressed', String(view.paused));
}

function addressLabel(address: DashboardView['addresses'][number]): string {
  const where = address.interface ? say('addressOn', { address: address.address, name: address.interface }) : address.address;
  return address.virtual ? say('addressVirtual', { address: where }) : where;
}

export function renderAddressChoice(view: DashboardView): void {
  const select = byId<HTMLSelectElement>('address');
  byId('address-choice').hidden = view.addresses.length < 2;
  const options = [
    { value: 'auto', text: say('addressAuto') },
    ...view.addresses.map((a) => ({ value: a.address, text: addressLabel(a) })),
  ];
  const key = JSON.stringify(options);
  // Rebuilt only when the list changes, so an open list is not closed under the pointer by a new view.
  if (select.dataset.options !== key) {
    select.dataset.options = key;
    select.replaceChildren(
      ...options.map(({ value, text }) => Object.assign(document.createElement('option'), { value, textContent: text })),
    );
  }
  select.value = options.some((o) => o.value === view.chosenAddress) ? view.chosenAddress : 'auto';
  const chosen = view.addresses.find((a) => view.pairingUrl.includes(`//${a.address}:`));
  byId('address-warning').hidden = !chosen?.virtual;
}

/**
 * On Windows, until a phone has got through: the firewall's question is on screen (or soon will be), and
 * the wrong box keeps phones out.
 */
export function renderFirewallNote(view: DashboardView): void {
  const note = byId('firewall-note');
  const show = view.platform === 'win32' && view.reachHintAt !== undefined;
  note.hidden = !show;
  if (show && note.textContent === '') note.textContent = sayFirewall('firewallPrompt');
}

/** Shown from the view's time on while no phone has got through; the page's clock decides, so no view is needed. */
export function renderReachHint(view: DashboardView): void {
  const hint = byId('reach-hint');
  const show = view.reachHintAt !== undefined && Date.now() >= view.reachHintAt;
  if (hint.hidden === !show) return;
  hint.hidden = !show;
  if (!show) return;
  const url = view.pairingUrl.replace(/#.*/, '');
  hint.replaceChildren(
    element('strong', '', say('reachTitle')),
    element(
      'span',
      '',
      view.platform === 'win32' ? sayFirewall('firewallReach', { port: view.port }) : say('reachFirewall', { port: view.port }),
    ),
    element('span', '', say('reachGuest')),
    element('span', '', say('reachVpn')),
    element('span', '', say('reachType', { url })),
  );
}

/** The controls' own listeners, once the page is there. */
export function wireControls(): void {
  byId('pause').addEventListener('click', () => void window.deskremote.setPaused(!shown.view?.paused));
  byId<HTMLSelectElement>('address').addEventListener('change', (event) => {
    void window.deskremote.setAddress((event.target as HTMLSelectElement).value);
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-cue]')) {
    button.addEventListener('click', () => {
      void window.deskremote.sendCue(button.dataset.cue ?? '').then(() => {
        byId('cue-sent').textContent = say('cueSent', { cue: button.textContent ?? '' });
      });
    });
  }
}
