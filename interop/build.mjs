// Bundles each interop app test (interop/apps/*.test.*) for the browser with esbuild, compiling each framework's
// templates the way its own tooling does: JSX through the automatic runtime (react, preact), .svelte files through
// svelte/compiler, Vue templates by Vue's full build at run time, Angular's by @angular/compiler (JIT) at run time.
// The elements come from the built package through its own name (`agora-relay-elements` → dist/, by `exports`).
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the bundles go: a cache that git, eslint and npm pack all leave alone. */
export const OUTDIR = 'node_modules/.cache/agora-relay-interop';
const outdir = fileURLToPath(new URL(`../${OUTDIR}/`, import.meta.url));

/** .svelte → JavaScript, as Svelte's bundler plugins do it. */
const sveltePlugin = {
  name: 'svelte',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const { js, warnings } = compile(source, { filename: path, generate: 'client', dev: false });
      return {
        contents: js.code,
        loader: 'js',
        warnings: warnings.map((warning) => ({ text: `${warning.code}: ${warning.message}` })),
      };
    });
  },
};

const apps = [
  { entry: 'react.test.tsx', options: { jsx: 'automatic', jsxImportSource: 'react' } },
  { entry: 'preact.test.tsx', options: { jsx: 'automatic', jsxImportSource: 'preact' } },
  // The full build: it carries the template compiler.
  { entry: 'vue.test.ts', options: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } } },
  { entry: 'svelte.test.ts', options: { plugins: [sveltePlugin], conditions: ['svelte', 'browser'] } },
  // Angular's decorators are TypeScript's legacy ones.
  {
    entry: 'angular.test.ts',
    options: { tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } } },
  },
];

/** Builds every app test into OUTDIR; returns the files written. */
export async function buildInteropApps() {
  await rm(outdir, { recursive: true, force: true });
  const written = [];
  for (const { entry, options } of apps) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [`interop/apps/${entry}`],
      outdir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      sourcemap: true,
      // Production builds of every framework, as an app ships them (Angular keeps its development checks: it
      // reads ngDevMode, not NODE_ENV, and says so once in the browser log).
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
      // The apps bring their SDK (the offline fake): the lazy SDK import stays an import that never runs.
      external: ['agora-rtc-sdk-ng', 'agora-rtc-sdk-ng/*'],
      logLevel: 'warning',
      ...options,
    });
    if (result.errors.length > 0) throw new Error(`esbuild failed for ${entry}`);
    written.push(`${OUTDIR}/${entry.replace(/\.tsx?$/, '.js')}`);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log((await buildInteropApps()).join('\n'));
}
