import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// Every library is bundled (they are devDependencies), so the packaged asar holds
// only our own output plus the wasm and models shipped from resources/.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: false,
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          serve: resolve(__dirname, 'main/serve.ts'),
          'store-worker': resolve(__dirname, 'main/services/store/worker.ts'),
        },
        external: ['electron'],
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
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
