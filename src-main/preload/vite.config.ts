import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// A sandboxed preload cannot require local files: each window's preload is
// bundled into one self-contained CommonJS file (`--mode doctor|patient`).
export default defineConfig(({ mode }) => ({
  build: {
    outDir: fileURLToPath(new URL('../../out/preload', import.meta.url)),
    emptyOutDir: false,
    minify: false,
    ssr: true,
    lib: {
      entry: fileURLToPath(new URL(`./${mode === 'patient' ? 'patient' : 'doctor'}.ts`, import.meta.url)),
      formats: ['cjs'],
      fileName: () => `${mode === 'patient' ? 'patient' : 'doctor'}.cjs`,
    },
    rollupOptions: { external: ['electron'] },
  },
  ssr: { noExternal: true },
}));
