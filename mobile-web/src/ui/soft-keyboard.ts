/**
 * Whether the phone's soft keyboard is up: a text field has focus and the page got much shorter than
 * it is at this width without the keyboard. Marked on <html> as data-keyboard="open", so the layout can
 * keep the field and the keys in sight instead of flipping to its landscape rail (a page squeezed by
 * the keyboard is wider than tall, but the phone is still upright).
 */
const SHORTER_THAN = 0.75;

export function watchSoftKeyboard(root: HTMLElement = document.documentElement): () => void {
  /** The tallest the page has been at each width: the height without a keyboard. */
  const tallest = new Map<number, number>();
  const height = () => window.visualViewport?.height ?? window.innerHeight;
  const update = () => {
    const width = window.innerWidth;
    const now = height();
    const focused = document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLTextAreaElement;
    if (!focused) tallest.set(width, Math.max(tallest.get(width) ?? 0, now));
    const full = tallest.get(width) ?? screen.height;
    const open = focused && now < full * SHORTER_THAN;
    if (open) root.dataset.keyboard = 'open';
    else delete root.dataset.keyboard;
  };
  const events: Array<[EventTarget, string]> = [
    [window, 'resize'],
    [document, 'focusin'],
    [document, 'focusout'],
    ...(window.visualViewport ? ([[window.visualViewport, 'resize']] as Array<[EventTarget, string]>) : []),
  ];
  // focusout fires before the next element has focus: look once the focus has moved.
  const onEvent = () => setTimeout(update, 0);
  for (const [target, name] of events) target.addEventListener(name, onEvent);
  update();
  return () => {
    for (const [target, name] of events) target.removeEventListener(name, onEvent);
  };
}
