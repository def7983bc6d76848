import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  ssr: {
    // Polaris ships CSS imports and ESM that Node should not load raw.
    noExternal: ['@shopify/polaris'],
  },
})
