/**
 * Windows, proven end to end: the real host runs as Windows code (Windows node.exe under Wine, so it picks
 * the win32 backend: libnut, SendInput through koffi, the GDI screen grab) and drives a real Windows
 * window (win-recorder.c) that logs the messages Windows delivers. The phone page in headless Chromium is
 * the remote. Pointer, buttons, drags, wheel (whole notches and smooth), pinch, exact text as UTF-16, the
 * screen preview, and held inputs let go when the phone goes. Needs scripts/wine-setup.sh (.ci/run runs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixedText, textChunks } from './support/mixed-text.mjs';
import type { WinEvent } from './support/wine.js';
import { only, typedText } from './support/wine.js';
import { startWineRig, type WineRig } from './support/wine-rig.js';

let rig: WineRig;
const VK_CONTROL = 0x11;
const VK_MENU = 0x12;
const VK_RETURN = 0x0d;
const VK_TAB = 0x09;
const VK_PACKET = 0xe7;

const buttons = (events: WinEvent[]) => only(events, 'down', 'up').map((e) => `${e.kind} ${e.button}`);
const wheelSum = (events: WinEvent[], kind: 'wheel' | 'hwheel') => only(events, kind).reduce((sum, e) => sum + e.delta, 0);

beforeAll(async () => {
  rig = await startWineRig('pointer');
}, 120_000);

afterAll(async () => {
  await rig?.stop();
});

describe('a Windows desktop driven by the phone (host and window under Wine)', () => {
  it('the host runs as Windows code with its input ready', () => {
    expect(rig.host.log).toMatch(/input: ready/);
    expect(rig.recorder.width).toBe(rig.x.width);
  });

  it("the terminal says which box of Windows' firewall question to tick, once, at the start", () => {
    const said = rig.host.log.split(/\r?\n/).filter((line) => line.includes('Private networks'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/Windows may ask whether DeskRemote may communicate on networks: tick “Private networks”/);
  });

  it('pointer moves land exactly where they were sent', async () => {
    const { raw, recorder } = rig;
    // Into the top left corner first (moves are clamped at 0), then exact steps from there.
    raw.send({ t: 'move', dx: -4000, dy: -4000 });
    await raw.flush();
    let since = recorder.count();
    raw.send({ t: 'move', dx: 300, dy: 200 });
    await raw.flush();
    await recorder.waitFor('the pointer at 300,200', since, (events) =>
      only(events, 'move').find((e) => e.x === 300 && e.y === 200),
    );
    since = recorder.count();
    raw.send({ t: 'move', dx: 123, dy: -45 });
    await raw.flush();
    await recorder.waitFor('the pointer at 423,155', since, (events) =>
      only(events, 'move').find((e) => e.x === 423 && e.y === 155),
    );
    // A finger dragged right on the touchpad moves the pointer right, not up or down.
    since = recorder.count();
    const centre = await rig.phone.padCenter();
    await rig.phone.drag([{ x: centre.x - 60, y: centre.y }], { x: 120, y: 0 });
    const moves = await recorder.waitFor('moves to the right', since, (events) => {
      const seen = only(events, 'move');
      const last = seen[seen.length - 1];
      return last && last.x > 423 + 50 ? seen : undefined;
    });
    expect(Math.abs((moves[moves.length - 1]?.y ?? 0) - 155)).toBeLessThanOrEqual(3);
  });

  it('pixels all over the screen are reached exactly, the last column and row included', async () => {
    const { raw, recorder } = rig;
    raw.send({ t: 'move', dx: -4000, dy: -4000 });
    await raw.flush();
    // libnut moves with absolute SendInput coordinates (0..65535 over the screen): each target must survive
    // the scaling there and back. Odd steps, so many residues of the scaling are met, then the far corner.
    const targets = Array.from({ length: 40 }, (_, i) => ({ x: (1 + i * 33) % rig.x.width, y: (1 + i * 19) % rig.x.height }));
    targets.push({ x: rig.x.width - 1, y: rig.x.height - 1 });
    let at = { x: 0, y: 0 };
    const missed: string[] = [];
    for (const target of targets) {
      const since = recorder.count();
      raw.send({ t: 'move', dx: target.x - at.x, dy: target.y - at.y });
      await raw.flush();
      const landed = await recorder.waitFor(`the pointer near ${target.x},${target.y}`, since, (events) =>
        only(events, 'move').at(-1),
      );
      if (landed.x !== target.x || landed.y !== target.y) missed.push(`${target.x},${target.y} -> ${landed.x},${landed.y}`);
      // The next step starts from where the pointer really is, as the host's own next move does.
      at = { x: landed.x, y: landed.y };
    }
    // Back to the middle, so the next tests' drags have room on every side.
    raw.send({ t: 'move', dx: (rig.x.width >> 1) - at.x, dy: (rig.x.height >> 1) - at.y });
    await raw.flush();
    expect(missed).toEqual([]);
  });

  it('a tap is a left click; two fingers a right click; three a middle click; where the pointer is', async () => {
    const { phone, recorder } = rig;
    const centre = await phone.padCenter();
    for (const [fingers, button] of [
      [1, 'left'],
      [2, 'right'],
      [3, 'middle'],
    ] as const) {
      const since = recorder.count();
      const points = Array.from({ length: fingers }, (_, i) => ({ x: centre.x - 40 + i * 40, y: centre.y }));
      await phone.tap(points);
      const seen = await recorder.waitFor(`a ${button} click`, since, (events) =>
        only(events, 'up').length > 0 ? events : undefined,
      );
      expect(buttons(seen), button).toEqual([`down ${button}`, `up ${button}`]);
      const [down] = only(seen, 'down');
      const lastMove = only(recorder.events().slice(0, since), 'move').at(-1);
      if (lastMove && down) expect({ x: down.x, y: down.y }).toEqual({ x: lastMove.x, y: lastMove.y });
    }
  });

  it('a double click is two left clicks in a row, quick enough for Windows to see a double click', async () => {
    const { raw, recorder } = rig;
    const since = recorder.count();
    expect(await raw.command({ t: 'click', button: 'left', double: true })).toMatchObject({ t: 'ack' });
    const seen = await recorder.waitFor('two clicks', since, (events) => (only(events, 'up').length >= 2 ? events : undefined));
    expect(buttons(seen)).toEqual(['down left', 'up left', 'down left', 'up left']);
    // In one place (the recorder has no CS_DBLCLKS, so Windows leaves both presses as they came).
    const [first, second] = only(seen, 'down');
    expect(first && second && { x: second.x - first.x, y: second.y - first.y }).toEqual({ x: 0, y: 0 });
  });

  it('a drag: the left button goes down, the pointer moves with it held, and it comes up elsewhere', async () => {
    const { phone, recorder } = rig;
    const centre = await phone.padCenter();
    const since = recorder.count();
    await phone.holdAndMove({ x: centre.x - 80, y: centre.y }, { x: 140, y: 60 });
    try {
      await recorder.waitFor('the button down and moves', since, (events) => {
        const down = events.findIndex((e) => e.kind === 'down');
        return down >= 0 && only(events.slice(down), 'move').length >= 3 ? true : undefined;
      });
      expect(only(recorder.since(since), 'up')).toEqual([]);
    } finally {
      // Never leave the finger (and the button) down for the tests after this one.
      await phone.liftAll();
    }
    const seen = await recorder.waitFor('the button up', since, (events) => (only(events, 'up').length ? events : undefined));
    expect(buttons(seen)).toEqual(['down left', 'up left']);
    const [down] = only(seen, 'down');
    const [up] = only(seen, 'up');
    expect(up && down && up.x - down.x).toBeGreaterThan(20);
    expect(up && down && up.y - down.y).toBeGreaterThan(5);
  });

  it('two fingers scroll vertically and sideways, the content following the fingers, only on the axis moved', async () => {
    const { phone, recorder } = rig;
    const centre = await phone.padCenter();
    const two = (dx: number, dy: number) => [
      { x: centre.x - 30 + dx, y: centre.y + dy },
      { x: centre.x + 30 + dx, y: centre.y + dy },
    ];
    let since = recorder.count();
    // Fingers up (natural scrolling): the content goes up, i.e. the view scrolls down: wheel towards the user.
    await phone.drag(two(0, 80), { x: 0, y: -160 });
    await recorder.settle();
    let seen = recorder.since(since);
    expect(only(seen, 'wheel').length).toBeGreaterThan(0);
    expect(only(seen, 'wheel').every((e) => e.delta < 0 && e.mods === '')).toBe(true);
    expect(wheelSum(seen, 'wheel')).toBeLessThanOrEqual(-240);
    // No sideways wheel at all (libnut sent a WM_MOUSEHWHEEL of 0 with every vertical notch).
    expect(only(seen, 'hwheel')).toEqual([]);

    since = recorder.count();
    await phone.drag(two(-80, 0), { x: 160, y: 0 });
    await recorder.settle();
    seen = recorder.since(since);
    expect(only(seen, 'hwheel').every((e) => e.delta < 0)).toBe(true);
    expect(wheelSum(seen, 'hwheel')).toBeLessThanOrEqual(-240);
    expect(only(seen, 'wheel')).toEqual([]);
  });

  it('a notch is 120: two notches down and one to the left arrive as -240 and -120', async () => {
    const { raw, recorder } = rig;
    const since = recorder.count();
    // 24 phone pixels make a notch (SCROLL_PIXELS_PER_STEP).
    raw.send({ t: 'scroll', dx: 0, dy: 48 });
    await raw.flush();
    raw.send({ t: 'scroll', dx: -24, dy: 0 });
    await raw.flush();
    const seen = await recorder.waitFor('two wheel events', since, (events) =>
      only(events, 'wheel', 'hwheel').length >= 2 ? events : undefined,
    );
    expect(only(seen, 'wheel', 'hwheel').map((e) => `${e.kind} ${e.delta}`)).toEqual(['wheel -240', 'hwheel -120']);
  });

  it('a short scroll arrives as a smooth delta below one notch, and the parts add up exactly', async () => {
    const { raw, recorder } = rig;
    const since = recorder.count();
    // 10 phone pixels down, twice, then 7 to the right: less than a notch each (24 px make a notch).
    raw.send({ t: 'scroll', dx: 0, dy: 10 });
    await raw.flush();
    raw.send({ t: 'scroll', dx: 0, dy: 10 });
    await raw.flush();
    raw.send({ t: 'scroll', dx: 7, dy: 0 });
    await raw.flush();
    const seen = await recorder.waitFor('smooth wheel deltas', since, (events) =>
      only(events, 'wheel').length >= 2 && only(events, 'hwheel').length >= 1 ? events : undefined,
    );
    expect(only(seen, 'wheel').every((e) => Math.abs(e.delta) < 120 && e.delta !== 0)).toBe(true);
    // 20 px = 100 units down (negative: towards the user); 7 px = 35 units to the right.
    expect(wheelSum(seen, 'wheel')).toBe(-100);
    expect(wheelSum(seen, 'hwheel')).toBe(35);
  });

  it('a pinch is Ctrl + wheel: fingers apart zoom in, together zoom out, and Ctrl is let go', async () => {
    const { phone, recorder } = rig;
    const centre = await phone.padCenter();
    let since = recorder.count();
    await phone.pinch(centre, 60, 260);
    await recorder.settle();
    let seen = recorder.since(since);
    expect(only(seen, 'wheel').length).toBeGreaterThan(0);
    expect(only(seen, 'wheel').every((e) => e.mods.includes('c'))).toBe(true);
    expect(wheelSum(seen, 'wheel')).toBeGreaterThan(0);
    expect(only(seen, 'keyup').some((e) => e.vk === VK_CONTROL)).toBe(true);

    since = recorder.count();
    await phone.pinch(centre, 260, 60);
    await recorder.settle();
    seen = recorder.since(since);
    expect(only(seen, 'wheel').every((e) => e.mods.includes('c'))).toBe(true);
    expect(wheelSum(seen, 'wheel')).toBeLessThan(0);
    // Ctrl went up after the last wheel: nothing stays held.
    const lastWheel = seen.findLastIndex((e) => e.kind === 'wheel');
    expect(only(seen.slice(lastWheel), 'keyup').some((e) => e.vk === VK_CONTROL)).toBe(true);
  });

  it('text typed on the phone arrives exactly, as UTF-16 units (accents, combining marks, CJK, RTL, emoji with skin tones, ZWJ, flags)', async () => {
    const { phone, recorder } = rig;
    const text =
      'Grüße, naïve café — señor Øre · e\u0301 a\u0308 n\u0303 · 你好，世界。日本語のテキスト 한국어 · ' +
      'שלום עולם مرحبا بالعالم · 👍🏽 👩🏿‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇫🇷🇯🇵 ❤️‍🔥 end';
    const since = recorder.count();
    await phone.tapButton('[data-tab=pad]');
    await phone.composeAndSend(text);
    const got = await recorder.waitFor(
      'the whole text',
      since,
      (events) => {
        const now = typedText(events);
        return now.length >= text.length ? now : undefined;
      },
      30_000,
    );
    const units = (s: string) => [...s].map((_, i) => s.charCodeAt(i).toString(16));
    expect(units(got)).toEqual(units(text));
    // Every unit came as a VK_PACKET key (KEYEVENTF_UNICODE), one WM_CHAR each.
    expect(only(recorder.since(since), 'keydown').filter((e) => e.vk === VK_PACKET)).toHaveLength(text.length);
  });

  it('line breaks and tabs arrive as the Return and Tab keys (Windows makes a carriage return and a tab of them)', async () => {
    const { raw, recorder } = rig;
    const text = 'first line\nsecond\r\nthird\t😀\n';
    const since = recorder.count();
    expect(await raw.command({ t: 'text', text })).toMatchObject({ t: 'ack' });
    const want = 'first line\rsecond\rthird\t😀\r';
    const got = await recorder.waitFor('three lines', since, (events) => {
      const now = typedText(events);
      return now.length >= want.length ? now : undefined;
    });
    expect(got).toBe(want);
    expect(only(recorder.since(since), 'keydown').filter((e) => e.vk === VK_RETURN)).toHaveLength(3);
    expect(only(recorder.since(since), 'keydown').filter((e) => e.vk === VK_TAB)).toHaveLength(1);
  });

  it('2,000 mixed characters arrive exactly', async () => {
    const { raw, recorder } = rig;
    const text = mixedText(2000, 7);
    const since = recorder.count();
    // In commands within the protocol's size limit, each acknowledged before the next.
    for (const chunk of textChunks(text)) {
      expect(await raw.command({ t: 'text', text: chunk }, 60_000)).toMatchObject({ t: 'ack' });
    }
    const want = text.replace(/\r\n?|\n/g, '\r');
    const got = await recorder.waitFor('2,000 characters', since, (events) => {
      const now = typedText(events);
      return now.length >= want.length ? now : undefined;
    });
    expect(got).toBe(want);
  }, 120_000);

  it('the screen preview shows the Windows screen through the Windows grab', async () => {
    const { phone } = rig;
    const { width, height, colors } = await phone.previewPixels(
      [0.12, 0.37, 0.62, 0.87].map((fx) => [fx, 0.5] as const),
      20_000,
    );
    const seen = { width, height, bands: colors };
    await phone.page.screenshot({ path: 'test-results/windows-preview.png' });
    expect(seen.width).toBe(480);
    expect(seen.width / seen.height).toBeCloseTo(rig.x.width / rig.x.height, 1);
    // The recorder paints red, green, blue and white bands (win-recorder.c): each in its place.
    const [red, green, blue, white] = seen.bands.map(([r = 0, g = 0, b = 0]) => ({ r, g, b }));
    expect(red && red.r > 150 && red.g < 90 && red.b < 90).toBe(true);
    expect(green && green.g > 120 && green.r < 90 && green.b < 110).toBe(true);
    expect(blue && blue.b > 150 && blue.r < 90 && blue.g < 130).toBe(true);
    expect(white && white.r > 200 && white.g > 200 && white.b > 200).toBe(true);
    await phone.tapButton('[data-testid=preview-toggle]');
  });

  it('a key and a button held from a phone are let go when that phone goes away', async () => {
    const { recorder } = rig;
    const other = await rig.openPhone();
    try {
      await other.tapButton('[data-tab=keys]');
      const box = await other.page.locator('[data-mod=alt]').boundingBox();
      if (!box) throw new Error('no Alt key on the page');
      const since = recorder.count();
      // Alt locked (a double tap), then the button held down on the touchpad.
      await other.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await new Promise((r) => setTimeout(r, 90));
      await other.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      await recorder.waitFor('Alt down', since, (events) => only(events, 'keydown', 'syskeydown').find((e) => e.vk === VK_MENU));
      await other.tapButton('[data-tab=pad]');
      const centre = await other.padCenter();
      await other.holdAndMove(centre, { x: 30, y: 0 });
      await recorder.waitFor('the button down', since, (events) => only(events, 'down')[0]);
      expect(only(recorder.since(since), 'up')).toEqual([]);
      const gone = recorder.count();
      await other.close();
      const seen = await recorder.waitFor('Alt and the button let go', gone, (events) =>
        only(events, 'up').length > 0 && only(events, 'keyup', 'syskeyup').some((e) => e.vk === VK_MENU) ? events : undefined,
      );
      expect(buttons(seen)).toEqual(['up left']);
    } finally {
      await other.close().catch(() => {});
    }
  });
});
