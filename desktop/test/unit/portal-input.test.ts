import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClipboardTool, clipboardOver, PASTE_READ_MS } from '../../src/host/input/backends/portal/clipboard-text.js';
import type { PortalResponse } from '../../src/host/input/backends/portal/portal-bus.js';
import { PortalConsent, type TokenStore } from '../../src/host/input/backends/portal/portal-consent.js';
import { PortalDriver } from '../../src/host/input/backends/portal/portal-driver.js';

type Call = [member: string, ...args: unknown[]];

/** Records every call as the portal would receive it; answers requests from a script. */
function fakeBus(answers: Array<PortalResponse> = []) {
  const calls: Call[] = [];
  let closed: (() => void) | undefined;
  return {
    calls,
    closeSession: async (session: string) => {
      calls.push(['Close', session]);
    },
    onSessionClosed: (_session: string, listener: () => void) => {
      closed = listener;
    },
    closeFromCompositor: () => closed?.(),
    request: async (member: string, _signature: string, body: unknown[], options: Record<string, { value: unknown }>) => {
      calls.push([member, ...body, Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.value]))]);
      return answers.shift() ?? { code: 2, results: {} };
    },
    call: async (member: string, _signature: string, body: unknown[]) => {
      calls.push([member, ...body.slice(1)]);
    },
  };
}

const granted = (results: Record<string, unknown> = {}): PortalResponse => ({ code: 0, results });
const memoryTokens = (initial?: string): TokenStore & { token: string | undefined } => {
  const store = {
    token: initial,
    load: async () => store.token,
    save: async (token: string | undefined) => {
      store.token = token;
    },
  };
  return store;
};
const settle = () => new Promise((r) => setTimeout(r, 0));

function consentWith(bus: ReturnType<typeof fakeBus>, version: number, tokens = memoryTokens()) {
  const seen: string[] = [];
  const consent = new PortalConsent({
    bus,
    info: { version, deviceTypes: 7 },
    tokens,
    onChange: (a) => seen.push(a.code),
    onStarted: async () => {},
    log: () => {},
  });
  return { consent, seen, tokens };
}

describe('the portal permission', () => {
  it('asks once, and is ready when Start grants the devices', async () => {
    const bus = fakeBus([granted({ session_handle: '/s/1' }), granted(), granted({ devices: 3 })]);
    const { consent, seen } = consentWith(bus, 1);
    expect(consent.availability()).toEqual({ status: 'checking', code: 'portal-not-asked' });
    consent.ask();
    consent.ask();
    await settle();
    await settle();
    expect(bus.calls.map((c) => c[0])).toEqual(['CreateSession', 'SelectDevices', 'Start']);
    // Version 1: no persist_mode, no restore token.
    expect(bus.calls[1]?.at(-1)).toEqual({ types: 3, handle_token: undefined });
    expect(seen).toEqual(['portal-asking', 'ok']);
    expect(consent.session).toBe('/s/1');
  });

  it('a refusal is told, its session closed, and the next ask starts over', async () => {
    const bus = fakeBus([granted({ session_handle: '/s/1' }), granted(), { code: 1, results: {} }]);
    const { consent, seen, tokens } = consentWith(bus, 2, memoryTokens('old-token'));
    consent.ask();
    for (let i = 0; i < 5; i++) await settle();
    expect(seen).toEqual(['portal-asking', 'portal-refused']);
    expect(consent.availability().status).toBe('unavailable');
    expect(bus.calls.at(-1)).toEqual(['Close', '/s/1']);
    // The refused grant is forgotten, so it is not offered again.
    expect(tokens.token).toBeUndefined();
    consent.ask();
    expect(seen.at(-1)).toBe('portal-asking');
  });

  it('version 2 keeps the grant: persist_mode 2, the saved token offered, the new one saved', async () => {
    const bus = fakeBus([granted({ session_handle: '/s/1' }), granted(), granted({ devices: 3, restore_token: 'new' })]);
    const { consent, tokens } = consentWith(bus, 2, memoryTokens('saved'));
    consent.ask();
    for (let i = 0; i < 5; i++) await settle();
    expect(bus.calls[1]?.at(-1)).toMatchObject({ types: 3, persist_mode: 2, restore_token: 'saved' });
    expect(tokens.token).toBe('new');
  });

  it('a session the compositor closes is explained, and no session is offered to the driver', async () => {
    const bus = fakeBus([granted({ session_handle: '/s/1' }), granted(), granted({ devices: 3 })]);
    const { consent, seen } = consentWith(bus, 1);
    consent.ask();
    for (let i = 0; i < 5; i++) await settle();
    bus.closeFromCompositor();
    expect(seen.at(-1)).toBe('portal-closed');
    expect(consent.session).toBeUndefined();
  });
});

describe('the portal going away', () => {
  it('a lost bus is a failure with its reason, and the next ask starts over', async () => {
    const bus = fakeBus([granted({ session_handle: '/s/1' }), granted(), granted({ devices: 3 })]);
    const { consent, seen } = consentWith(bus, 1);
    consent.ask();
    for (let i = 0; i < 5; i++) await settle();
    consent.fail('the connection was closed');
    expect(consent.availability()).toEqual({
      status: 'unavailable',
      code: 'portal-failed',
      params: { error: 'the connection was closed' },
    });
    expect(consent.session).toBeUndefined();
    consent.ask();
    expect(seen.at(-1)).toBe('portal-asking');
  });
});

describe('the portal driver', () => {
  const driverWith = (session: string | null = '/s/1', clipboard = true) => {
    const bus = fakeBus();
    const driver = new PortalDriver({
      bus,
      session: () => session ?? undefined,
      // The clipboard's steps go into the same list as the portal calls, so their order is checked too.
      clipboard: clipboard
        ? {
            borrow: async (pasteKeys, work) => {
              bus.calls.push(['borrow']);
              await work(async (text) => {
                bus.calls.push(['put', text]);
                await pasteKeys();
              });
              bus.calls.push(['give back']);
            },
          }
        : undefined,
    });
    return { bus, driver };
  };

  it('keys with a fixed place go as evdev keycodes, letters as keysyms, in press-release order', async () => {
    const { bus, driver } = driverWith();
    await driver.tapKey('t', ['ctrl', 'shift']);
    expect(bus.calls).toEqual([
      ['NotifyKeyboardKeycode', {}, 29, 1],
      ['NotifyKeyboardKeycode', {}, 42, 1],
      ['NotifyKeyboardKeysym', {}, 0x74, 1],
      ['NotifyKeyboardKeysym', {}, 0x74, 0],
      ['NotifyKeyboardKeycode', {}, 42, 0],
      ['NotifyKeyboardKeycode', {}, 29, 0],
    ]);
  });

  it('buttons are evdev codes, wheel steps discrete on their axis', async () => {
    const { bus, driver } = driverWith();
    await driver.click('right', false);
    await driver.scrollSteps(-1, 2);
    expect(bus.calls).toEqual([
      ['NotifyPointerButton', {}, 0x111, 1],
      ['NotifyPointerButton', {}, 0x111, 0],
      ['NotifyPointerAxisDiscrete', {}, 0, 2],
      ['NotifyPointerAxisDiscrete', {}, 1, -1],
    ]);
  });

  it('text: ASCII as keysyms, from the first to the last other character one paste per line, Enter between', async () => {
    const { bus, driver } = driverWith();
    await driver.typeText('ab 你 c 好!\nü\r\nd');
    const steps = bus.calls
      .filter((c) => c[3] !== 0)
      .map((c) => (c[0].startsWith('Notify') ? `${c[0] === 'NotifyKeyboardKeysym' ? 'sym' : 'code'}:${c[2]}` : c.join(':')));
    expect(steps).toEqual([
      'borrow',
      ...['sym:97', 'sym:98', 'sym:32'],
      'put:你 c 好',
      ...['code:29', 'sym:118'],
      'sym:33',
      'code:28',
      'put:ü',
      ...['code:29', 'sym:118'],
      'code:28',
      'sym:100',
      'give back',
    ]);
  });

  it('text the layout has never touches the clipboard', async () => {
    const { bus, driver } = driverWith();
    await driver.typeText('plain\ttext');
    expect(bus.calls.some((c) => c[0] === 'borrow')).toBe(false);
  });

  it('without a clipboard tool, text outside ASCII is refused before anything is sent', () => {
    const { driver } = driverWith('/s/1', false);
    expect(driver.textProblem('ok ✓')).toEqual({ char: '✓', reason: 'ascii-only' });
    expect(driver.textProblem('plain\ttext\n')).toBeUndefined();
  });

  it('with no started session, nothing is sent and the command fails', async () => {
    const { bus, driver } = driverWith(null);
    await expect(driver.moveBy(1, 1)).rejects.toThrow(/not started/);
    expect(bus.calls).toEqual([]);
  });
});

describe('the borrowed clipboard', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The application in these tests fetches a paste this long after Ctrl+V. */
  const FETCH_MS = 250;

  /** A clipboard in memory, with the tool's calls in order; fetch() is the application fetching the text. */
  const memoryTool = (held: string | undefined) => {
    const calls: string[] = [];
    let fetched: (() => void) | undefined;
    const tool: ClipboardTool & { held: string | undefined; fetch: () => void } = {
      name: 'memory',
      held,
      read: async () => {
        calls.push('read');
        return tool.held === undefined ? undefined : { text: tool.held };
      },
      restore: async (saved) => {
        if (!('text' in saved)) throw new Error('only text in this test');
        calls.push(`restore:${saved.text}`);
        tool.held = saved.text;
      },
      write: async (text) => {
        calls.push(`write:${text}`);
        tool.held = text;
        return {
          nextFetch: () =>
            new Promise<void>((resolve) => {
              fetched = resolve;
            }),
        };
      },
      clear: async () => {
        calls.push('clear');
        tool.held = undefined;
      },
      fetch: () => {
        calls.push(`fetched ${tool.held}`);
        fetched?.();
      },
    };
    return { tool, calls };
  };

  /** Runs borrow() with time moving on by itself; Ctrl+V is noted in the calls, and the application fetches after it. */
  async function borrowing(
    { tool, calls }: ReturnType<typeof memoryTool>,
    work: (paste: (text: string) => Promise<void>) => Promise<void>,
  ) {
    vi.useFakeTimers();
    const start = Date.now();
    const done = clipboardOver(tool).borrow(async () => {
      calls.push(`Ctrl+V at ${Date.now() - start} ms`);
      setTimeout(tool.fetch, FETCH_MS);
    }, work);
    const settled = done.then(
      () => undefined,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(PASTE_READ_MS * 10);
    return settled;
  }

  it('pastes each text, goes on once the application has fetched it, and puts back what it held', async () => {
    const memory = memoryTool('what the user copied');
    await borrowing(memory, async (paste) => {
      await paste('ü');
      await paste('你好');
    });
    expect(memory.calls).toEqual([
      'read',
      'write:ü',
      'Ctrl+V at 0 ms',
      // Nothing else happens until the application has the first text.
      'fetched ü',
      'write:你好',
      `Ctrl+V at ${FETCH_MS} ms`,
      'fetched 你好',
      'restore:what the user copied',
    ]);
    expect(memory.tool.held).toBe('what the user copied');
  });

  it('empties a clipboard that held no text, and does so when the typing fails too', async () => {
    const memory = memoryTool(undefined);
    const error = await borrowing(memory, async (paste) => {
      await paste('secret ü');
      throw new Error('the session closed');
    });
    expect(error).toBeInstanceOf(Error);
    expect(memory.calls).toEqual(['read', 'write:secret ü', 'Ctrl+V at 0 ms', 'fetched secret ü', 'clear']);
    expect(memory.tool.held).toBeUndefined();
  });
});
