import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// In development the API runs on :3000 (pnpm start); Vite proxies to it.
export default defineConfig({
  plugins: [vue()],
  server: {
    proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  test: { environment: 'jsdom', include: ['src/**/*.spec.ts'], setupFiles: ['src/testing/setup.ts'] },
});
