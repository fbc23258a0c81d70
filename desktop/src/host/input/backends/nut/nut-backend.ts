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
      const driver = await loadNutDriver(platform);
      // Never ASCII-only in silence: the phone and the window say so before a text is refused.
      const limited = driver.exactTextProblem
        ? ({ status: 'limited', code: 'text-ascii-only', params: { error: driver.exactTextProblem.slice(0, 200) } } as const)
        : undefined;
      return { availability: assessEnvironment(platform, env) ?? limited ?? READY, driver };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        availability: { status: 'unavailable', code: 'driver-failed', params: { error: message.slice(0, 200) } },
        driver: undefined,
      };
    }
  },
};
