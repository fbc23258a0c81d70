import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@deskremote/shared': fileURLToPath(new URL('./shared/src/index.ts', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['shared/test/**/*.test.ts', 'mobile-web/test/**/*.test.ts', 'desktop/test/unit/**/*.test.ts'],
          environment: 'node',
          // The suites run one after another (unit, integration, end to end), never beside each other: the
          // attack tests flood the host at 1,000 proofs a second and must not share two cores with Chromium.
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['desktop/test/integration/**/*.test.ts'],
          testTimeout: 15_000,
          // One file at a time: a flood in one file would slow another's host past its time limits.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['desktop/test/e2e/**/*.e2e.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
