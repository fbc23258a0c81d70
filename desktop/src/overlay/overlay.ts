/**
 * The laser pointer's page: a canvas over the whole transparent overlay window. Points arrive through
 * window.deskremoteOverlay (the overlay's preload in Electron, a test bridge in Chromium); laser-drawing.ts
 * decides what to paint. Frames are drawn only while the pointer moves or fades: a still dot costs nothing.
 */
import type { OverlayBridge } from '../common/overlay-contract.js';
import { advance, drawInstruction, HIDDEN, type LaserState, needsFrame, paint, receive, type Size } from './laser-drawing.js';

declare global {
  interface Window {
    deskremoteOverlay: OverlayBridge;
  }
}

const canvas = document.getElementById('laser') as HTMLCanvasElement;
const context = canvas.getContext('2d');
let state: LaserState = HIDDEN;
let frame = 0;
let size: Size = { width: 0, height: 0 };

/** The canvas in device pixels, drawn in CSS pixels, so the dot is sharp on a high-density screen. */
function fit(): void {
  const ratio = window.devicePixelRatio || 1;
  size = { width: window.innerWidth, height: window.innerHeight };
  canvas.width = Math.round(size.width * ratio);
  canvas.height = Math.round(size.height * ratio);
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
}

function draw(now: number): void {
  frame = 0;
  state = advance(state, now);
  if (context) paint(context, drawInstruction(state, now, size), size);
  if (needsFrame(state, now)) frame = requestAnimationFrame(draw);
}

function schedule(): void {
  if (frame === 0) frame = requestAnimationFrame(draw);
}

fit();
window.addEventListener('resize', () => {
  fit();
  schedule();
});
window.deskremoteOverlay.onPoint((point) => {
  state = receive(state, point, performance.now(), size);
  schedule();
});
