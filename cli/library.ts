// bidforge library export|import: clause packs against the store in --data DIR (the same store and lock as the app).
import { readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore, type LibraryStore, type Resolution } from '../core/library/store/index.js';
import { BidForgeError } from '../core/model/problem.js';
import { templatesDir } from '../host/paths.js';

export const defaultDataDir = () => process.env.BIDFORGE_DATA ?? join(homedir(), '.bidforge');

export type LibraryArgs = {
  action: string | undefined;
  file: string | undefined;
  data?: string;
  out?: string;
  clauses?: string;
  blueprints?: string;
  resolve?: string;
  dryRun: boolean;
  json: boolean;
};

class LibraryInputError extends Error {}
export const isLibraryInputError = (e: unknown) => e instanceof LibraryInputError;

async function withStore<T>(dataDir: string, fn: (s: LibraryStore) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir, program: 'CLI', templatesDir: templatesDir() });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

export async function libraryCommand(a: LibraryArgs, out: (s: string) => void): Promise<number> {
  const dataDir = resolve(a.data ?? defaultDataDir());
  if (a.action === 'export') {
    if (!a.out) throw new LibraryInputError('library export: name the pack file with --out <file.bfpack.json>');
    const pack = await withStore(dataDir, async (s) => {
      const clauseIds = a.clauses === 'all' || (!a.clauses && !a.blueprints) ? [...new Set((await s.listClauses()).map((c) => c.clauseId))] : list(a.clauses);
      return s.exportPack({ clauseIds, blueprintIds: a.blueprints === 'all' ? (await s.listBlueprints()).map((b) => b.id) : list(a.blueprints) });
    });
    await writeFile(a.out, JSON.stringify(pack, null, 2) + '\n');
    out(`wrote ${resolve(a.out)} (${pack.payload.clauses.length} clauses, ${pack.payload.blueprints.length} blueprints)`);
    return 0;
  }
  if (a.action === 'import') {
    if (!a.file) throw new LibraryInputError('library import: which pack file? (bidforge library import <file.bfpack.json>)');
    let pack: unknown;
    try {
      pack = JSON.parse(await readFile(a.file, 'utf8'));
    } catch (e) {
      throw new LibraryInputError(`${a.file}: ${(e as NodeJS.ErrnoException).code ? `cannot read the file (${(e as NodeJS.ErrnoException).code})` : `not valid JSON (${(e as Error).message})`}`);
    }
    if (a.resolve && !['keep-mine', 'take-theirs', 'keep-both'].includes(a.resolve)) throw new LibraryInputError(`--resolve must be keep-mine, take-theirs or keep-both, not "${a.resolve}"`);
    return withStore(dataDir, async (s) => {
      const preview = await s.previewImport(pack).catch((e: unknown) => {
        throw e instanceof BidForgeError ? new LibraryInputError(`${a.file}: ${e.message}`) : e;
      });
      if (a.dryRun || !a.resolve) {
        if (a.json) out(JSON.stringify(preview, null, 2));
        else {
          out(`${a.file}: ${preview.counts.new} new, ${preview.counts.identical} identical, ${preview.counts.conflicting} conflicting`);
          for (const i of preview.items) if (i.status !== 'identical') out(`  ${i.status}\t${i.key}\t${i.title}`);
          for (const w of preview.warnings) out(`  warning: ${w}`);
        }
        if (a.dryRun) return 0;
      }
      const resolution = a.resolve as Resolution;
      const resolutions = Object.fromEntries(preview.items.filter((i) => i.status === 'conflicting').map((i) => [i.key, resolution]));
      const report = await s.applyImport(pack, resolutions);
      out(a.json ? JSON.stringify(report, null, 2) : `imported: ${Object.entries(report.counts).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing to change'}`);
      return 0;
    });
  }
  throw new LibraryInputError(`library: say export or import, not "${a.action ?? ''}"`);
}
