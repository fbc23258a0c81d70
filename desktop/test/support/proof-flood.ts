/**
 * An attacker on the same Wi-Fi: wrong proofs at a steady rate, each connection from a never-used loopback
 * address (127.1.x.y), sent the moment its challenge arrives. It runs on a worker thread, so the attacker's
 * event loop is not the host's (as on a real network, and the machine has two cores). Bounded in count, in
 * sockets open at once and in time; whatever is still open at the end is cut off.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { encodeMessage, PROTOCOL_VERSION, randomId, WS_PATH } from '@deskremote/shared';

export interface FloodReport {
  /** Connections opened. */
  started: number;
  /** Close codes seen, with how many of each (0: cut off at the end, or never connected). */
  closes: Record<number, number>;
  /** Connections that got anything past their challenge (none should). */
  answered: number;
  seconds: number;
}

export interface FloodOptions {
  perSecond: number;
  maxCount: number;
  maxMs: number;
  /** Sockets open at once, at most. */
  maxOpen?: number;
}

/** A 'pair' message with a random proof and key: well formed, and wrong for every challenge. */
function wrongProofFrame(): Uint8Array {
  return encodeMessage({
    t: 'pair',
    protocol: PROTOCOL_VERSION,
    deviceId: randomId(18),
    deviceName: 'flood',
    clientNonce: randomId(24),
    key: randomId(32),
    proof: randomId(32),
  });
}

const FLOOD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.wsPath);
const { url, origin, perSecond, maxCount, maxMs, maxOpen } = workerData;
const proof = Buffer.from(workerData.proof);
const closes = {};
const sockets = new Set();
let started = 0;
let answered = 0;
let ending = false;
const t0 = performance.now();
const address = (i) => '127.1.' + Math.floor(i / 254) + '.' + (1 + (i % 254));
function one(i) {
  const ws = new WebSocket(url, { origin, localAddress: address(i), perMessageDeflate: false });
  sockets.add(ws);
  let messages = 0;
  ws.on('message', () => {
    if (++messages === 1) ws.send(proof, { binary: true });
    else answered++;
  });
  ws.on('error', () => {});
  ws.on('close', (code) => {
    closes[code] = (closes[code] || 0) + 1;
    sockets.delete(ws);
  });
}
function end() {
  if (ending) return;
  ending = true;
  clearInterval(timer);
  for (const ws of sockets) ws.terminate();
  const report = () => {
    if (sockets.size > 0) return setTimeout(report, 10);
    parentPort.postMessage({ started, closes, answered, seconds: (performance.now() - t0) / 1000 });
  };
  report();
}
const timer = setInterval(() => {
  const elapsed = performance.now() - t0;
  if (elapsed > maxMs || started >= maxCount) return end();
  const due = Math.min(maxCount, Math.floor((elapsed * perSecond) / 1000));
  while (started < due && sockets.size < maxOpen) one(started++);
}, 5);
parentPort.on('message', end);
`;

/** Starts the flood; `stop` ends it early. `done` resolves with what the attacker saw. */
export function startProofFlood(port: number, options: FloodOptions): { done: Promise<FloodReport>; stop(): void } {
  const worker = new Worker(FLOOD_SOURCE, {
    eval: true,
    workerData: {
      wsPath: createRequire(import.meta.url).resolve('ws'),
      url: `ws://127.0.0.1:${port}${WS_PATH}`,
      origin: `http://127.0.0.1:${port}`,
      proof: wrongProofFrame(),
      perSecond: options.perSecond,
      maxCount: options.maxCount,
      maxMs: options.maxMs,
      maxOpen: options.maxOpen ?? 2000,
    },
  });
  const done = new Promise<FloodReport>((resolve, reject) => {
    worker.once('message', (report: FloodReport) => {
      resolve(report);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return { done, stop: () => worker.postMessage('stop') };
}
