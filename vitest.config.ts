import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * One `vitest run` runs both projects and prints one summary:
 * - unit: pure code in Node, tests beside the code (*.test.ts);
 * - e2e: the production build in Debian's Chromium (tests/e2e/*.e2e.ts), one file at a time
 *   because software WebGL is CPU-bound and two pages would slow each other into time-outs.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'mock/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
            environment: 'node',
            globalSetup: ['tests/regionPacksSetup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.e2e.ts'],
            environment: 'node',
            globalSetup: ['tests/e2e/globalSetup.ts'],
            fileParallelism: false,
            testTimeout: 180_000,
            hookTimeout: 300_000,
          },
        },
      ],
    },
  }),
);
