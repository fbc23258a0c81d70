/**
 * X11 (and XWayland): nut-js for keys and media keys, our XTEST connection for the pointer and exact
 * text. The display is probed in a child process first, because libnut crashes the process instead of
 * failing when it cannot open it.
 */
import { probeInjection } from '../../display-probe.js';
import { assessEnvironment, READY } from '../../input-availability.js';
import { loadInputDriver } from '../../load-driver.js';
import type { InputBackendCandidate } from '../registry.js';

export const x11Backend: InputBackendCandidate = {
  name: 'x11',
  appliesTo: (platform) => platform === 'linux' || platform === 'freebsd' || platform === 'openbsd',
  async open(platform, env, context) {
    const assessed = assessEnvironment(platform, env);
    if (assessed?.status === 'unavailable') return { availability: assessed, driver: undefined };
    const probe = await probeInjection(env, context.runProbe);
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
    try {
      return { availability: assessed ?? READY, driver: await loadInputDriver(platform, env) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        availability: { status: 'unavailable', code: 'driver-failed', params: { error: message.slice(0, 200) } },
        driver: undefined,
      };
    }
  },
};
