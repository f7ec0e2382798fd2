// Word import on a file's bytes with the library in the store: what the API channel and the CLI run (Node: it may
// start LibreOffice for an old Word or WPS file).
import type { LibraryStore } from '../store/store.js';
import { convertOldWord } from './convert.js';
import { importWord, type ExistingClause, type WordImport } from './index.js';
import { oldWordError, wordFormatOf } from './read.js';

/** The latest version of every variant that is not retired: what a candidate may duplicate. */
export async function existingClauses(s: LibraryStore): Promise<ExistingClause[]> {
  const out: ExistingClause[] = [];
  const ids = [...new Set((await s.listClauses()).map((r) => r.clauseId))];
  for (const id of ids) {
    const c = await s.getClause(id);
    for (const v of c?.variants ?? []) {
      const latest = v.versions[v.versions.length - 1];
      if (c && latest && latest.status !== 'retired')
        out.push({ clauseId: c.id, variant: v.name, title: c.title, body: latest.body });
    }
  }
  return out;
}

export async function importWordFile(
  bytes: Uint8Array,
  fileName: string,
  existing: readonly ExistingClause[],
): Promise<WordImport> {
  if (wordFormatOf(bytes, fileName) !== 'old') return importWord(bytes, fileName, existing);
  const docx = await convertOldWord(bytes, fileName);
  if (!docx) throw oldWordError(fileName);
  const converted = `${fileName.replace(/\.[^.]+$/, '')}.docx`;
  return { ...(await importWord(docx, converted, existing)), fileName, convertedFrom: fileName };
}
