/**
 * The desktop window's list of paired phones: each with the name the person gave it (or its own), what it is
 * (model, system, browser), where it was last seen, when it was paired, and whether it is connected. Two
 * "Pixel 7"s are told apart by address and date, and can be renamed. Remove asks first.
 */
import { type DashboardView, shown } from './bridge.js';
import { timeAgo } from './clock.js';
import { deckEditor } from './deck-editor.js';
import { byId, element } from './dom.js';
import { say } from './words.js';

/** The phone being renamed and what has been typed so far: a new view (a phone connecting) must not lose it. */
let renaming: { id: string; draft: string } | undefined;
/** The phone whose removal waits for a second click. */
let confirmingRemoval: string | undefined;

function phoneDetails(device: DashboardView['devices'][number]): string {
  const parts = [device.model, device.os, device.browser].filter(Boolean) as string[];
  if (device.address) parts.push(say('phoneFrom', { address: device.address }));
  parts.push(say('phonePaired', { date: new Date(device.pairedAt).toLocaleDateString() }));
  if (device.name !== device.phoneName) parts.push(say('phoneCallsItself', { name: device.phoneName }));
  return parts.join(' · ');
}

function nameEditor(device: DashboardView['devices'][number]): HTMLElement {
  const form = element('form', 'rename-form');
  const input = element('input', 'rename-input');
  input.value = renaming?.id === device.id ? renaming.draft : device.name;
  input.maxLength = 48;
  input.setAttribute('aria-label', say('renameLabel'));
  input.placeholder = device.phoneName;
  input.addEventListener('input', () => {
    renaming = { id: device.id, draft: input.value };
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    renaming = undefined;
    if (shown.view) renderDevices(shown.view);
  });
  const save = element('button', 'rename-save', say('renameSave'));
  save.type = 'submit';
  const cancel = element('button', 'rename-cancel', say('cancel'));
  cancel.type = 'button';
  cancel.addEventListener('click', () => {
    renaming = undefined;
    if (shown.view) renderDevices(shown.view);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    renaming = undefined;
    void window.deskremote.renameDevice(device.id, input.value);
  });
  form.append(input, save, cancel);
  // Focus once the form is in the page, where the person's typing goes on.
  queueMicrotask(() => {
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  });
  return form;
}

function removalQuestion(device: DashboardView['devices'][number]): HTMLElement {
  const box = element('div', 'remove-confirm');
  box.setAttribute('role', 'alert');
  const keep = element('button', 'keep', say('keepPhone'));
  keep.type = 'button';
  keep.addEventListener('click', () => {
    confirmingRemoval = undefined;
    if (shown.view) renderDevices(shown.view);
  });
  const remove = element('button', 'remove-now', say('removeNow'));
  remove.type = 'button';
  remove.addEventListener('click', () => {
    confirmingRemoval = undefined;
    void window.deskremote.revokeDevice(device.id);
  });
  box.append(element('span', '', say('removeQuestion', { name: device.name })), keep, remove);
  return box;
}

export function renderDevices(view: DashboardView): void {
  const list = byId('devices');
  // Editors left open while the person edits: a new view (a phone connecting) must not throw the edit away.
  const editing = new Map(
    [...list.querySelectorAll<HTMLDetailsElement>('details.deck[open]')].map((open) => [open.dataset.device, open]),
  );
  list.replaceChildren();
  if (view.devices.length === 0) list.append(element('li', 'empty', say('noPhones')));
  if (renaming && !view.devices.some((d) => d.id === renaming?.id)) renaming = undefined;
  for (const device of view.devices) {
    const item = document.createElement('li');
    item.className = 'phone';
    item.dataset.device = device.id;
    const who = element('div', 'who');
    if (renaming?.id === device.id) who.append(nameEditor(device));
    else {
      const name = element('span', 'name', device.name);
      const rename = element('button', 'rename', '✎');
      rename.type = 'button';
      rename.title = say('rename');
      rename.setAttribute('aria-label', say('renameNamed', { name: device.name }));
      rename.addEventListener('click', () => {
        renaming = { id: device.id, draft: device.name };
        renderDevices(view);
      });
      const line = element('div', 'name-line');
      line.append(name, rename);
      who.append(line);
    }
    who.append(element('div', 'details', phoneDetails(device)));
    const remove = element('button', 'remove', say('remove'));
    remove.type = 'button';
    remove.title = say('removeTitle');
    remove.addEventListener('click', () => {
      confirmingRemoval = device.id;
      renderDevices(view);
    });
    item.append(
      element('span', `dot ${device.connected ? 'on' : 'off'}`),
      who,
      element('span', 'seen', device.connected ? say('connected') : say('lastSeen', { when: timeAgo(device.lastSeenAt) })),
      remove,
    );
    if (confirmingRemoval === device.id) item.append(removalQuestion(device));
    const open = editing.get(device.id);
    if (open) item.append(open);
    else item.append(deckEditor(device.id, device.deck, view.deckIcons));
    list.append(item);
  }
}
