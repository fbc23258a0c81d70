import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from '../../../../scripts/chromium.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../scripts/chromium.mjs';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run 'apt-get install -y chromium' or set CHROMIUM_PATH`);
  }
}
