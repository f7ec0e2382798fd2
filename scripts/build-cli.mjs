// Bundles the CLI into one CommonJS module (dependencies stay in node_modules), so `bidforge` starts without compiling
// TypeScript. dist/cli/ sits two levels below the root, as core/<feature>/ does: paths relative to a module still hold.
// CommonJS, not an ES module, because Node 20 can give a V8 code cache only to scripts (bin/codeCache.mjs), and the
// packages are then loaded as CommonJS too (their `require` builds), through the same cache. A package that ships
// only as an ES module (lowdb) is bundled instead; `import.meta.url` is the bundle's own file URL.
//
// Start-up: the bundle evaluates every module of the CLI when it starts, and an external package imported by any of
// them would be loaded then, whatever the command. The packages in LAZY (cards' spreadsheets and encodings, the Word
// reader, 繁體 conversion, diffs, search, the team server's PostgreSQL client) are only needed by some commands: each
// is replaced by a small module whose exports load the package on first use (a call, `new` or a property read),
// through require().
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export const CLI_BUNDLE = 'dist/cli/bidforge.cjs';

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

/** Whether require() finds a CommonJS build of a package (else it is bundled: Node 20.0–20.18 cannot require ESM). */
function requirable(require, pkg) {
  try {
    const file = require.resolve(pkg);
    if (file.endsWith('.mjs')) return false;
    if (!file.endsWith('.js')) return true;
    // The nearest package.json decides what a .js file is.
    for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type !== 'module';
    }
    return true;
  } catch {
    return false;
  }
}

/** esbuild plugin: packages stay external (loaded from node_modules) unless they cannot be required. */
function externalPackages() {
  const known = new Map();
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || /^[A-Za-z]:[\\/]/.test(args.path)) return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const key = `${args.resolveDir}\0${args.path}`;
        let external = known.get(key);
        if (external === undefined) {
          external = requirable(createRequire(join(args.resolveDir, 'x.js')), args.path);
          known.set(key, external);
        }
        return external ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

/**
 * The bundle's own top: its file URL, and import() as the bin provides it. Node 20 cannot run an import() from a
 * script compiled with a code cache, so the bundle's import() calls (pdf.js, an ES module) are made by bin/bidforge.mjs.
 */
const BANNER = `var __bidforge_bundle_url = require("node:url").pathToFileURL(__filename).href;
var __bidforge_import = (s) => (globalThis[Symbol.for("bidforge.import")] ?? ((x) => import(x)))(s);
`;
/** Every import(…) call of the bundled code made through __bidforge_import (no string of the CLI spells "import("). */
const withoutImportCalls = (js) => js.replace(/(?<![\w$.])import\s*\(/g, '__bidforge_import(');

export async function buildCli(root = process.cwd()) {
  const out = join(root, CLI_BUNDLE);
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    plugins: [lazyPackages(root), externalPackages()],
    target: 'node20',
    define: { 'import.meta.url': '__bidforge_bundle_url' },
    logLevel: 'warning',
    write: false,
  });
  // Written aside and renamed: two commands starting at once never read a half-written bundle.
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, BANNER + withoutImportCalls(result.outputFiles[0].text));
  renameSync(tmp, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
