import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The packaged main process: Electron glue and core bundled into out/app, so
// the package carries no node_modules but the few a bundle cannot hold (see
// electron-builder.yml): better-sqlite3 (native), pdf.js (loaded by a worker
// thread from its own file), the PDF font (read as files). `core.js` is a
// second entry so `npm run package:check` can run core from the package.
const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  build: {
    outDir: here('../../out/app'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    ssr: true,
    target: 'node22',
    rollupOptions: {
      input: { main: here('./main.ts'), core: here('../core/create-core.ts') },
      external: ['electron', 'better-sqlite3', /^pdfjs-dist/],
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name].js' },
      preserveEntrySignatures: 'exports-only',
    },
  },
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3'] },
});
