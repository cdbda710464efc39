// Build step: bundles the CLI (and its worker) with esbuild into dist/bundle/, so that a cold start loads a
// few files instead of hundreds of modules. Heavy readers stay external and load only when their format
// arrives (pdfjs, mammoth, exceljs) or when asked (nodejieba, a native addon).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a content hash: clear the old ones, or the folder grows with every build.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts', 'src/cli/worker.ts', 'src/cli/archive-worker.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['nodejieba', 'pdfjs-dist', 'exceljs', 'mammoth', 'better-sqlite3'],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __gongwenRequire } from 'node:module'; const require = __gongwenRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
