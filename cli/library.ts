// bidforge library export|import: clause packs through the API, on the store in --data DIR (the same store, lock and
// checks as the app's 条款库 screen).
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { ApiError } from '../core/api/envelope.js';

export type LibraryArgs = {
  action: string | undefined;
  file: string | undefined;
  out?: string;
  clauses?: string;
  blueprints?: string;
  resolve?: string;
  dryRun: boolean;
  json: boolean;
};

class LibraryInputError extends Error {}
export const isLibraryInputError = (e: unknown) => e instanceof LibraryInputError;

const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
const RESOLUTIONS = ['keep-mine', 'take-theirs', 'keep-both'] as const;
type Resolution = (typeof RESOLUTIONS)[number];

/** A pack the store refuses (bad checksum, wrong shape) is bad input, named by its file; anything else goes up. */
function refusedPack(file: string) {
  return (e: unknown) => {
    throw e instanceof ApiError && e.code !== 'internal' ? new LibraryInputError(`${file}: ${e.message}`) : e;
  };
}

async function exportPack(api: ApiHandlers, a: LibraryArgs, out: (s: string) => void): Promise<number> {
  if (!a.out) throw new LibraryInputError('library export: name the pack file with --out <file.bfpack.json>');
  const clauseIds = a.clauses === 'all' || (!a.clauses && !a.blueprints) ? [...new Set((await api.libraryList({ filter: {} })).map((c) => c.clauseId))] : list(a.clauses);
  const blueprintIds = a.blueprints === 'all' ? (await api.listBlueprints({})).map((b) => b.id) : list(a.blueprints);
  const { pack } = await api.libraryExportPack({ clauseIds, blueprintIds });
  await writeFile(a.out, JSON.stringify(pack, null, 2) + '\n');
  const { payload } = pack as { payload: { clauses: unknown[]; blueprints: unknown[] } };
  out(`wrote ${resolve(a.out)} (${payload.clauses.length} clauses, ${payload.blueprints.length} blueprints)`);
  return 0;
}

async function importPack(api: ApiHandlers, a: LibraryArgs, out: (s: string) => void): Promise<number> {
  if (!a.file) throw new LibraryInputError('library import: which pack file? (bidforge library import <file.bfpack.json>)');
  let pack: unknown;
  try {
    pack = JSON.parse(await readFile(a.file, 'utf8'));
  } catch (e) {
    throw new LibraryInputError(`${a.file}: ${(e as NodeJS.ErrnoException).code ? `cannot read the file (${(e as NodeJS.ErrnoException).code})` : `not valid JSON (${(e as Error).message})`}`);
  }
  if (a.resolve && !(RESOLUTIONS as readonly string[]).includes(a.resolve)) throw new LibraryInputError(`--resolve must be keep-mine, take-theirs or keep-both, not "${a.resolve}"`);
  const preview = await api.libraryPreviewImport({ pack }).catch(refusedPack(a.file));
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
  const resolutions = resolution ? Object.fromEntries(preview.items.filter((i) => i.status === 'conflicting').map((i) => [i.key, resolution])) : {};
  const report = await api.libraryApplyImport({ pack, resolutions }).catch(refusedPack(a.file));
  out(a.json ? JSON.stringify(report, null, 2) : `imported: ${Object.entries(report.counts).filter(([, n]) => n).map(([k, n]) => `${n} ${k}`).join(', ') || 'nothing to change'}`);
  return 0;
}

export async function libraryCommand(api: ApiHandlers, a: LibraryArgs, out: (s: string) => void): Promise<number> {
  if (a.action === 'export') return exportPack(api, a, out);
  if (a.action === 'import') return importPack(api, a, out);
  throw new LibraryInputError(`library: say export or import, not "${a.action ?? ''}"`);
}
