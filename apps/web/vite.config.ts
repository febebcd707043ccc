import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// In development the API runs on :3000 (pnpm start); Vite proxies to it.
export default defineConfig({
  plugins: [vue()],
  // The domain rules the client applies as it types (template tags) are the server's own, from source.
  resolve: { alias: { '@domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) } },
  server: {
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  test: { environment: 'jsdom', include: ['src/**/*.spec.ts'], setupFiles: ['src/testing/setup.ts'] },
});
