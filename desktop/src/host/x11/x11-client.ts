/**
 * The one way DeskRemote opens a connection to an X display: input (XTEST), the focus watch and the preview
 * grab each open their own through it, so none of them waits on another's round trips, and the typings of
 * the pure-JavaScript client are one set (x11-protocol.d.ts).
 */
import * as x11 from 'x11';

/**
 * Connects to `displayName` (DISPLAY when undefined). A failure to connect rejects; an error afterwards (the
 * server gone) goes to `onError`.
 */
export function openX11Display(
  displayName: string | undefined,
  onError: (error: Error) => void = () => {},
): Promise<x11.XDisplay> {
  return new Promise((resolve, reject) => {
    let opened = false;
    const client = x11.createClient(displayName ? { display: displayName } : {}, (error, display) => {
      if (error) return reject(error);
      opened = true;
      resolve(display);
    });
    client.on('error', (error) => (opened ? onError(error) : reject(error)));
  });
}
