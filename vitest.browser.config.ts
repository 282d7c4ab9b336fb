import { defineConfig } from 'vitest/config';

/** Browser journeys against the built server in Debian's Chromium (`npm run build` first). */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
