/**
 * The speaker's panel laid out for every phone: no two controls overlap, none leaves the screen, and the
 * slide app's chip is readable, on 360×640, 375×667 and 390×844, upright and sideways, with the soft
 * keyboard up (the go-to field focused, the page squeezed as a keyboard does) and down, in English and
 * Chinese. Measured in the real page (element rectangles), not judged from pictures alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImpressStandIn, startImpressStandIn } from './support/impress-stand-in.js';
import { pageHost } from './support/page-host.js';
import { Phone } from './support/phone.js';

const SIZES = [
  [360, 640],
  [375, 667],
  [390, 844],
] as const;
/** What is left of the screen's height while the soft keyboard is up (as in phone-languages). */
const KEYBOARD_SHARE = 0.55;
const rig = pageHost(beforeAll, afterAll);
/** The same panel while a show runs: the speaker's view (slide, next slide, notes, grid) takes Next's place. */
let impress: ImpressStandIn;
/** Read as the host starts (after the stand-in is listening). */
const showOptions = { impressPort: 0 };
beforeAll(async () => {
  impress = await startImpressStandIn(12, 3);
  showOptions.impressPort = impress.port;
});
afterAll(async () => {
  await impress?.stop();
});
const withShow = pageHost(beforeAll, afterAll, showOptions);

interface Layout {
  overlaps: string[];
  outside: string[];
  /** Buttons whose words do not fit them (cut off, or spilling out). */
  clipped: string[];
  chip: { shown: number; whole: number } | undefined;
}

/** Every control's rectangle in the page, checked pairwise; run in the page. */
function measure(): Layout {
  const name = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}${
      e.getAttribute('data-slide') ? `[slide=${e.getAttribute('data-slide')}]` : ''
    }${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''}`;
  const visible = (e: Element) => {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.opacity !== '0';
  };
  // The chip's select lies over the chip on purpose (the whole chip opens it): the chip stands for both.
  const controls = [
    ...document.querySelectorAll(
      '.app button, .app input, .app output, .app [data-testid=profile-chip], [data-testid=status] .status-text',
    ),
  ].filter(visible);
  const width = window.innerWidth;
  const height = window.visualViewport?.height ?? window.innerHeight;
  const overlaps: string[] = [];
  const outside: string[] = [];
  const rects = controls.map((e) => e.getBoundingClientRect());
  for (let i = 0; i < controls.length; i++) {
    const a = rects[i] as DOMRect;
    const ea = controls[i] as Element;
    if (a.left < -1 || a.top < -1 || a.right > width + 1 || a.bottom > height + 1) outside.push(name(ea));
    for (let j = i + 1; j < controls.length; j++) {
      const b = rects[j] as DOMRect;
      const eb = controls[j] as Element;
      if (ea.contains(eb) || eb.contains(ea)) continue;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlaps.push(`${name(ea)} × ${name(eb)}`);
    }
  }
  const clipped = controls
    .filter((e) => e.tagName === 'BUTTON' && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
    .map(name);
  const value = document.querySelector('.profile-value');
  const chip = value ? { shown: value.clientWidth, whole: value.scrollWidth } : undefined;
  return { overlaps, outside, clipped, chip };
}

describe.each([
  ['en', 'en-US', false],
  ['zh', 'zh-CN', false],
  ['en', 'en-US', true],
  ['zh', 'zh-CN', true],
])('the speaker panel in %s (a show told by its app: %s)', (lang, locale, show) => {
  it('has no overlapping controls, nothing off screen and a readable app chip on every phone', async () => {
    const on = show ? withShow : rig;
    const phone = await Phone.open(on.host.pairingUrl(), 'Pixel 7', locale);
    on.phones.push(phone);
    await phone.waitConnected();
    await phone.tapButton('[data-tab=slides]');
    await phone.page.waitForSelector('[data-testid=presenter]');
    if (show) {
      await phone.page.waitForSelector('[data-testid=show-current] img', { timeout: 15_000 });
      await phone.page.waitForSelector('[data-testid=show-next] img', { timeout: 15_000 });
    }
    const tag = show ? `${lang}-show` : lang;
    const faults: string[] = [];
    for (const [w, h] of SIZES) {
      for (const [orientation, width, height] of [
        ['portrait', w, h],
        ['landscape', h, w],
      ] as const) {
        for (const keyboard of [false, true]) {
          await phone.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
          await phone.page.setViewportSize({ width, height });
          await phone.page.waitForTimeout(120);
          if (keyboard) {
            await phone.page.focus('[data-testid=goto-number]');
            await phone.page.setViewportSize({ width, height: Math.round(height * KEYBOARD_SHARE) });
            await phone.page.waitForTimeout(120);
          }
          const where = `${width}×${height} ${orientation}${keyboard ? ' keyboard up' : ''}`;
          await phone.page.screenshot({
            path: `test-results/speaker-${tag}-${width}x${height}${keyboard ? '-keyboard' : ''}.png`,
          });
          const layout = await phone.page.evaluate(measure);
          for (const overlap of layout.overlaps) faults.push(`${where}: ${overlap}`);
          for (const out of layout.outside) faults.push(`${where}: off screen ${out}`);
          for (const cut of layout.clipped) faults.push(`${where}: words cut off in ${cut}`);
          // The chip names the app: at least most of its words show, never a letter and an ellipsis.
          if (layout.chip && layout.chip.shown < Math.min(layout.chip.whole, 72))
            faults.push(`${where}: chip shows ${layout.chip.shown} of ${layout.chip.whole} px`);
        }
      }
    }
    await phone.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(faults).toEqual([]);
  }, 120_000);
});
