import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = fileURLToPath(new URL('.', import.meta.url));

// Two pages, one per window. No inlined assets: the CSP allows our own files only.
export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
    rollupOptions: {
      input: {
        doctor: fileURLToPath(new URL('doctor/index.html', import.meta.url)),
        patient: fileURLToPath(new URL('patient/index.html', import.meta.url)),
        identify: fileURLToPath(new URL('identify/index.html', import.meta.url)),
      },
    },
  },
});
