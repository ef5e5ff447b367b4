import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { pdfkitStandardFonts } from './scripts/pdfkit-standard-fonts-plugin';

// Every library is bundled (they are devDependencies), so the packaged asar holds
// only our own output plus the wasm and models shipped from resources/.
export default defineConfig({
  main: {
    // pdfkit's standard-font metrics must be bundled (case report PDFs); see the plugin.
    plugins: [pdfkitStandardFonts()],
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          serve: resolve(__dirname, 'main/serve.ts'),
          'store-worker': resolve(__dirname, 'main/services/store/worker.ts'),
          'document-worker': resolve(__dirname, 'main/services/declarations/document-worker.ts'),
          'recognition-worker': resolve(__dirname, 'main/services/recognition/recognition-worker.ts'),
        },
        // onnxruntime-node loads its native library beside its own files: it stays in node_modules.
        external: ['electron', 'onnxruntime-node'],
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads must be a single CommonJS file with no requires but electron.
      externalizeDeps: false,
      isolatedEntries: true,
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // Demo camera media (resources/site/public/media) is served next to the renderer in
    // both hosts and in dev, through the hosts' existing static-file guards.
    publicDir: resolve(__dirname, 'resources/site/public'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Less for the renderer to parse at every start; source maps keep stack traces readable.
      minify: true,
      sourcemap: true,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
