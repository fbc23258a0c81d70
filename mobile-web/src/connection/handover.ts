/**
 * Brings this phone's pairing to the same computer's page on another port, where its host moved (its
 * port was taken when it started). Each origin has storage of its own, so the pairing is handed over
 * in a hidden frame of that origin's handover page (mobile-web/public/handover.js), which keeps it only
 * from the same computer name and only where it has none. Called once a socket to that port has been
 * welcomed: the welcome proved it is the computer this phone paired with.
 */
import type { DeviceCredentials } from '@deskremote/shared';

export function handOver(target: string, credentials: DeviceCredentials, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.src = `${target}/handover.html`;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      frame.remove();
      resolve(ok);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== target || event.source !== frame.contentWindow) return;
      const data = event.data as { t?: unknown; ok?: unknown } | null;
      if (data?.t === 'deskremote-handover-done') done(data.ok === true);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    window.addEventListener('message', onMessage);
    frame.onload = () =>
      frame.contentWindow?.postMessage(
        { t: 'deskremote-handover', deviceId: credentials.deviceId, secret: credentials.secret },
        target,
      );
    document.body.append(frame);
  });
}

/** The query the moved page is opened with, so it can say what happened: the port it moved from. */
export const MOVED_FROM_PARAM = 'moved-from';
