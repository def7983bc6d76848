// End-to-end tests: the built app in a real Chromium (playwright-core). Run by `npm run test:e2e`
// after `npm run build`; kept out of `npm test` because they need the build and a browser.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
})
