// Builds the explorer's UI into dist/web, which `trawl serve` serves. Run at install time
// (`npm run build`, called by `prepare`), so the package works offline.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** ISO 3166-1 alpha-2 → numeric, the ids world-atlas uses; read from world-countries at build time. */
function isoNumeric(): Plugin {
  const id = 'virtual:iso-numeric';
  return {
    name: 'iso-numeric',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(resolved) {
      if (resolved !== '\0' + id) return null;
      const countries = require('world-countries') as { cca2: string; ccn3: string }[];
      const map = Object.fromEntries(countries.filter((c) => c.ccn3).map((c) => [c.cca2, c.ccn3]));
      return `export default ${JSON.stringify(map)};`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [isoNumeric()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
});
