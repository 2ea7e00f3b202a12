import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte()],
  // Relative asset URLs: the app is served from Tauri's own protocol, never a web server.
  base: './',
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The UI imports ../locales and ../assets (shared with the Rust side).
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // Fonts are kept as files (a 4.6 MB font must not be inlined as base64).
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
