// `npm start`: serves the demo (demo/index.html) with TypeScript compiled on the fly and bare imports resolved from
// node_modules, exactly as the browser tests see the sources. It opens no browser (this may be a server): it prints
// the demo's URL. PORT and HOST choose where it listens (default: localhost, the first free port from 8000).
import { esbuildPlugin } from '@web/dev-server-esbuild';

/** Prints the demo's address once the server listens. */
const printDemoUrl = {
  name: 'print-demo-url',
  serverStart({ config }) {
    console.log(`\nDemo: http://${config.hostname}:${config.port}/demo/\n`);
  },
};

export default {
  rootDir: '.',
  hostname: process.env.HOST ?? 'localhost',
  ...(process.env.PORT ? { port: Number(process.env.PORT) } : {}),
  open: false,
  watch: false,
  nodeResolve: true,
  middleware: [(context, next) => (context.path === '/' ? context.redirect('/demo/') : next())],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), printDemoUrl],
};
