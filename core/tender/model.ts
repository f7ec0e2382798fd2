// What reading a tender gives: its text with where each piece sits, and the rows proposed from it. Types only, so the
// renderer can import them.

/**
 * Where a piece of text sits. PDF: `page` is the printed page and `paragraph` counts paragraphs on the page where
 * the paragraph starts (`pageEnd` when it runs onto later pages).
 * DOCX: a DOCX has no pages until Word lays it out, so `page` counts explicit page breaks only (a lower bound) and
 * `paragraph` counts non-empty paragraphs and tables through the whole document — the reliable reference.
 */
export type Loc = { page: number; pageEnd?: number; paragraph: number };
export type CellLoc = Loc & { table: number; row: number; column: number };

/** Page offsets inside a paragraph that runs over a page break: the text from `at` on is on `page`. */
export type PageMark = { at: number; page: number };

export type TextBlock =
  | { type: 'paragraph'; text: string; loc: Loc; heading?: number; pages?: PageMark[] }
  | { type: 'table'; loc: Loc; table: number; rows: { text: string; loc: CellLoc }[][] };

export type TenderFormat = 'docx' | 'pdf';
export type TenderText = {
  format: TenderFormat;
  /** PDF: pages in the file; DOCX: 1 + explicit page breaks. */
  pages: number;
  /** `layout` for PDF pages; `breaks` when pages are counted from explicit page breaks (DOCX). */
  pageBasis: 'layout' | 'breaks';
  /** `page` when paragraphs are counted per page (PDF), `document` when through the document (DOCX). */
  paragraphBasis: 'page' | 'document';
  blocks: TextBlock[];
};

/** A sentence or a table row, with its place and the chapter headings above it. */
export type TenderSentence = {
  text: string;
  loc: Loc | CellLoc;
  /** The headings above it, outermost first (a heading's own list ends with itself). */
  chapter: string[];
  /** Its outline level, when the sentence is a heading. */
  heading?: number;
  /** Table rows: the row's cells, in column order; `header` is the table's first row. */
  cells?: string[];
  header?: string[];
};

export const ROW_KINDS = ['requirement', 'star', 'triangle', 'disqualify', 'scoring', 'format', 'toc'] as const;
/** requirement; ★ item (实质性); ▲ item (重要); 废标 condition; 评分标准 item; mandated 投标文件格式; mandated 目录 entry. */
export type RowKind = (typeof ROW_KINDS)[number];

export type TenderRow = {
  kind: RowKind;
  /** The source sentence (or table row) as the tender words it. */
  text: string;
  loc: Loc | CellLoc;
  /** The nearest headings above, outermost first. */
  chapter: string[];
  /** 条目号 such as 3.2.1 or （五）, when the sentence starts with one. */
  item?: string;
  /** The figure it asks for: ≤ for limits, ≥ for minimums, = for a fixed schedule such as 7×24. */
  op?: '<=' | '>=' | '=';
  value?: number;
  unit?: string;
  /** A service schedule such as 7×24 or 5×8 (op "="). */
  schedule?: string;
  /** The project variable and the fact (core/commitments) it concerns, when known. */
  key?: string;
  fact?: string;
  /** Which phrasing matched (core/tender/patterns.ts or core/deviation/recognize.ts). */
  pattern?: string;
  /** Scoring items: the points, when stated. */
  points?: number;
  /** Mandated formats: the form's title, its fixed wording and, for a table form, its columns in order. */
  form?: { title: string; text: string; columns?: string[] };
};

export type TenderReading = {
  fileName: string;
  format: TenderFormat;
  pages: number;
  pageBasis: TenderText['pageBasis'];
  paragraphBasis: TenderText['paragraphBasis'];
  rows: TenderRow[];
  /** Requirement-like sentences of the service chapters that no phrasing recognised: listed, never dropped. */
  review: TenderRow[];
  sentences: number;
  /** The file's SHA-256 (hex): the project records which file its rows came from. */
  sha256?: string;
};
