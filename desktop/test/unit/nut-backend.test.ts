import { describe, expect, it, vi } from 'vitest';
import { MemoryDriver } from '../support/memory-driver.js';

// The nut-js driver as loaded on a Windows where koffi (SendInput for exact text) could not be loaded.
vi.mock('../../src/host/input/backends/nut/nut-driver.js', () => ({
  loadNutDriver: async () => Object.assign(new MemoryDriver(), { exactTextProblem: 'koffi: no win32 prebuilt' }),
}));

const { nutBackend } = await import('../../src/host/input/backends/nut/nut-backend.js');

describe('the nut-js backend never types ASCII only in silence', () => {
  it('says text is limited, and why, when the exact-text typer did not load; input still works', async () => {
    const backend = await nutBackend.open('win32', {}, { dataDir: '/nonexistent', log: () => {} });
    expect(backend.availability).toEqual({
      status: 'limited',
      code: 'text-ascii-only',
      params: { error: 'koffi: no win32 prebuilt' },
    });
    expect(backend.driver).toBeDefined();
  });
});
