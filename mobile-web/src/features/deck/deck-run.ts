/**
 * Runs a button: its steps as the ordinary commands the rest of the page sends (a key with its
 * modifiers, a text), one after another, each waiting for the computer's answer so the order holds.
 * Nothing else: a button cannot run a program or open a path.
 */
import type { DeckButton, DeckStep, DiscreteCommandInput } from '@deskremote/shared';

export function commandOf(step: DeckStep): DiscreteCommandInput {
  return step.t === 'text' ? { t: 'text', text: step.text } : { t: 'key', key: step.key, mods: [...(step.mods ?? [])] };
}

export async function runButton(button: DeckButton, send: (command: DiscreteCommandInput) => Promise<void>): Promise<void> {
  for (const step of button.steps) await send(commandOf(step));
}
