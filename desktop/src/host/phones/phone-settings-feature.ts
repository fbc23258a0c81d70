/**
 * The touchpad settings and the deck of buttons each phone keeps on the host: sent to a phone when it
 * connects, saved when it changes them, and sent to every connection of that phone after a change.
 */

import { Deck, type DeckButton } from '@deskremote/shared';
import * as v from 'valibot';
import type { FeatureDeps } from '../presenter/feature-deps.js';
import type { SessionPort } from '../session/feature-router.js';
import { Rejected } from '../session/rejected.js';
import type { PhoneSettings, PhoneSettingsStore } from './phone-settings-store.js';

export interface PhoneSettingsFeature {
  /** The person at the computer changed a phone's deck: keep it and tell that phone. */
  saveDeck(deviceId: string, deck: DeckButton[]): Promise<void>;
}

export function installPhoneSettings(
  deps: FeatureDeps,
  store: PhoneSettingsStore,
  onChanged: (deviceId: string) => void = () => {},
): PhoneSettingsFeature {
  const open = new Set<SessionPort>();
  const tell = (session: SessionPort, settings: PhoneSettings) =>
    session.send({ t: 'phoneSettings', touchpad: settings.touchpad, deck: settings.deck });
  const tellPhone = (deviceId: string, settings: PhoneSettings) => {
    for (const session of open) if (session.deviceId === deviceId) tell(session, settings);
    onChanged(deviceId);
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
    if (ids.size !== command.deck.length) throw new Rejected('bad-message', { why: 'duplicate-id' });
    tellPhone(session.deviceId, await store.saveDeck(session.deviceId, command.deck));
    return 'ack' as const;
  });
  return {
    saveDeck: async (deviceId, deck) => {
      const checked = v.safeParse(Deck, deck);
      if (!checked.success || new Set(checked.output.map((b) => b.id)).size !== checked.output.length) {
        throw new Error('not a deck of buttons');
      }
      tellPhone(deviceId, await store.saveDeck(deviceId, checked.output));
    },
  };
}
