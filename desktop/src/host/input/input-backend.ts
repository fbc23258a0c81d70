import type { InputAvailability } from '@deskremote/shared';
import { probeInjection } from './display-probe.js';
import { assessEnvironment, READY } from './input-availability.js';
import type { InputDriver } from './input-driver.js';
import { loadInputDriver } from './load-driver.js';

export interface InputBackend {
  availability: InputAvailability;
  driver: InputDriver | undefined;
}

/** Decides whether input can be injected here and, if it can, loads the real driver. Never throws. */
export async function openNutBackend(platform = process.platform, env = process.env): Promise<InputBackend> {
  const assessed = assessEnvironment(platform, env);
  if (assessed?.status === 'unavailable') return { availability: assessed, driver: undefined };
  if (platform !== 'darwin' && platform !== 'win32') {
    const probe = await probeInjection(env);
    if (!probe.ok) {
      return {
        availability: {
          status: 'unavailable',
          code: 'display-unreachable',
          params: { display: env.DISPLAY ?? '', error: probe.detail.slice(0, 200) },
        },
        driver: undefined,
      };
    }
  }
  try {
    const driver = await loadInputDriver(platform, env);
    return { availability: assessed ?? READY, driver };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      availability: { status: 'unavailable', code: 'driver-failed', params: { error: message.slice(0, 200) } },
      driver: undefined,
    };
  }
}
