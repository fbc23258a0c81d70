/**
 * Keeps the phone's screen on while the presenter panel is open, so the phone does not sleep (and drop
 * its connection) in the middle of a talk. Where the page is a secure context, the Wake Lock API; on
 * plain http (what a phone on the LAN gets) a muted, looping, inline video, the NoSleep.js technique:
 * browsers do not dim the screen while a video plays. Playing may need a tap; the first tap anywhere
 * starts it.
 */
import { KEEP_AWAKE_MP4, KEEP_AWAKE_WEBM } from './keep-awake-video';

export type AwakeState =
  /** The Wake Lock API holds the screen on. */
  | 'wake-lock'
  /** The looping video plays. */
  | 'video'
  /** The video waits for a tap (the browser refused to play without one). */
  | 'needs-tap'
  | 'off';

interface WakeLockSentinelLike {
  released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
type WakeLockNavigator = Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinelLike> } };

export class KeepAwake {
  private state: AwakeState = 'off';
  private sentinel: WakeLockSentinelLike | undefined;
  private video: HTMLVideoElement | undefined;
  private running = false;

  constructor(private readonly onChange: (state: AwakeState) => void) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.acquire();
  }

  stop(): void {
    this.running = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.removeTapListener();
    const sentinel = this.sentinel;
    this.sentinel = undefined;
    void sentinel?.release().catch(() => {});
    if (this.video) {
      this.video.pause();
      this.video.remove();
      this.video = undefined;
    }
    this.set('off');
  }

  private async acquire(): Promise<void> {
    const wakeLock = (navigator as WakeLockNavigator).wakeLock;
    if (window.isSecureContext && wakeLock) {
      try {
        const sentinel = await wakeLock.request('screen');
        if (!this.running) return void sentinel.release().catch(() => {});
        this.sentinel = sentinel;
        // The browser lets go when the page is hidden; it is asked again when the page comes back.
        sentinel.addEventListener('release', () => {
          if (this.sentinel === sentinel) this.sentinel = undefined;
        });
        this.set('wake-lock');
        return;
      } catch {
        // Refused (battery saver, a policy): the video still works.
      }
    }
    this.playVideo();
  }

  private playVideo(): void {
    if (!this.running) return;
    const video = this.video ?? this.createVideo();
    video.play().then(
      () => {
        if (this.running) this.set('video');
      },
      () => {
        if (!this.running) return;
        this.set('needs-tap');
        document.addEventListener('pointerdown', this.onTap, { capture: true });
        document.addEventListener('click', this.onTap, { capture: true });
      },
    );
  }

  private createVideo(): HTMLVideoElement {
    const video = document.createElement('video');
    video.muted = true;
    video.loop = true;
    video.playsInline = true;
    video.setAttribute('playsinline', '');
    video.setAttribute('muted', '');
    video.setAttribute('aria-hidden', 'true');
    video.dataset.keepAwake = '';
    video.className = 'keep-awake-video';
    for (const [src, type] of [
      [KEEP_AWAKE_WEBM, 'video/webm'],
      [KEEP_AWAKE_MP4, 'video/mp4'],
    ] as const) {
      const source = document.createElement('source');
      source.src = src;
      source.type = type;
      video.append(source);
    }
    document.body.append(video);
    this.video = video;
    return video;
  }

  private readonly onTap = (): void => {
    this.removeTapListener();
    this.playVideo();
  };

  private removeTapListener(): void {
    document.removeEventListener('pointerdown', this.onTap, { capture: true });
    document.removeEventListener('click', this.onTap, { capture: true });
  }

  private readonly onVisibility = (): void => {
    if (!this.running || document.visibilityState !== 'visible') return;
    if (this.state === 'wake-lock' && !this.sentinel) void this.acquire();
    else if (this.video?.paused) this.playVideo();
  };

  private set(state: AwakeState): void {
    if (state === this.state) return;
    this.state = state;
    this.onChange(state);
  }
}
