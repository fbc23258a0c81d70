/**
 * The touchpad settings and the deck of buttons each phone keeps on the host: sent to a phone when it
 * connects, saved when it changes them, and sent to every connection of that phone after a change.
 */
import type { FeatureDeps } from '../presenter/feature-deps.js';
import { FeatureRejected, type SessionPort } from '../session/feature-router.js';
import type { PhoneSettings, PhoneSettingsStore } from './phone-settings-store.js';

export function installPhoneSettings(deps: FeatureDeps, store: PhoneSettingsStore): void {
  const open = new Set<SessionPort>();
  const tell = (session: SessionPort, settings: PhoneSettings) =>
    session.send({ t: 'phoneSettings', touchpad: settings.touchpad, deck: settings.deck });
  const tellPhone = (deviceId: string, settings: PhoneSettings) => {
    for (const session of open) if (session.deviceId === deviceId) tell(session, settings);
  };

  deps.features.onSessionOpened((session) => {
    open.add(session);
    if (session.deviceId) tell(session, store.get(session.deviceId));
  });
  deps.features.onSessionClosed((session) => open.delete(session));
  deps.features.on('saveTouchpad', async (session, command) => {
    if (!session.deviceId) return 'ack' as const;
    tellPhone(session.deviceId, await store.saveTouchpad(session.deviceId, command.touchpad));
    return 'ack' as const;
  });
  deps.features.on('saveDeck', async (session, command) => {
    if (!session.deviceId) return 'ack' as const;
    const ids = new Set(command.deck.map((button) => button.id));
    if (ids.size !== command.deck.length) throw new FeatureRejected('bad-message', { why: 'duplicate-id' });
    tellPhone(session.deviceId, await store.saveDeck(session.deviceId, command.deck));
    return 'ack' as const;
  });
}
