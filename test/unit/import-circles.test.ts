// No module of the project imports itself back through others: a circle makes load order decide what is undefined,
// and it is how a "kept by hand" list grows back. Type-only imports count too: they tie the modules' designs together.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const SOURCE_DIRS = ['core', 'cli', 'host', 'electron', 'renderer/src', 'server', 'scripts', 'bench'];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    if (e === 'node_modules' || e.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e) && !e.endsWith('.d.ts') ? [p] : [];
  });
}

/** Static `import … from`, `export … from`, side-effect imports, `import('…')` and `import('…').T` types. */
const SPECIFIER = /(?:\b(?:import|export)\b[^'"`;]*?\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"]+)\1/g;
const COMMENT = /\/\*[\s\S]*?\*\/|(^|[^:'"\\])\/\/.*$/gm;

/** The project files a module imports or re-exports (relative and `@core/…` specifiers; `x.js` is written for `x.ts`). */
function importsOf(file: string, known: Set<string>): string[] {
  // TypeScript 7's package has no JavaScript compiler API, so a plain scan: comments out, then the specifiers.
  const text = readFileSync(file, 'utf8').replace(COMMENT, '$1');
  return [...text.matchAll(SPECIFIER)]
    .map((m) => m[2]!)
    .filter((s) => s.startsWith('.') || s.startsWith('@core/'))
    .map((s) => {
      const target = s.startsWith('@core/') ? join(ROOT, 'core', s.slice('@core/'.length)) : resolve(dirname(file), s);
      const base = target.replace(/\.(m?js|jsx)$/, '');
      return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => known.has(c));
    })
    .filter((f): f is string => f !== undefined);
}

/** Strongly connected components with more than one module (or a module importing itself): Tarjan's algorithm. */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)?.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return found;
}

describe('imports', () => {
  it('no module of the project imports itself back through a circle of others', () => {
    const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d)));
    const known = new Set(files);
    const graph = new Map(files.map((f) => [f, importsOf(f, known)]));
    const found = circles(graph).map((c) => c.map((f) => relative(ROOT, f)));
    expect(found).toEqual([]);
  });

  it('the walk finds a circle when there is one', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c']]);
  });
});
