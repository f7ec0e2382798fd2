// A V8 code cache for the CommonJS modules the CLI loads (its bundle and the packages under node_modules), as
// Node ≥ 22's module.enableCompileCache does, for Node 20: a cold `bidforge render` otherwise spends a good part of
// its CPU parsing and compiling JavaScript, the same every run.
//
// Each module is compiled with vm.Script and the bytecode V8 made for it last time (cachedData). The bytecode is
// saved when the process exits, after the command ran, so it holds the functions the command called too (V8 compiles
// a function on its first call). One file per command shape (`render --format pdf`, `check`, …): commands call
// different functions. Entries are keyed by the module's path and a hash of its source, the file by Node's version
// and architecture; V8 itself refuses data made by another version or with other flags. The file is written aside and
// renamed (two processes never see half a file); an unreadable or corrupt file is ignored and written anew. The cache
// changes no output: the same source compiles to the same program with or without it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

const MAGIC = 'BFCC2';
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(/g;

/**
 * Whether a source may call import(): any `import(` outside a comment that starts its line (`// …`, or a block
 * opened by `/*` at the start of a line and not yet closed). Packages mention import() in such comments (docx, zod),
 * and taking that for a call would compile them without the cache.
 */
export function callsImport(source) {
  DYNAMIC_IMPORT.lastIndex = 0;
  for (let m = DYNAMIC_IMPORT.exec(source); m; m = DYNAMIC_IMPORT.exec(source)) {
    const lineStart = source.lastIndexOf('\n', m.index) + 1;
    if (/^\s*\/\//.test(source.slice(lineStart, m.index))) continue;
    const open = source.lastIndexOf('/*', m.index);
    if (
      open >= 0 &&
      source.indexOf('*/', open) > m.index &&
      /^\s*$/.test(source.slice(source.lastIndexOf('\n', open) + 1, open))
    )
      continue;
    return true;
  }
  return false;
}

/** The user's cache folder for BidForge: $BIDFORGE_CACHE_DIR, else the platform's cache folder. */
export function cacheDir() {
  if (process.env.BIDFORGE_CACHE_DIR) return process.env.BIDFORGE_CACHE_DIR;
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'bidforge', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'bidforge');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bidforge');
}

/** The shape of a command line that decides which functions run: the command and its --format. */
export function commandShape(args) {
  const word = (s) => (typeof s === 'string' && /^[a-z][a-z-]{0,30}$/.test(s) ? s : 'other');
  const at = args.indexOf('--format');
  const format = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--format='))?.slice(9);
  return format === undefined ? word(args[0]) : `${word(args[0])}-${word(format)}`;
}

// CRC-32 and length where Node has it (20.15+; a few ms for all the sources and the cache), else SHA-256: enough to
// tell a changed source or damaged bytes, which is all a key or a check here is for.
const hash = zlib.crc32
  ? (s) => `${zlib.crc32(s).toString(36)}.${s.length.toString(36)}`
  : (s) => createHash('sha256').update(s).digest('base64url');

/** The entries of a cache file: path → { key, data }; empty when it is missing, of another format or damaged. */
function readEntries(file) {
  const entries = new Map();
  let buf;
  try {
    buf = readFileSync(file);
  } catch {
    return entries;
  }
  try {
    if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return entries;
    const headerLength = buf.readUInt32LE(MAGIC.length);
    let at = MAGIC.length + 4 + headerLength;
    const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, at));
    const found = new Map();
    for (const [path, key, length, sum] of header) {
      const data = buf.subarray(at, at + length);
      at += length;
      // A damaged entry is dropped: V8 would refuse most damage, but not all of it.
      if (data.length === length && hash(data) === sum) found.set(path, { key, data, sum });
    }
    return found;
  } catch {
    return entries;
  }
}

/**
 * Compiles CommonJS modules through the cache from now on; `shape` names the cache file (commandShape). Returns what
 * it did, for tests: { file, hits, misses }. A module that calls import() is compiled by Node as before: Node 20
 * cannot run import() from a script compiled with cached data. `bundle` is exempt: its import() calls are made by the
 * bin (scripts/build-cli.mjs), and only its fallback for a bundle loaded without the bin has one.
 */
export function installCodeCache(root, shape, bundle) {
  const state = { file: undefined, hits: 0, misses: 0 };
  if (process.env.BIDFORGE_CACHE === '0') return state;
  const dir = join(cacheDir(), 'v8');
  const tail = `-${process.arch}-${hash(root)
    .replace(/[^\w-]/g, '')
    .slice(0, 12)}-${shape.replace(/[^a-z-]/g, '')}.bin`;
  const file = join(dir, `${process.version}${tail}`);
  state.file = file;
  const old = readEntries(file);
  const compiled = new Map();
  let changed = false;

  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (filename !== bundle && callsImport(content)) return compile.call(this, content, filename);
    // A hashbang line is only valid at the very start of a script: kept as a comment, so lines still match.
    const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
    const key = hash(source);
    const known = old.get(filename);
    const cachedData = known?.key === key ? known.data : undefined;
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    if (cachedData && !script.cachedDataRejected) state.hits++;
    else {
      state.misses++;
      changed = true;
    }
    compiled.set(filename, { key, script });
    const require = (id) => this.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, this, false, options);
    require.resolve.paths = (request) => Module._resolveLookupPaths(request, this);
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    const wrapper = script.runInThisContext({ displayErrors: true });
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };

  process.once('exit', () => {
    if (!changed) return;
    try {
      const parts = [];
      for (const [path, { key, script }] of compiled) {
        const data = script.createCachedData();
        parts.push({ path, key, data, sum: hash(data) });
      }
      // Modules another run of this shape loaded and this one did not stay.
      for (const [path, e] of old) if (!compiled.has(path)) parts.push({ path, ...e });
      const header = Buffer.from(JSON.stringify(parts.map((p) => [p.path, p.key, p.data.length, p.sum])));
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, ...parts.map((p) => p.data)]));
        renameSync(tmp, file);
        // The same command's cache from another version of Node is of no use any more.
        for (const name of readdirSync(dir))
          if (name.endsWith(tail) && name !== basename(file)) rmSync(join(dir, name), { force: true });
      } catch {
        try {
          unlinkSync(tmp);
        } catch {}
      }
    } catch {
      // A cache that cannot be written (read-only home, full disk) only costs the next start its compiling.
    }
  });
  return state;
}
