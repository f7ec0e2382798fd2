// The installed CLI's start-up caches (#14): the V8 code cache of bin/codeCache.mjs is filled by a first run and read
// by the next, a damaged cache file is ignored (and written anew) without a crash, and `bidforge render` gives the
// same PDF with the caches, without them, and with a damaged one.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools } from '../helpers/tools.js';

/** Loads a few CommonJS packages through the code cache in a process of its own; its counts, as JSON. */
const LOADER = `
import { createRequire } from 'node:module';
const { installCodeCache } = await import(${JSON.stringify(join(repoRoot, 'bin', 'codeCache.mjs'))});
const state = installCodeCache(${JSON.stringify(repoRoot)}, 'test');
const require = createRequire(${JSON.stringify(join(repoRoot, 'package.json'))});
const Handlebars = require('handlebars');
const text = Handlebars.compile('{{a}}+{{b}}')({ a: 1, b: 2 });
require('pdfkit');
console.log(JSON.stringify({ ...state, text }));
`;

function load(cache: string): { file: string; hits: number; misses: number; text: string } {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', LOADER], {
    encoding: 'utf8',
    env: { ...process.env, BIDFORGE_CACHE_DIR: cache, BIDFORGE_CACHE: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

describe('冷启动缓存：首次运行写入，之后读取，损坏时忽略', () => {
  it('fills the code cache on the first run, reads it on the next, and ignores a damaged file', () => {
    const cache = tempDir();
    const first = load(cache);
    expect(first.text).toBe('1+2');
    expect(first.hits).toBe(0);
    expect(first.misses).toBeGreaterThan(20);
    expect(statSync(first.file).size).toBeGreaterThan(100_000);

    const second = load(cache);
    expect(second).toMatchObject({ hits: first.misses, misses: 0, text: '1+2' });

    // Bytes overwritten in the middle of the cached code: that module is compiled again, the others are read.
    const bytes = readFileSync(first.file);
    bytes.fill(0x5a, bytes.length >> 1, (bytes.length >> 1) + 4096);
    writeFileSync(first.file, bytes);
    const damaged = load(cache);
    expect(damaged.text).toBe('1+2');
    expect(damaged.misses).toBeGreaterThan(0);
    expect(damaged.hits + damaged.misses).toBe(first.misses);
    // …and the file written anew.
    expect(load(cache)).toMatchObject({ hits: first.misses, misses: 0 });

    // A cut-off file, and one that is not a cache at all.
    writeFileSync(first.file, readFileSync(first.file).subarray(0, 5000));
    expect(load(cache)).toMatchObject({ hits: 0, misses: first.misses, text: '1+2' });
    writeFileSync(first.file, 'not a cache');
    expect(load(cache)).toMatchObject({ hits: 0, misses: first.misses, text: '1+2' });
  });

  it('compiles a module that may call import() without the cache (Node 20 cannot run it from cached code)', async () => {
    const { callsImport } = (await import(join(repoRoot, 'bin', 'codeCache.mjs'))) as {
      callsImport(source: string): boolean;
    };
    expect(callsImport('const m = await import("x");')).toBe(true);
    expect(callsImport('load = () => import (name)')).toBe(true);
    expect(callsImport('const url = "http://a"; import(u)')).toBe(true);
    expect(callsImport('x = 1; /* a note */ import(u)')).toBe(true);
    // Mentioned in comments only, as docx and zod do: cached.
    expect(callsImport('  // an inline `import()` of an ESM path\nfoo();')).toBe(false);
    expect(callsImport('/**\n* the parts a package import (`w:altChunk`)\n*/\nbar();')).toBe(false);
    expect(callsImport('obj.import(x); reimport(y); $import(z)')).toBe(false);
  });

  it('inflates the Unicode tables fontkit, unicode-properties and linebreak load natively, to the same tables', () => {
    // Every code point's script, category and line-break class, and raw inflates of several sizes, in a process
    // with zlib's inflate and in one with tiny-inflate's.
    const script = (native: boolean) => `
      import { createRequire } from 'node:module';
      import { createHash } from 'node:crypto';
      import { deflateRawSync } from 'node:zlib';
      const { inflateNatively } = await import(${JSON.stringify(join(repoRoot, 'bin', 'nativeInflate.mjs'))});
      const require = createRequire(${JSON.stringify(join(repoRoot, 'package.json'))});
      const used = ${native} ? inflateNatively(${JSON.stringify(repoRoot)}) : false;
      const props = require('unicode-properties');
      const trie = require(require.resolve('unicode-trie', { paths: [require.resolve('linebreak')] }));
      const inflate = require('tiny-inflate');
      const h = createHash('sha256');
      for (let cp = 0; cp < 0x32000; cp++) h.update(props.getScript(cp) + props.getCategory(cp) + props.getEastAsianWidth(cp));
      const data = Buffer.from('条款'.repeat(5000) + 'abc'.repeat(3000));
      const packed = deflateRawSync(data);
      for (const size of [data.length, data.length + 100, data.length - 100])
        h.update(Buffer.from(inflate(packed, new Uint8Array(size))));
      h.update(String(typeof trie));
      require('fontkit');
      console.log(JSON.stringify({ used, digest: h.digest('hex') }));
    `;
    const digest = (native: boolean) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(native)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as { used: boolean; digest: string };
    };
    const native = digest(true);
    expect(native.used).toBe(true);
    expect(native.digest).toBe(digest(false).digest);
  });

  it('defers brotli and AES until first used, and they then work as the real modules', () => {
    const script = (defer: boolean) => `
      import { createRequire } from 'node:module';
      import { brotliCompressSync } from 'node:zlib';
      const { deferModules } = await import(${JSON.stringify(join(repoRoot, 'bin', 'deferModules.mjs'))});
      const deferred = ${defer} ? deferModules(${JSON.stringify(repoRoot)}) : [];
      const require = createRequire(${JSON.stringify(join(repoRoot, 'package.json'))});
      require('fontkit');
      const PDFDocument = require('pdfkit');
      const fromFontkit = createRequire(require.resolve('fontkit'));
      const fromPdfkit = createRequire(require.resolve('pdfkit'));
      const loadedEarly = !!require.cache[fromFontkit.resolve('brotli/dec/decode.js')];
      const text = Buffer.from('条款 BidForge '.repeat(200));
      const decompress = fromFontkit('brotli/decompress.js');
      const unpacked = Buffer.from(decompress(brotliCompressSync(text), text.length)).equals(text);
      const aes = fromPdfkit('@noble/ciphers/aes');
      const sealed = Buffer.from(aes.cbc(new Uint8Array(16).fill(7), new Uint8Array(16).fill(9)).encrypt(text)).toString('base64');
      const doc = new PDFDocument({ userPassword: 'a', ownerPassword: 'b', info: { CreationDate: new Date(0) } });
      const chunks = [];
      doc.on('data', (c) => chunks.push(c));
      doc.on('end', () => console.log(JSON.stringify({ deferred: deferred.length, unpacked, sealed, pdf: Buffer.concat(chunks).length, loadedEarly })));
      doc.text('x');
      doc.end();
    `;
    const run = (defer: boolean) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script(defer)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    };
    const deferred = run(true);
    const real = run(false);
    expect(deferred.deferred).toBe(2);
    expect(deferred.loadedEarly).toBe(false); // not loaded with fontkit…
    expect(real.loadedEarly).toBe(true);
    expect(deferred.unpacked).toBe(true); // …and works when used
    expect({ ...deferred, deferred: 0, loadedEarly: 0 }).toEqual({ ...real, deferred: 0, loadedEarly: 0 });
  });

  const note = missingTools(['pdftotext']);
  it('renders the same PDF with the caches filled, without caches, and with damaged ones', (ctx) => {
    ctx.skip(!!note, note);
    const cache = tempDir();
    const sample = join(repoRoot, 'templates', 'samples', 'service-plan-full-sample.json');
    const render = (out: string, env: Record<string, string> = {}) => {
      const r = spawnSync(
        process.execPath,
        [join(repoRoot, 'bin', 'bidforge.mjs'), 'render', sample, '--out', out, '--format', 'pdf'],
        { encoding: 'utf8', env: { ...process.env, BIDFORGE_CACHE_DIR: cache, ...env }, timeout: 180_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
      return spawnSync('pdftotext', ['-layout', join(out, pdf), '-'], { encoding: 'utf8' }).stdout;
    };
    const plain = render(tempDir(), { BIDFORGE_CACHE: '0' });
    expect(plain.split('\f').length).toBeGreaterThan(5);
    expect(render(tempDir())).toBe(plain); // fills the caches
    const v8 = readdirSync(join(cache, 'v8'));
    const templates = readdirSync(join(cache, 'templates'));
    expect(v8.length).toBe(1);
    expect(templates.length).toBeGreaterThan(5);
    expect(render(tempDir())).toBe(plain); // reads them
    // Every cache file damaged: ignored, the same PDF.
    writeFileSync(join(cache, 'v8', v8[0]!), 'BFCC2 garbage');
    for (const t of templates) writeFileSync(join(cache, 'templates', t), '// 0\n{ broken');
    expect(render(tempDir())).toBe(plain);
  }, 300_000);
});
