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
        },
      },
      {
        resolve: { alias },
        test: { name: 'integration', include: ['desktop/test/integration/**/*.test.ts'], testTimeout: 15_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['desktop/test/e2e/**/*.e2e.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
