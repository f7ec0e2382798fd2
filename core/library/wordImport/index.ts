// Word in: an existing DOCX (a past service plan, agreement or commitment letter) → candidate clauses for legal to
// accept, merge, retitle or discard. Each candidate has its title and category from the document's headings, its body
// as clause Markdown with the figures replaced by the facts and variables they state (template.ts), the facts proposed
// with the figures found, and marks when it duplicates or nearly duplicates a clause already in the library
// (similar.ts). Nothing is stored here: accepted candidates become drafts through the library's create channel.
import { docTypeOf, type WordCandidate, type WordImport } from './model.js';
import { readWord } from './read.js';
import { splitSections, type Section } from './split.js';
import { SimilarityIndex, DUPLICATE, type ExistingClause } from './similar.js';
import { partMarkdown, Proposals } from './template.js';

export type { ExistingClause };
export * from './model.js';
export { DUPLICATE, NEAR_DUPLICATE } from './similar.js';
export { readWord, wordFormatOf, oldWordError } from './read.js';

/** At most this many candidates from one file (a 300-page document has a few hundred). */
export const MAX_CANDIDATES = 2000;

const plainText = (s: Section) =>
  s.parts.map((p) => (p.kind === 'table' ? p.rows.map((r) => r.join('\t')).join('\n') : p.text)).join('\n');

/** A title for text that had no heading: its first words. */
function titleOf(s: Section, fileName: string): string {
  const first = s.parts.find((p) => p.kind === 'paragraph');
  const text = first?.kind === 'paragraph' ? first.text.replace(/[。；;：:，,].*$/s, '') : '';
  return (text.length >= 2 && text.length <= 30 ? text : fileName.replace(/\.[^.]+$/, '')).slice(0, 60);
}

export function candidateOf(s: Section, n: number, fileName: string, index: SimilarityIndex): WordCandidate {
  const p = new Proposals();
  const body = s.parts.map((part) => partMarkdown(part, p)).join('\n\n');
  const text = plainText(s);
  const duplicates = index.marks(text);
  const title = (s.untitled ? titleOf(s, fileName) : s.title).slice(0, 200);
  return {
    n,
    title,
    category: (s.untitled ? title : s.category).slice(0, 200),
    body,
    text,
    facts: p.facts,
    variables: p.variables,
    tables: s.parts.filter((x) => x.kind === 'table').length,
    duplicates,
    mark: !duplicates.length ? 'new' : duplicates[0]!.similarity >= DUPLICATE ? 'duplicate' : 'near',
  };
}

/** Reads a DOCX and proposes its clauses, marked against `existing` (the library's clauses, latest of each variant). */
export async function importWord(
  bytes: Uint8Array,
  fileName: string,
  existing: readonly ExistingClause[],
): Promise<WordImport> {
  const doc = await readWord(bytes, fileName);
  const { by, sections } = splitSections(doc.blocks);
  const index = new SimilarityIndex(existing);
  const candidates = sections.slice(0, MAX_CANDIDATES).map((s, i) => candidateOf(s, i + 1, fileName, index));
  const title = doc.blocks
    .slice(0, 3)
    .map((b) => (b.type === 'paragraph' ? b.text : ''))
    .join(' ');
  return { fileName, pages: doc.pages, splitBy: by, docType: docTypeOf(`${fileName} ${title}`), candidates };
}
