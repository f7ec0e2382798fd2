// Bundles the CLI into one ES module (dependencies stay in node_modules), so `bidforge` starts without compiling
// TypeScript. dist/cli/ sits two levels below the root, as core/<feature>/ does: paths relative to a module still hold.
//
// Start-up: the bundle evaluates every module of the CLI when it starts, and an external package imported by any of
// them would be loaded then, whatever the command. The packages in LAZY (cards' spreadsheets and encodings, the Word
// reader, 繁體 conversion, diffs, search, the team server's PostgreSQL client) are only needed by some commands: each
// is replaced by a small module whose exports load the package on first use (a call, `new` or a property read),
// through require().
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export const CLI_BUNDLE = 'dist/cli/bidforge.mjs';

/** CommonJS packages loaded on first use (require() of each must work: all are CommonJS or ship a CommonJS build). */
export const LAZY = ['exceljs', 'mammoth', 'opencc-js', 'iconv-lite', 'papaparse', 'diff', 'minisearch', 'pg'];

/** The stand-in module for one package: its default and named exports, each a proxy that loads the package. */
function lazyModule(pkg, names) {
  const members = names
    .filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n))
    .map((n) => `export const ${n} = lazy(() => load()[${JSON.stringify(n)}]);`);
  return `import { createRequire } from 'node:module';
let mod;
const load = () => (mod ??= createRequire(import.meta.url)(${JSON.stringify(pkg)}));
const lazy = (get) =>
  new Proxy(function () {}, {
    get: (_, key) => get()[key],
    has: (_, key) => key in get(),
    apply: (_, self, args) => Reflect.apply(get(), self, args),
    construct: (_, args) => Reflect.construct(get(), args),
  });
export default lazy(() => {
  const m = load();
  return m && m.__esModule && 'default' in m ? m.default : m;
});
${members.join('\n')}
`;
}

/** esbuild plugin: LAZY packages resolve to their stand-in modules. */
function lazyPackages(root) {
  const require = createRequire(join(root, 'package.json'));
  return {
    name: 'lazy-packages',
    setup(b) {
      const filter = new RegExp(`^(${LAZY.map((p) => p.replace(/[-/]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        // The names a package exports, read here at build time (the build loads it once; the CLI only on use).
        contents: lazyModule(args.path, Object.keys(require(args.path))),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

export async function buildCli(root = process.cwd()) {
  const out = join(root, CLI_BUNDLE);
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    plugins: [lazyPackages(root)],
    target: 'node20',
    logLevel: 'warning',
    write: false,
  });
  // Written aside and renamed: two commands starting at once never read a half-written bundle.
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
