// The Document: what assembly produces and every exporter (DOCX, PDF, preview) renders.
import type { TypesettingChoice } from './typesetting.js';
export type Run = { text: string; bold?: boolean; italic?: boolean };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; number: string; text: string; annex?: boolean }
  | { kind: 'paragraph'; runs: Run[] }
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
  /** A logo for the cover, base64 (not bytes: the Document crosses the HTTP API as JSON). */
  logo?: { type: 'png' | 'jpg'; base64: string };
};

export type Document = { meta: DocumentMeta; blocks: Block[] };

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
