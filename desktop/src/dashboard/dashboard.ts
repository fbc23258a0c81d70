/** The desktop window: the QR code to scan, the phones paired and connected, and the port. */
const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} missing`);
  return element as T;
};

function timeAgo(at: number): string {
  const seconds = Math.round((Date.now() - at) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(at).toLocaleDateString();
}

function render(view: DashboardView): void {
  byId<HTMLImageElement>('qr').src = view.qrDataUrl;
  byId('url').textContent = view.pairingUrl.replace(/#.*/, '');
  byId('host-name').textContent = view.hostName;
  byId('other-urls').textContent = view.otherUrls.length > 0 ? `Also reachable at ${view.otherUrls.join(', ')}` : '';
  byId('port-note').textContent = view.portNote ?? '';
  const portInput = byId<HTMLInputElement>('port');
  if (document.activeElement !== portInput) portInput.value = String(view.port);

  const input = byId('input');
  input.className = `input input-${view.input.status}`;
  input.textContent = view.input.detail;

  const list = byId('devices');
  list.replaceChildren();
  if (view.devices.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = 'No phone paired yet. Scan the code to pair one.';
    list.append(empty);
  }
  for (const device of view.devices) {
    const item = document.createElement('li');
    const dot = document.createElement('span');
    dot.className = `dot ${device.connected ? 'on' : 'off'}`;
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = device.name;
    const seen = document.createElement('span');
    seen.className = 'seen';
    seen.textContent = device.connected ? 'connected' : `last seen ${timeAgo(device.lastSeenAt)}`;
    const remove = document.createElement('button');
    remove.textContent = 'Remove';
    remove.title = 'Forget this phone and disconnect it now';
    remove.addEventListener('click', () => void window.deskremote.revokeDevice(device.id));
    item.append(dot, name, seen, remove);
    list.append(item);
  }
}

byId('renew').addEventListener('click', () => void window.deskremote.renewPairingCode());
byId('port-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const port = Number(byId<HTMLInputElement>('port').value);
  if (Number.isInteger(port) && port >= 1024 && port <= 65535) void window.deskremote.setPort(port);
});
window.deskremote.onView(render);
void window.deskremote.view().then(render);
