/**
 * Impress's remote-control protocol, read and written, and the client against a stand-in of Impress's
 * server on loopback speaking the messages LibreOffice 7.4 sends (recorded from the real one: the
 * end-to-end test runs the real Impress).
 */

import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  commandText,
  MessageSplitter,
  notesText,
  pairMessage,
  readMessage,
} from '../../src/host/presenter/show/impress-protocol.js';
import { ImpressRemote } from '../../src/host/presenter/show/impress-remote.js';

describe('the protocol', () => {
  it('splits messages across chunks, whatever the chunk boundaries, UTF-8 included', () => {
    const text = 'slideshow_started\n5\n2\n\nslide_notes\n0\n<html><body>中文 notes<br/></body></html>\n\n';
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 3, 7, bytes.length]) {
      const splitter = new MessageSplitter();
      const seen: string[][] = [];
      for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size), (lines) => seen.push(lines));
      expect(seen).toEqual([
        ['slideshow_started', '5', '2'],
        ['slide_notes', '0', '<html><body>中文 notes<br/></body></html>'],
      ]);
    }
  });

  it('gives up on a message that grows past any sane size', () => {
    const splitter = new MessageSplitter();
    expect(splitter.push(Buffer.alloc(5 * 1024 * 1024, 0x41), () => {})).toBe(false);
  });

  it('reads what Impress sends, and nothing malformed', () => {
    expect(readMessage(['LO_SERVER_SERVER_PAIRED'])).toEqual({ kind: 'paired' });
    expect(readMessage(['LO_SERVER_VALIDATING_PIN'])).toEqual({ kind: 'waiting-for-pin' });
    expect(readMessage(['slideshow_started', '5', '2'])).toEqual({ kind: 'started', count: 5, current: 2 });
    expect(readMessage(['slideshow_started', '0', '0'])).toBeUndefined();
    expect(readMessage(['slideshow_started', '-1', '0'])).toBeUndefined();
    expect(readMessage(['slide_updated', '3'])).toEqual({ kind: 'slide', current: 3 });
    expect(readMessage(['slide_updated', '3x'])).toBeUndefined();
    expect(readMessage(['slide_preview', '1', 'iVBORw0K'])).toMatchObject({ kind: 'preview', slide: 1 });
    expect(readMessage(['slide_preview', '1', 'not base64!'])).toBeUndefined();
    expect(readMessage(['slideshow_info', 'deck.odp'])).toEqual({ kind: 'title', title: 'deck.odp' });
    expect(readMessage(['slideshow_finished'])).toEqual({ kind: 'finished' });
    expect(readMessage(['something_new', '1'])).toBeUndefined();
  });

  it('takes only the wrappers out of notes: what the speaker typed stays text, markup included', () => {
    expect(notesText('<html><body>Notes one <b><br/>second line<br/></body></html>')).toBe('Notes one <b>\nsecond line');
    // LibreOffice before 7 closed the wrappers the other way round.
    expect(notesText('<html><body>old<br/></html></body>')).toBe('old');
  });

  it('writes commands, and a name cannot smuggle a command in', () => {
    expect(commandText({ kind: 'goto', slide: 4 })).toBe('goto_slide\n4\n\n');
    expect(commandText({ kind: 'next' })).toBe('transition_next\n\n');
    expect(pairMessage('evil\n\ntransition_next', '1234')).toBe('LO_SERVER_CLIENT_PAIR\nevil  transition_next\n1234\n\n');
  });
});

describe('the client against a stand-in Impress', () => {
  let server: Server | undefined;
  let remote: ImpressRemote | undefined;
  /** Every socket a stand-in accepted, ended with the test (a server closes only once they are gone). */
  const accepted = new Set<Socket>();
  afterEach(async () => {
    remote?.stop();
    for (const socket of accepted) socket.destroy();
    accepted.clear();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  async function standIn(onClient: (socket: Socket, first: string) => void): Promise<number> {
    const listening = createServer((socket) => {
      accepted.add(socket);
      let got = '';
      socket.on('data', function first(chunk) {
        got += chunk.toString();
        if (!got.includes('\n\n')) return;
        socket.off('data', first);
        onClient(socket, got);
      });
    });
    server = listening;
    await new Promise<void>((r) => listening.listen(0, '127.0.0.1', r));
    return (listening.address() as AddressInfo).port;
  }

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };

  it('pairs with its name and PIN, waits for the PIN, then follows the show and sends commands', async () => {
    const received: string[] = [];
    let client: Socket | undefined;
    const port = await standIn((socket, first) => {
      received.push(first);
      client = socket;
      socket.on('data', (d) => received.push(d.toString()));
      socket.write('LO_SERVER_VALIDATING_PIN\n\n');
    });
    remote = new ImpressRemote({ name: 'DeskRemote (studio)', pin: '0427', port, onChange: () => {} });
    await until(() => remote?.status === 'waiting-for-pin');
    expect(received[0]).toBe('LO_SERVER_CLIENT_PAIR\nDeskRemote (studio)\n0427\n\n');
    expect(remote.send({ kind: 'next' })).toBe(false);
    // The person typed the PIN into Impress: the same socket goes on.
    client?.write(
      'LO_SERVER_SERVER_PAIRED\n\nLO_SERVER_INFO\n7.4.7.2\n\nslideshow_started\n3\n0\n\nslideshow_info\ndeck.odp\n\n',
    );
    client?.write(
      `slide_preview\n0\n${Buffer.from('png0').toString('base64')}\n\nslide_notes\n0\n<html><body>Hi<br/></body></html>\n\n`,
    );
    await until(() => remote?.show?.notes.get(0) === 'Hi');
    expect(remote.status).toBe('connected');
    expect(remote.show).toMatchObject({ title: 'deck.odp', count: 3, current: 0 });
    expect(remote.show?.previews.get(0)?.toString()).toBe('png0');
    client?.write('slide_updated\n2\n\n');
    await until(() => remote?.show?.current === 2);
    // A slide past the end is not believed.
    client?.write('slide_updated\n7\n\n');
    expect(remote.send({ kind: 'goto', slide: 1 })).toBe(true);
    await until(() => received.join('').includes('goto_slide\n1\n\n'));
    expect(remote.show?.current).toBe(2);
    client?.write('slideshow_finished\n\n');
    await until(() => remote?.show === undefined);
  });

  it('tries again while Impress does not answer, and follows it when it comes', async () => {
    const port = await standIn((socket) => socket.write('LO_SERVER_SERVER_PAIRED\n\n'));
    await new Promise<void>((r) => server?.close(() => r()));
    server = undefined;
    let changes = 0;
    remote = new ImpressRemote({ name: 'n', pin: '1111', port, retryMs: 50, onChange: () => changes++ });
    await new Promise((r) => setTimeout(r, 200));
    expect(remote.status).toBe('no-answer');
    server = createServer((socket) => {
      accepted.add(socket);
      socket.write('LO_SERVER_SERVER_PAIRED\n\n');
    });
    await new Promise<void>((r) => server?.listen(port, '127.0.0.1', r));
    await until(() => remote?.status === 'connected');
    expect(changes).toBeGreaterThan(0);
  });
});
