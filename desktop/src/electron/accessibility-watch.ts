/**
 * macOS: input waits for the Accessibility permission. The system says nothing when the user grants it,
 * so while input is unavailable for that reason the app asks every 2 s (without prompting again) and
 * reopens input once it is granted. Pure bookkeeping; main passes the checks and the timer in. No
 * Electron import here.
 */
export const ACCESSIBILITY_POLL_MS = 2000;

export interface AccessibilityWatchEffects {
  /** systemPreferences.isTrustedAccessibilityClient(false): asks, never prompts. */
  isTrusted(): boolean;
  /** The permission has been granted: open input again. */
  granted(): void;
  setInterval(ms: number, tick: () => void): () => void;
}

/** Follows the host's input code: polls while it is 'mac-permission', stops otherwise or once granted. */
export function accessibilityWatch(effects: AccessibilityWatchEffects): { inputCode(code: string): void; stop(): void } {
  let cancel: (() => void) | undefined;
  const stop = () => {
    cancel?.();
    cancel = undefined;
  };
  return {
    inputCode(code) {
      if (code !== 'mac-permission') return stop();
      if (cancel) return;
      cancel = effects.setInterval(ACCESSIBILITY_POLL_MS, () => {
        if (!effects.isTrusted()) return;
        stop();
        effects.granted();
      });
    },
    stop,
  };
}
