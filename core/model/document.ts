// The Document: what assembly produces and every exporter (DOCX, PDF, preview) renders.
import type { TypesettingChoice } from './typesetting.js';
export type Run = { text: string; bold?: boolean; italic?: boolean };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; number: string; text: string; annex?: boolean }
  /** role 'addressee': a letter's salutation (致：采购人：), set flush left above the body. */
  | { kind: 'paragraph'; runs: Run[]; role?: 'addressee' }
  | { kind: 'listItem'; number: string; depth: number; runs: Run[] }
  /** totals: the last row sums the columns above it (合计/总计); exporters may set it apart, e.g. in bold. */
  | { kind: 'table'; header: string[]; align: ('left' | 'center' | 'right')[]; rows: string[][]; totals?: boolean }
  | { kind: 'signature'; parties: { role: string; lines: string[] }[] };

export type DocumentMeta = {
  title: string;
  projectName: string;
  projectNo: string;
  bidder: string;
  date: string;
  docType: string;
  draft: boolean;
  /** The project's layout choice, carried here so exporters need nothing but the Document. */
  typesetting?: TypesettingChoice;
  /** 'hant' when the document was converted to Traditional characters: the exporters' own wording follows it. */
  script?: 'hans' | 'hant';
  /** How the pages are laid out (from the blueprint's document type); absent = 'report'. */
  layout?: DocumentLayout;
  /** A logo for the cover, base64 (not bytes: the Document crosses the HTTP API as JSON). */
  logo?: { type: 'png' | 'jpg'; base64: string };
};

export type Document = { meta: DocumentMeta; blocks: Block[] };

/**
 * How a document is laid out. A report (service plan, agreement) has a cover, a 目录 and 一、 chapters; a letter
 * (承诺书) opens with its title and the addressee, its body runs without chapter headings and it closes with the seal,
 * the signature and the date; a form (偏离表) is a title, its table and the declaration and signature; a card (保修卡)
 * is a title and its labelled parts. None of the last three has a cover or a 目录.
 */
export const DOCUMENT_LAYOUTS = ['report', 'letter', 'form', 'card'] as const;
export type DocumentLayout = (typeof DOCUMENT_LAYOUTS)[number];

/** The layout a document type is printed in. */
export function layoutOf(docType: string): DocumentLayout {
  return docType === 'commitment-letter'
    ? 'letter'
    : docType === 'deviation-table'
      ? 'form'
      : docType === 'warranty-card'
        ? 'card'
        : 'report';
}

/** The layout of a Document (older Documents without one: from their document type). */
export const documentLayout = (doc: Document): DocumentLayout => doc.meta.layout ?? layoutOf(doc.meta.docType);

/** How the pages of a bid package in one file are numbered: on through every part, or from 1 in each part. */
export const PAGE_NUMBERING = ['continuous', 'per-part'] as const;
export type PageNumbering = (typeof PAGE_NUMBERING)[number];

/**
 * A bid package as one file: one cover (from `meta`), one 目录 over every part, then the parts in the order the
 * package lists them, each starting on a new page under its own title.
 */
export type DocumentPackage = { meta: DocumentMeta; parts: Document[]; pageNumbers: PageNumbering };

/** How the cover names the party behind the document. */
export function partyLabel(docType: string): string {
  return docType === 'install-agreement' ? '委托方（甲方）' : docType === 'warranty-card' ? '' : '投标人';
}

/** Annex sections (附件1 …) are not numbered 一、二、 and start on a new page. */
export const isAnnexTitle = (title: string) => /^附件\s*\d*/.test(title);

/** Plain text of a block's content, used by tests and previews. */
export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
