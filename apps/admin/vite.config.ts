import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/** Built to dist/ and served by the server at /admin (hashed assets under /admin/assets). */
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/graphql': 'http://127.0.0.1:3000' } },
} satisfies UserConfig);
