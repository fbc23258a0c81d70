/**
 * A character typed for a shortcut, as the key that makes it. The phone's keyboard gives characters,
 * not keys (Android reports its keys as "Unidentified"), so the panel reads what the field received and
 * names the key: "c" is the C key, "C" is Shift + the C key.
 */
import { type KeyName, KeyNames } from '@deskremote/shared';

const KEYS: ReadonlySet<string> = new Set(KeyNames);

export function shortcutKeyFor(char: string): { key: KeyName; shift: boolean } | undefined {
  if (char.length !== 1) return undefined;
  const lower = char.toLowerCase();
  // Only single letters, digits, '.' and ',' name keys; "F" must not become the F1 key or anything else.
  if (!KEYS.has(lower) || lower.length !== 1) return undefined;
  return { key: lower as KeyName, shift: lower !== char };
}

/** The last character the person typed into the shortcut field (its value is cleared after each). */
export function lastTyped(value: string): string | undefined {
  const chars = [...value];
  return chars[chars.length - 1];
}
