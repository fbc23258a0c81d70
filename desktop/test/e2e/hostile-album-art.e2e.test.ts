/**
 * Album art from a real player that names whatever it likes as art (issue 17): mpv with mpv-mpris on a
 * private session bus publishes the `cover.jpg` next to the track it plays, here a sparse 1 GB file, then
 * a FIFO, then a real picture. Before, the 1 GB file was read whole (the host went past 1 GB) and the FIFO
 * blocked the file threads (pairings and deck saves hung). Checked on the real host process: each answered
 * within 2 s, memory flat, a deck save and a pairing answered while the FIFO is asked for again and again,
 * and the real picture still arrives as art.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HostMessage, type MediaPlayer, tokenFromHash } from '@deskremote/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RawClient } from '../support/raw-client.js';
import { startPairingOn } from '../support/test-host.js';
import { waitFor } from '../support/wait.js';
import { HostProcess } from './support/host-process.js';
import { type MediaPlayer as Player, startMediaPlayer, tone } from './support/media-player.js';
import { startXvfb, type XDisplay } from './support/xvfb.js';

let x: XDisplay;
let mpv: Player;
let host: HostProcess;
let dataDir: string;

/** Each track in a folder of its own, with what mpv-mpris will publish as its art: `cover.jpg` there. */
async function tracks(folder: string): Promise<string[]> {
  const track = async (name: string, cover: (path: string) => Promise<void>) => {
    await mkdir(join(folder, name));
    await cover(join(folder, name, 'cover.jpg'));
    const path = join(folder, name, `${name}.wav`);
    await writeFile(path, tone(440, 60));
    return path;
  };
  return [
    await track('Huge art', async (path) => {
      await writeFile(path, '');
      await truncate(path, 1024 * 1024 * 1024);
    }),
    await track('Fifo art', async (path) => {
      execFileSync('mkfifo', [path]);
    }),
    await track('Real art', async (path) => {
      await sharp({ create: { width: 600, height: 600, channels: 3, background: '#c03030' } })
        .jpeg()
        .toFile(path);
    }),
  ];
}

beforeAll(async () => {
  mpv = await startMediaPlayer({ tracks });
  x = await startXvfb();
  dataDir = await mkdtemp(join(tmpdir(), 'deskremote-art-'));
  host = await HostProcess.start({ display: x.display, dataDir, env: { DBUS_SESSION_BUS_ADDRESS: mpv.busAddress } });
});

afterAll(async () => {
  await host?.stop();
  await x?.stop();
  await mpv?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

/** The player as the phone last heard of it. */
function playerIn(messages: HostMessage[]): MediaPlayer | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    const media = m?.t === 'snapshot' ? m.state.media : m?.t === 'changes' ? m.changes.media : undefined;
    if (media) return media.players.find((p) => p.id === media.active) ?? media.players[0];
  }
  return undefined;
}

/** The host's answer to command `id`: its ack, error or frame; fails after `ms`. */
async function answer(client: RawClient, id: number, ms = 2000): Promise<HostMessage> {
  let found: HostMessage | undefined;
  await waitFor(() => {
    found = client.messages.find((m) => (m.t === 'ack' || m.t === 'error' || m.t === 'frame') && m.id === id);
    return found !== undefined;
  }, ms).catch(() => {
    throw new Error(`no answer to command ${id} within ${ms} ms`);
  });
  return found as HostMessage;
}

/** Pairs a phone with the code the host shows now (approvals are off), and waits for the next code. */
async function pair(): Promise<RawClient> {
  const shown = host.pairingUrlCount();
  const phone = await startPairingOn(host.port, tokenFromHash(new URL(host.pairingUrl()).hash) ?? '');
  await phone.client.next('welcome', 2000);
  await waitFor(() => host.pairingUrlCount() > shown);
  return phone.client;
}

it('a 1 GB file, a FIFO and a real picture as art: each answered within 2 s, memory flat, the host serving throughout', async () => {
  const phone = await pair();
  await waitFor(() => playerIn(phone.messages)?.title.includes('Huge art') === true, 10_000);
  const player = playerIn(phone.messages);
  expect(player?.artId).not.toBeNull();
  const id = player?.id ?? '';
  const before = rssKb(host.pid);

  phone.send({ t: 'art', id: 1, player: id });
  expect(await answer(phone, 1)).toMatchObject({ t: 'error', code: 'player-unavailable', params: { why: 'art too large' } });
  expect(rssKb(host.pid) - before).toBeLessThan(64 * 1024);

  phone.send({ t: 'media', id: 2, action: 'next', player: id });
  await answer(phone, 2);
  await waitFor(() => playerIn(phone.messages)?.title.includes('Fifo art') === true, 10_000);
  // More requests than the file threads (4): any that blocked would take them all.
  for (let n = 10; n < 18; n++) phone.send({ t: 'art', id: n, player: id });
  for (let n = 10; n < 18; n++) {
    expect(await answer(phone, n)).toMatchObject({ t: 'error', params: { why: 'art is not a regular file' } });
  }
  // Files are still written: a deck save and a new phone's pairing, each within 2 s.
  phone.send({
    t: 'saveDeck',
    id: 20,
    deck: [{ id: 'enter', label: 'Enter', icon: 'star', steps: [{ t: 'key', key: 'Enter' }] }],
  });
  expect(await answer(phone, 20)).toMatchObject({ t: 'ack' });
  const other = await pair();
  other.socket.close();

  phone.send({ t: 'media', id: 21, action: 'next', player: id });
  await answer(phone, 21);
  await waitFor(() => playerIn(phone.messages)?.title.includes('Real art') === true, 10_000);
  phone.send({ t: 'art', id: 22, player: id });
  expect(await answer(phone, 22, 5000)).toMatchObject({ t: 'frame', width: 240, height: 240 });
  expect(rssKb(host.pid) - before).toBeLessThan(64 * 1024);
  expect(host.exited).toBe(false);
  phone.socket.close();
}, 60_000);
