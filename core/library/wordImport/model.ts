// What a Word import proposes: pure types and bounds, so the API contract (which the renderer reads) can name them.
import type { DocType } from '../../model/library.js';
import type { VariableDecl } from '../../model/variables.js';

/** The file itself: the API carries it base64 in a JSON body the host accepts up to 25 MB. */
export const WORD_MAX_BYTES = 18 * 1024 * 1024;

/** A fact the text states, with the figure found: what legal would enter as the company's usual promise. */
export type ProposedFact = { id: string; label: string; value?: number; unit?: string; phrase: string; text: string };

export type DuplicateMark = { clauseId: string; variant: string; title: string; similarity: number };

export type SplitBy = 'headings' | 'numbering' | 'none';

export type WordCandidate = {
  /** 1-based, in document order. */
  n: number;
  title: string;
  category: string;
  /** Clause Markdown: figures replaced by {{figure "…"}} under {{#fact}} guards, or by variables. */
  body: string;
  /** The text as the document has it (tables as rows of cells joined by tabs), for reading and comparing. */
  text: string;
  facts: ProposedFact[];
  variables: VariableDecl[];
  tables: number;
  duplicates: DuplicateMark[];
  mark: 'duplicate' | 'near' | 'new';
};

export type WordImport = {
  fileName: string;
  pages: number;
  splitBy: SplitBy;
  /** The kind of document the clauses are for, read from the file's name and title (协议 → install-agreement …). */
  docType: DocType;
  candidates: WordCandidate[];
  /** Set when the file was an old Word or WPS file that LibreOffice converted first. */
  convertedFrom?: string;
};

/** Two neighbouring candidates as one: the first's title and category, both bodies, facts and variables. */
export function mergeCandidates(a: WordCandidate, b: WordCandidate): WordCandidate {
  const variables = [...a.variables];
  for (const v of b.variables) if (!variables.some((x) => x.key === v.key)) variables.push(v);
  const duplicates = [
    ...a.duplicates,
    ...b.duplicates.filter((d) => !a.duplicates.some((x) => x.clauseId === d.clauseId)),
  ];
  const marks = new Set([a.mark, b.mark]);
  return {
    ...a,
    body: `${a.body}\n\n${b.body}`,
    text: `${a.text}\n${b.text}`,
    facts: [...a.facts, ...b.facts.filter((f) => !a.facts.some((x) => x.id === f.id))],
    variables,
    tables: a.tables + b.tables,
    duplicates,
    mark: marks.size === 1 ? a.mark : 'near',
  };
}

/** The kind of document a file is, by the words of its name and title; a service plan unless it says otherwise. */
export function docTypeOf(words: string): DocType {
  if (/承诺书|承诺函/.test(words)) return 'commitment-letter';
  if (/协议|合同/.test(words)) return 'install-agreement';
  if (/保修卡|三包凭证/.test(words)) return 'warranty-card';
  if (/偏离表/.test(words)) return 'deviation-table';
  return 'service-plan';
}

/** What the library's create channel takes for an accepted candidate: a draft, never approved. */
export function clauseInputOf(c: WordCandidate, fileName: string, docType: DocType = 'service-plan') {
  return {
    category: c.category,
    title: c.title,
    tags: ['Word导入'],
    docTypes: [docType],
    body: c.body,
    variables: c.variables,
    changeNote: `从 ${fileName} 导入`.slice(0, 1000),
  };
}
