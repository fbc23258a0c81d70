/** The user's settings, kept as settings.json in the data folder and written atomically. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_PORT } from '@deskremote/shared';
import * as v from 'valibot';
import { writeFileAtomic } from '../devices/atomic-file.js';

const Settings = v.object({
  port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024), v.maxValue(65535)), DEFAULT_PORT),
  /** A new phone waits for "Allow" on the desktop. */
  requireApproval: v.optional(v.boolean(), true),
  /** The screen the desktop app draws the laser pointer on (Electron's display id); 'auto' decides by itself. */
  overlayDisplay: v.optional(v.union([v.literal('auto'), v.pipe(v.number(), v.integer(), v.minValue(0))]), 'auto'),
  /** The address the QR code carries; 'auto': the likeliest (a real network card before a VPN). */
  address: v.optional(v.union([v.literal('auto'), v.pipe(v.string(), v.ip())]), 'auto'),
});
const DEFAULTS: Settings = { port: DEFAULT_PORT, requireApproval: true, overlayDisplay: 'auto', address: 'auto' };
export type Settings = v.InferOutput<typeof Settings>;

export async function loadSettings(dataDir: string): Promise<Settings> {
  try {
    const result = v.safeParse(Settings, JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')));
    if (result.success) return result.output;
  } catch {
    // Missing or unreadable: the defaults, and the file is only replaced when the user changes a setting.
  }
  return { ...DEFAULTS };
}

/** Changes some settings and keeps the rest as they are on disk. */
export async function saveSettings(dataDir: string, changes: Partial<Settings>): Promise<Settings> {
  const settings = { ...(await loadSettings(dataDir)), ...changes };
  await writeFileAtomic(join(dataDir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return settings;
}
