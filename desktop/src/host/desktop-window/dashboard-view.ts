/** What the desktop window shows of the host; the Electron shell adds its own part (ShellView) and sends it. */
import { DECK_ICON_WORDS, leftAt, levelOf } from '@deskremote/shared';
import QRCode from 'qrcode';
import type { HostView } from '../../common/dashboard-contract.js';
import type { Host } from '../host.js';

export async function dashboardView(host: Host): Promise<HostView> {
  const pairingUrl = host.pairingUrl();
  const state = host.state.state;
  const details = new Map(host.pairedDeviceDetails().map((d) => [d.id, d]));
  return {
    pairingUrl,
    qrDataUrl: await QRCode.toDataURL(pairingUrl, { errorCorrectionLevel: 'M', margin: 1, width: 280 }),
    pairingExpiresAt: host.pairing.expiresAt,
    otherUrls: host
      .addresses()
      .slice(1)
      .map((address) => `http://${address}:${host.port}`),
    portNote: host.portNote,
    port: host.port,
    hostName: state.host.name,
    platform: state.host.platform,
    deckIcons: Object.entries(DECK_ICON_WORDS).map(([name, words]) => ({ name, ...words })),
    input: { ...state.input },
    addresses: host.networkAddresses(),
    chosenAddress: host.chosenAddress ?? 'auto',
    reachHintAt: host.reachHintAt,
    paused: host.paused,
    controlling: host.controlling,
    devices: state.devices.map((d) => {
      const stored = details.get(d.id);
      return {
        ...d,
        phoneName: stored?.name ?? d.name,
        ...(stored?.seenAs ?? {}),
        ...(stored?.address ? { address: stored.address } : {}),
        deck: host.phoneDeck(d.id).map((b) => ({ ...b })),
      };
    }),
    approvals: host.pairing.approvals.list().map((r) => ({
      id: r.id,
      deviceName: r.deviceName,
      device: { ...r.device },
      address: r.address,
      code: r.code,
      expiresAt: r.expiresAt,
    })),
    requireApproval: host.pairing.approvalRequired,
    notice: host.pairing.lastNotice,
    talk: {
      status: state.timer.status,
      leftMs: leftAt(state.timer, Date.now()),
      at: Date.now(),
      level: levelOf(state.timer),
    },
    impress: {
      status: state.showLink.impress,
      pin: state.showLink.pin,
      name: state.showLink.name,
      slides: state.show ? `${state.show.current} / ${state.show.count}` : '',
      focused: state.focus?.profile === 'impress',
    },
  };
}
