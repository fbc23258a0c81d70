/**
 * Live typing: what the person types on the phone's own keyboard reaches the desktop as they type.
 * Android reports soft-keyboard keys as "Unidentified", so keydown says nothing; the field's content
 * does. Each change of the field (outside a composition) is sent as the Backspaces and text that make
 * the same change on the desktop. A composition (pinyin, kana, Hangul, accents) is sent only when it is
 * committed, never as its romanization. While focused, the field holds an invisible character before
 * the caret, so Backspace on an "empty" field still deletes something the page can see, and is sent.
 */
import { diffText } from './text-diff';

/** Zero-width space: invisible, and a Backspace removes it like any character. */
export const SENTINEL = '\u200b';
/** After this long without typing, the field is emptied (the desktop keeps what was typed). */
const RESET_AFTER_MS = 2000;

export interface LiveTypingOutput {
  text(text: string): void;
  key(key: 'Backspace' | 'Enter'): void;
}

export class LiveTyping {
  private sent = '';
  private composing = false;
  private resetTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly detach: () => void;

  constructor(
    private readonly field: HTMLInputElement | HTMLTextAreaElement,
    private readonly output: LiveTypingOutput,
  ) {
    const onCompositionStart = () => {
      this.composing = true;
    };
    const onCompositionEnd = () => {
      this.composing = false;
      // Some browsers fire the last input before compositionend, some after: settle on the next task.
      setTimeout(() => this.flush(), 0);
    };
    const onInput = (event: Event) => {
      if (this.composing || (event as InputEvent).isComposing) return;
      this.flush();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        this.flush();
        this.output.key('Enter');
        this.clear();
      }
    };
    // The sentinel only while focused, so that the empty field shows its placeholder otherwise.
    const onFocus = () => this.clear();
    const onBlur = () => {
      if (!this.composing) this.flush();
      this.field.value = '';
      this.sent = '';
    };
    // One list for adding and removing (addEventListener's `signal` needs Safari 15; we support 14).
    const listeners: Array<[string, (event: Event) => void]> = [
      ['focus', onFocus],
      ['blur', onBlur],
      ['compositionstart', onCompositionStart],
      ['compositionend', onCompositionEnd],
      ['input', onInput],
      ['keydown', onKeyDown as (event: Event) => void],
    ];
    for (const [name, listener] of listeners) field.addEventListener(name, listener);
    this.detach = () => {
      clearTimeout(this.resetTimer);
      for (const [name, listener] of listeners) field.removeEventListener(name, listener);
    };
    // Typed before this was attached (the panel had just opened, the field already focused): send it,
    // then start from the sentinel.
    if (document.activeElement === field) this.flush();
  }

  /** Sends whatever the field changed since the last send. */
  flush(): void {
    const value = this.field.value;
    const edit = diffText(this.sent, value);
    // The sentinel itself deleted: one Backspace for the desktop, and a fresh sentinel here.
    for (let i = 0; i < edit.deletions; i++) this.output.key('Backspace');
    const insert = edit.insert.replaceAll(SENTINEL, '');
    if (insert) this.output.text(insert);
    this.sent = value;
    if (document.activeElement !== this.field) return;
    if (!value.startsWith(SENTINEL)) this.clear();
    else this.scheduleReset();
  }

  stop(): void {
    this.detach();
  }

  private scheduleReset(): void {
    clearTimeout(this.resetTimer);
    this.resetTimer = setTimeout(() => {
      if (!this.composing) this.clear();
    }, RESET_AFTER_MS);
  }

  /** Empties the field to its sentinel, caret after it (only while it has focus). */
  private clear(): void {
    if (document.activeElement !== this.field) return;
    this.field.value = SENTINEL;
    this.sent = SENTINEL;
    const end = SENTINEL.length;
    this.field.setSelectionRange(end, end);
  }
}
