/**
 * What the host keeps for each phone: its touchpad settings and its deck of buttons, in one file beside
 * the paired devices, written atomically. A file that does not parse, or a phone's entry that no longer
 * fits the schema, is replaced by the defaults (and logged): settings are a comfort, never a reason not to start.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TOUCHPAD_SETTINGS, Deck, type DeckButton, TouchpadSettings } from '@deskremote/shared';
import * as v from 'valibot';
import { writeFileAtomic } from '../devices/atomic-file.js';

export interface PhoneSettings {
  touchpad: TouchpadSettings;
  deck: DeckButton[];
}

const FILE_NAME = 'phone-settings.json';
const Stored = v.record(v.string(), v.object({ touchpad: v.optional(v.unknown()), deck: v.optional(v.unknown()) }));

export class PhoneSettingsStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    private readonly phones: Map<string, PhoneSettings>,
  ) {}

  static async open(dataDir: string, warn: (line: string) => void = () => {}): Promise<PhoneSettingsStore> {
    const path = join(dataDir, FILE_NAME);
    const phones = new Map<string, PhoneSettings>();
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      // No file yet: every phone has the defaults.
    }
    if (text !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        warn(`${FILE_NAME} is not JSON; phones start from the default settings`);
      }
      const stored = v.safeParse(Stored, parsed);
      if (stored.success) {
        for (const [id, entry] of Object.entries(stored.output)) {
          const touchpad = v.safeParse(TouchpadSettings, entry.touchpad);
          const deck = v.safeParse(Deck, entry.deck);
          if (!touchpad.success || !deck.success) warn(`settings of phone ${id.slice(0, 8)}… did not fit; defaults used`);
          phones.set(id, {
            touchpad: touchpad.success ? touchpad.output : { ...DEFAULT_TOUCHPAD_SETTINGS },
            deck: deck.success ? deck.output : [],
          });
        }
      }
    }
    return new PhoneSettingsStore(path, phones);
  }

  get(deviceId: string): PhoneSettings {
    return this.phones.get(deviceId) ?? { touchpad: { ...DEFAULT_TOUCHPAD_SETTINGS }, deck: [] };
  }

  async saveTouchpad(deviceId: string, touchpad: TouchpadSettings): Promise<PhoneSettings> {
    return this.put(deviceId, { ...this.get(deviceId), touchpad });
  }

  async saveDeck(deviceId: string, deck: DeckButton[]): Promise<PhoneSettings> {
    return this.put(deviceId, { ...this.get(deviceId), deck });
  }

  /** A removed phone's settings go with it. */
  async forget(deviceId: string): Promise<void> {
    if (!this.phones.delete(deviceId)) return;
    await this.flush();
  }

  private async put(deviceId: string, settings: PhoneSettings): Promise<PhoneSettings> {
    this.phones.set(deviceId, settings);
    await this.flush();
    return settings;
  }

  /** Writes one after another, each with everything known by then. */
  private flush(): Promise<void> {
    const next = this.writing.then(() => writeFileAtomic(this.path, JSON.stringify(Object.fromEntries(this.phones), null, 1)));
    this.writing = next.catch(() => {});
    return next;
  }
}
