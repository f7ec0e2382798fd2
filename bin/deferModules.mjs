// Modules that packages of the CLI load when they are loaded but use only for what BidForge never does: fontkit's
// brotli (WOFF2 fonts; it decodes a 120 KB dictionary on load) and pdfkit's AES (encrypted PDFs; it builds its tables
// on load). Each is put in require's cache as a stand-in that loads the real module on first use, so a render does
// not pay for them (~15 ms of a cold start). The stand-in's members are the real module's, read through a Proxy.
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** [package whose require() finds it, module required] */
export const DEFERRED = [
  ['fontkit', 'brotli/decompress.js'],
  ['pdfkit', '@noble/ciphers/aes'],
];

/** The real module at `file`, loaded outside require's cache (where the stand-in is). */
function loadReal(file) {
  const m = new Module(file, null);
  m.filename = file;
  m.paths = Module._nodeModulePaths(dirname(file));
  m.load(file);
  return m.exports;
}

/** Installs the stand-ins (as found from `root`); returns the files deferred. */
export function deferModules(root) {
  const rootRequire = createRequire(join(root, 'package.json'));
  const done = [];
  for (const [pkg, request] of DEFERRED) {
    let file;
    try {
      file = createRequire(rootRequire.resolve(pkg)).resolve(request);
    } catch {
      continue;
    }
    if (Module._cache[file]) continue; // already loaded: nothing to save
    let real;
    const load = () => {
      real ??= loadReal(file);
      return real;
    };
    // A function as target, so a module that is itself a function (brotli's decompress) can be called; an arrow
    // function, which has no own property a Proxy must report as the target's.
    const exports = new Proxy(() => {}, {
      apply: (_, self, args) => Reflect.apply(load(), self, args),
      get: (_, key) => load()[key],
      has: (_, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_, key) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), key);
        return d && { ...d, configurable: true };
      },
    });
    const stand = new Module(file, null);
    stand.filename = file;
    stand.loaded = true;
    stand.exports = exports;
    Module._cache[file] = stand;
    done.push(file);
  }
  return done;
}
