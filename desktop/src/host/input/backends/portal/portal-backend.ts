/**
 * Wayland through the xdg-desktop-portal's RemoteDesktop interface (GNOME, KDE Plasma): the only way a
 * Wayland compositor lets another program send input. Tried first in a Wayland session; where no portal
 * offers RemoteDesktop (wlroots compositors such as Sway), it says so and the X11 backend is tried next,
 * which reaches XWayland windows only. The permission is the compositor's own dialog (portal-consent.ts).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputAvailability } from '@deskremote/shared';
import { writeFileAtomic } from '../../../devices/atomic-file.js';
import type { InputBackendCandidate } from '../registry.js';
import { clipboardOver, findClipboardTool } from './clipboard-text.js';
import { PortalBus, type PortalInfo } from './portal-bus.js';
import { PortalConsent, type TokenStore } from './portal-consent.js';
import { PortalDriver, wakeKeyboard } from './portal-driver.js';

const KEYBOARD_AND_POINTER = 3;
const CONNECT_TIMEOUT_MS = 5000;

export const isWaylandSession = (env: NodeJS.ProcessEnv) => env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);

/** The restore token, kept like the device secrets: a file of the user's alone, written atomically. */
function tokenFile(dataDir: string): TokenStore {
  const path = join(dataDir, 'portal-restore-token.json');
  return {
    async load() {
      try {
        const token = (JSON.parse(await readFile(path, 'utf8')) as { token?: unknown }).token;
        return typeof token === 'string' ? token : undefined;
      } catch {
        return undefined;
      }
    },
    async save(token) {
      if (token) await writeFileAtomic(path, `${JSON.stringify({ token })}\n`);
      else await rm(path, { force: true });
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}

async function findPortal(): Promise<{ bus: PortalBus; info: PortalInfo } | string> {
  let bus: PortalBus | undefined;
  try {
    bus = await withTimeout(PortalBus.connect(), CONNECT_TIMEOUT_MS);
    if (!bus) return 'the session bus did not answer';
    const info = await withTimeout(bus.info(), CONNECT_TIMEOUT_MS);
    if (info && (info.deviceTypes & KEYBOARD_AND_POINTER) === KEYBOARD_AND_POINTER) return { bus, info };
    bus.disconnect();
    return 'no portal offers RemoteDesktop with a keyboard and a pointer';
  } catch (error) {
    bus?.disconnect();
    return error instanceof Error ? error.message : String(error);
  }
}

export const portalBackend: InputBackendCandidate = {
  name: 'wayland-portal',
  appliesTo: (platform, env) => platform === 'linux' && isWaylandSession(env),
  async open(_platform, env, context) {
    const found = await findPortal();
    if (typeof found === 'string') {
      context.log(`input: no RemoteDesktop portal (${found})`);
      return { availability: { status: 'unavailable', code: 'wayland-no-portal' }, driver: undefined };
    }
    const { bus, info } = found;
    const listeners = new Set<(availability: InputAvailability) => void>();
    const clipboardTool = await findClipboardTool(env);
    const clipboard = clipboardTool && clipboardOver(clipboardTool);
    const consent = new PortalConsent({
      bus,
      info,
      tokens: tokenFile(context.dataDir),
      onChange: (availability) => {
        for (const listener of listeners) listener(availability);
      },
      onStarted: (session) => wakeKeyboard(bus, session),
      log: context.log,
    });
    bus.onDisconnect((error) => {
      context.log(`portal: session bus: ${error.message}`);
      consent.fail(error.message);
    });
    context.log(
      clipboardTool
        ? `input: text outside ASCII is pasted through the clipboard with ${clipboardTool.name}`
        : 'input: neither xclip (with XWayland) nor wl-clipboard is installed: text outside ASCII cannot be typed on Wayland',
    );
    return {
      // Read when the host takes the backend: the permission may already have been granted by then.
      get availability() {
        return consent.availability();
      },
      driver: new PortalDriver({ bus, session: () => consent.session, clipboard }),
      watch: (listener) => listeners.add(listener),
      wanted: () => consent.ask(),
      close: async () => {
        await consent.close();
        bus.disconnect();
      },
    };
  },
};
