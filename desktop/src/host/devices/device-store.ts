/**
 * The paired phones, kept in devices.json in the data folder. The host keeps each device's secret
 * because verifying an HMAC needs it; the file is readable by the user alone and written atomically.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeviceId } from '@deskremote/shared';
import * as v from 'valibot';
import { writeFileAtomic } from './atomic-file.js';

/** What the phone's browser said it is (model, system, browser), read from its User-Agent; shown as text only. */
const SeenAs = v.object({ model: v.optional(v.string()), os: v.optional(v.string()), browser: v.optional(v.string()) });
const StoredDevice = v.object({
  id: DeviceId,
  /** The name the phone gave itself at pairing. */
  name: v.string(),
  /** The name the person at the computer gave it, shown instead (two "Pixel 7"s told apart). */
  label: v.optional(v.string()),
  secret: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)),
  pairedAt: v.number(),
  lastSeenAt: v.number(),
  /** Where and as what it was last seen. */
  address: v.optional(v.string()),
  seenAs: v.optional(SeenAs),
});
const DeviceFile = v.object({ version: v.literal(1), devices: v.array(StoredDevice) });
export type StoredDevice = v.InferOutput<typeof StoredDevice>;

export class DeviceStore {
  private devices = new Map<string, StoredDevice>();
  private writing: Promise<void> = Promise.resolve();
  readonly path: string;

  private constructor(dataDir: string) {
    this.path = join(dataDir, 'devices.json');
  }

  /** Opens the store; a missing file is an empty store, an unreadable one is set aside, never overwritten blindly. */
  static async open(dataDir: string, warn: (message: string) => void = () => {}): Promise<DeviceStore> {
    const store = new DeviceStore(dataDir);
    let text: string | undefined;
    try {
      text = await readFile(store.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text !== undefined) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const result = v.safeParse(DeviceFile, parsed);
      if (result.success) {
        for (const device of result.output.devices) store.devices.set(device.id, device);
      } else {
        const aside = `${store.path}.unreadable-${Date.now()}`;
        await writeFileAtomic(aside, text);
        warn(`devices.json could not be read; kept it as ${aside} and started with no paired phones`);
      }
    }
    return store;
  }

  get(id: string): StoredDevice | undefined {
    return this.devices.get(id);
  }

  list(): StoredDevice[] {
    return [...this.devices.values()].sort((a, b) => a.pairedAt - b.pairedAt);
  }

  async add(device: StoredDevice): Promise<void> {
    this.devices.set(device.id, device);
    await this.save();
  }

  async remove(id: string): Promise<boolean> {
    const existed = this.devices.delete(id);
    if (existed) await this.save();
    return existed;
  }

  async touch(id: string, at: number, seen?: { address: string; seenAs: v.InferOutput<typeof SeenAs> }): Promise<void> {
    const device = this.devices.get(id);
    if (!device) return;
    device.lastSeenAt = at;
    if (seen) {
      device.address = seen.address;
      device.seenAs = seen.seenAs;
    }
    await this.save();
  }

  /** Gives the device a name of the person's choosing; undefined goes back to the phone's own. */
  async rename(id: string, label: string | undefined): Promise<boolean> {
    const device = this.devices.get(id);
    if (!device) return false;
    if (label === undefined) delete device.label;
    else device.label = label;
    await this.save();
    return true;
  }

  /** Writes are chained so that two quick changes cannot land out of order. */
  private save(): Promise<void> {
    const snapshot = JSON.stringify({ version: 1, devices: this.list() }, null, 2);
    this.writing = this.writing.catch(() => {}).then(() => writeFileAtomic(this.path, snapshot));
    return this.writing;
  }
}
