import { describe, expect, it } from 'vitest';
import { parseAppArgs, parseHostArgs } from '../../src/host/host-args.js';

const NONE = { approveAll: false, noQr: false, headless: false, help: false };

describe('the host options on the command line', () => {
  it('reads every option, --name as many times as given', () => {
    const parsed = parseHostArgs([
      '--port',
      '9000',
      '--bind=127.0.0.1',
      '--name',
      'studio.local',
      '--name=desk.lan',
      '--data-dir',
      '/tmp/d',
      '--approve-all',
      '--no-qr',
    ]);
    expect(parsed).toEqual({
      ok: true,
      args: {
        ...NONE,
        port: 9000,
        bind: '127.0.0.1',
        names: ['studio.local', 'desk.lan'],
        dataDir: '/tmp/d',
        approveAll: true,
        noQr: true,
      },
    });
  });

  it('leaves out what was not given, so the saved settings apply', () => {
    expect(parseHostArgs([])).toEqual({ ok: true, args: NONE });
    expect(parseHostArgs(['--port', '0'])).toEqual({ ok: true, args: { ...NONE, port: 0 } });
  });

  it.each(['80000', '-1', 'abc', '1.5', ''])('refuses --port %j', (value) => {
    expect(parseHostArgs([`--port=${value}`])).toEqual({ ok: false, error: { code: 'bad-port', value } });
  });

  it('names the option it does not know, or that lacks its value', () => {
    expect(parseHostArgs(['--prot', '9000'])).toEqual({ ok: false, error: { code: 'unknown-option', option: '--prot' } });
    expect(parseHostArgs(['--port'])).toEqual({ ok: false, error: { code: 'bad-value', option: '--port' } });
    expect(parseHostArgs(['--approve-all=yes'])).toEqual({ ok: false, error: { code: 'bad-value', option: '--approve-all' } });
    expect(parseHostArgs(['9000'])).toEqual({ ok: false, error: { code: 'unexpected-argument', value: '9000' } });
  });
});

describe("the desktop app's command line", () => {
  it("skips Electron's executable and the app folder when unpackaged, and only the executable when packaged", () => {
    expect(parseAppArgs(['/x/electron', '/repo/desktop', '--port', '9100'], true)).toEqual({
      ok: true,
      args: { ...NONE, port: 9100 },
    });
    expect(parseAppArgs(['/opt/DeskRemote/deskremote', '--port=9100'], false)).toEqual({
      ok: true,
      args: { ...NONE, port: 9100 },
    });
  });

  it("ignores Chromium's switches and stray words, and accepts the CLI-only ones", () => {
    const parsed = parseAppArgs(
      [
        'electron',
        'desktop',
        '--no-sandbox',
        '--ozone-platform=x11',
        '--enable-features=UseOzonePlatform',
        '-psn_0_1234',
        '--name',
        'studio.local',
        '--headless',
        '--no-qr',
        '--approve-all',
      ],
      true,
    );
    expect(parsed).toEqual({
      ok: true,
      args: { ...NONE, names: ['studio.local'], headless: true, noQr: true, approveAll: true },
    });
  });

  it('still refuses a bad value of its own options', () => {
    expect(parseAppArgs(['e', 'd', '--port', 'x'], true)).toEqual({ ok: false, error: { code: 'bad-port', value: 'x' } });
    expect(parseAppArgs(['e', 'd', '--port', '--no-sandbox'], true)).toMatchObject({ ok: false, error: { code: 'bad-value' } });
  });
});
