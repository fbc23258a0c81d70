/**
 * Whether this Linux session shows tray icons: Electron's tray is a StatusNotifierItem, seen only when a
 * StatusNotifierWatcher owns its name on the session bus (KDE, most panels, GNOME only with the
 * AppIndicator extension; plain GNOME on Fedora and Debian has none). Without one the tray icon is
 * invisible, so the desktop app must not hide its window into it. Plain Node (dbus-next), so the app
 * gets it injected and its test passes a stand-in.
 */
import dbus from 'dbus-next';

export const STATUS_NOTIFIER_WATCHER = 'org.kde.StatusNotifierWatcher';

/** False when there is no session bus, it does not answer within `timeoutMs`, or nobody owns the name. */
export async function hasStatusNotifierHost(timeoutMs = 2000): Promise<boolean> {
  let bus: dbus.MessageBus | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    bus = dbus.sessionBus();
    // A bus that cannot connect reports it as an 'error' event; unheard, that would end the process.
    const failed = new Promise<never>((_, reject) => bus?.once('error', reject));
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const asked = bus.call(
      new dbus.Message({
        destination: 'org.freedesktop.DBus',
        path: '/org/freedesktop/DBus',
        interface: 'org.freedesktop.DBus',
        member: 'NameHasOwner',
        signature: 's',
        body: [STATUS_NOTIFIER_WATCHER],
      }),
    );
    const reply = await Promise.race([asked, failed, late]);
    return reply !== false && reply?.body[0] === true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    bus?.on('error', () => {});
    bus?.disconnect();
  }
}
