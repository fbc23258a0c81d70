/**
 * macOS and Windows through nut-js's prebuilt libnut. On macOS nothing is injected until the user
 * allows the app under Accessibility; only the Electron shell can ask, so it refines this availability.
 */
import { assessEnvironment, READY } from '../../input-availability.js';
import type { InputBackendCandidate } from '../registry.js';
import { loadNutDriver } from './nut-driver.js';

export const nutBackend: InputBackendCandidate = {
  name: 'nut-js',
  appliesTo: (platform) => platform === 'darwin' || platform === 'win32',
  async open(platform, env) {
    try {
      return { availability: assessEnvironment(platform, env) ?? READY, driver: await loadNutDriver(platform) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        availability: { status: 'unavailable', code: 'driver-failed', params: { error: message.slice(0, 200) } },
        driver: undefined,
      };
    }
  },
};
