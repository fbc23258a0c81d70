import { describe, expect, it, vi } from 'vitest';
import { AppArgsError, failStartup, startupFailureWords } from '../../src/electron/startup-failure.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('what a failed start says', () => {
  it('gives the error its own message, with a sentence for the usual network errors', () => {
    expect(startupFailureWords('en-US', new Error('the phone page is not built'))).toEqual({
      title: 'DeskRemote could not start',
      message: 'DeskRemote could not start:\n\nthe phone page is not built',
    });
    expect(startupFailureWords('en-GB', withCode('listen EADDRINUSE 0.0.0.0:8765', 'EADDRINUSE')).message).toBe(
      'Another program is already using the network port DeskRemote needs.\n\nlisten EADDRINUSE 0.0.0.0:8765',
    );
    expect(startupFailureWords('zh-CN', withCode('listen EACCES 0.0.0.0:80', 'EACCES'))).toEqual({
      title: 'DeskRemote 无法启动',
      message: '系统不允许 DeskRemote 使用这个网络端口或地址。\n\nlisten EACCES 0.0.0.0:80',
    });
    expect(startupFailureWords('zh-TW', withCode('listen EADDRNOTAVAIL 10.9.9.9', 'EADDRNOTAVAIL')).message).toContain('--bind');
  });

  it('words a command-line mistake from its code', () => {
    const error = new AppArgsError({ code: 'unknown-option', option: '--prot' });
    expect(startupFailureWords('en', error).message).toBe('Unknown option --prot.');
    expect(startupFailureWords('zh-CN', error).message).toBe('不认识的选项 --prot。');
  });

  it('shows the dialog, then exits with 1', () => {
    const order: string[] = [];
    failStartup(new Error('boom'), {
      locale: () => 'en-US',
      showErrorBox: (title) => order.push(`box ${title}`),
      exit: (code) => order.push(`exit ${code}`),
      log: vi.fn(),
    });
    expect(order).toEqual(['box DeskRemote could not start', 'exit 1']);
  });
});
