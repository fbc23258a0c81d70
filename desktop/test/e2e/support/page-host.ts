/**
 * A real host (in-memory driver) serving the built phone page under deskremote.test, started before a
 * file's tests and stopped after them, with the phones the tests open closed first.
 */
import { join } from 'node:path';
import type { Host, HostOptions } from '../../../src/host/host.js';
import { startTestHost } from '../../support/test-host.js';
import { assertChromium } from './chromium.js';
import { PHONE_HOST_NAME } from './host-process.js';
import type { Phone } from './phone.js';

export const PHONE_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'mobile-web', 'dist');

type Hook = (fn: () => Promise<unknown>) => void;

export function pageHost(beforeAll: Hook, afterAll: Hook, options: Partial<HostOptions> = {}) {
  const rig = { host: undefined as unknown as Host, phones: [] as Phone[] };
  beforeAll(async () => {
    assertChromium();
    ({ host: rig.host } = await startTestHost({ phoneDir: PHONE_DIR, names: [PHONE_HOST_NAME], ...options }));
  });
  afterAll(async () => {
    await Promise.all(rig.phones.map((p) => p.close()));
    await rig.host?.stop();
  });
  return rig;
}
