// The forms the tender mandates, applied to an assembled document (#18): the computed 偏离表 takes the tender's
// columns, in its order and worded as it words them; a letter takes the tender's 承诺书 — its title, addressee,
// opening and closing sentences — around our numbered commitments (our own salutation and closing give way).
// Which forms are followed is the writer's choice, kept in project.tender (core/tender/formsFollow.ts).
import { DEVIATION_TABLE_HEADER, deviationTableCells, type DeviationRow } from '../deviation/compute.js';
import { projectFacts } from '../commitments/resolve.js';
import type { ClauseVersion } from '../model/library.js';
import type { Block, DocumentLayout } from '../model/document.js';
import type { Project } from '../model/project.js';
import type { Value } from '../model/variables.js';
import { letterParts, mandatedLetter, mandatedRows, mandatedTable, printedTitle } from '../tender/formsFollow.js';

/** Clauses a mandated 承诺书 replaces: our salutation with its opening, and our closing. */
export const isLetterFrame = (clause: ClauseVersion) =>
  clause.category === '承诺书抬头' || clause.category === '承诺书结尾';

const isComputedTable = (b: Block) =>
  b.kind === 'table' &&
  b.header.length === DEVIATION_TABLE_HEADER.length &&
  b.header.every((h, i) => h === DEVIATION_TABLE_HEADER[i]);

const paragraph = (text: string, role?: 'addressee'): Block => ({
  kind: 'paragraph',
  runs: [{ text }],
  ...(role ? { role } : {}),
});

/** The values the mandated letter's placeholders take (fillPlaceholders). */
export function letterValues(project: Project, values: Map<string, Value>) {
  const text = (key: string) => (typeof values.get(key) === 'string' ? (values.get(key) as string) : undefined);
  return {
    purchaser: text('purchaser_name'),
    bidder: text('company_name') ?? project.bidder,
    project: project.title,
    projectNo: project.projectNo,
  };
}

/**
 * The document's blocks with the mandated forms followed, and the title the letter takes. `frame`: blocks that came
 * from our salutation and closing clauses (isLetterFrame).
 */
export function followMandatedForms(
  project: Project,
  layout: DocumentLayout,
  blocks: Block[],
  frame: ReadonlySet<unknown>,
  deviations: DeviationRow[],
  values: Map<string, Value>,
): { blocks: Block[]; title?: string } {
  let out = blocks;
  const table = mandatedTable(project.tender);
  if (table) {
    const cells = deviationTableCells(deviations);
    out = out.map((b) => (isComputedTable(b) ? { kind: 'table', ...mandatedRows(table, cells) } : b));
  }
  const letter = layout === 'letter' ? mandatedLetter(project.tender) : undefined;
  if (!letter) return { blocks: out };
  const parts = letterParts(letter.text, letterValues(project, values), projectFacts(project));
  const annex = out.findIndex((b) => b.kind === 'heading' && b.annex);
  const body = annex < 0 ? out : out.slice(0, annex);
  return {
    blocks: [
      ...(parts.addressee ? [paragraph(parts.addressee, 'addressee')] : []),
      ...parts.opening.map((s) => paragraph(s)),
      ...body.filter((b) => !frame.has(b)),
      ...parts.closing.map((s) => paragraph(s)),
      ...(annex < 0 ? [] : out.slice(annex)),
    ],
    title: printedTitle(letter.title),
  };
}
