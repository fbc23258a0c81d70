import { loadNutDriver } from './backends/nut/nut-driver.js';
import { x11Driver } from './backends/x11/x11-driver.js';
import { X11Input } from './backends/x11/x11-input.js';
import type { InputDriver } from './input-driver.js';

/** The real driver for this platform: nut-js everywhere, with the pointer and text over XTEST on X11. */
export async function loadInputDriver(platform: NodeJS.Platform = process.platform, env = process.env): Promise<InputDriver> {
  const nut = await loadNutDriver(platform);
  if (platform !== 'linux') return nut;
  return x11Driver(await X11Input.connect(env.DISPLAY), nut);
}
