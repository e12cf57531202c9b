import { defineConfig } from 'vitest/config';
import { reporters } from '../../scripts/vitest-reporters.mjs';

// Pure helpers of the dashboard (filters in the URL, drill-down links, CSV); the UI is covered by e2e.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], reporters: reporters('@jf/admin') },
});
