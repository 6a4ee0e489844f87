import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { extensionManifest } from './scripts/manifest.ts';

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      crx({
        manifest: extensionManifest(firefox ? 'firefox' : 'chrome') as ManifestV3Export,
        browser: firefox ? 'firefox' : 'chrome',
        // Built on its own, every import inlined: one file, whatever the pages and worker share.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      // EXT_OUT_DIR lets parallel checkouts or CI jobs build side by side without clobbering dist/.
      outDir: process.env.EXT_OUT_DIR ?? (firefox ? 'dist-firefox' : 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      // Extension pages load from disk: preloading buys nothing and adds a polyfill chunk.
      modulePreload: false,
      sourcemap: false,
      // Stable names keep the size check and reviewers' diffs meaningful between builds.
      chunkSizeWarningLimit: 200,
      // CRXJS builds the pages the manifest names; Firefox's sidebar_action is not among the keys
      // it reads, so the side panel's page is named here for that build.
      ...(firefox && { rollupOptions: { input: { sidepanel: 'src/sidepanel/index.html' } } }),
    },
    server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
  };
});
