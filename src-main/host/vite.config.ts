import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Browser mode's host in one file (out/host/cli.js): Node resolves, reads and compiles one module at start
// instead of about three hundred (`npm run bench:start`, issue 16). Left outside, as in the packaged app
// (src-main/electron/vite.config.ts): better-sqlite3 (native), pdf.js (loaded by a worker thread from its
// own file) and playwright-core (loaded on the first PDF export only).
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  build: {
    outDir: here('../../out/host'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    ssr: true,
    target: 'node22',
    rollupOptions: {
      input: { cli: here('./cli.ts') },
      external: ['better-sqlite3', /^pdfjs-dist/, /^playwright-core/],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' },
    },
  },
  ssr: { noExternal: true, external: ['better-sqlite3', 'playwright-core'] },
});
