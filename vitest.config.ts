import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'dist/**'],
    // Simulation tests run real (small) scenarios; 2-core CI machines need headroom.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
