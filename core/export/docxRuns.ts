// Document runs → docx TextRuns, shared by the body, tables and the cover.
import { TextRun } from 'docx';
import type { Run } from '../model/document.js';

/** Runs with their line breaks as real Word breaks (a "\n" inside w:t would show as a space). */
export function runs(rs: Run[]): TextRun[] {
  // Only true flags are passed: docx writes <w:b w:val="false"/> for an explicit false, thousands of times in a long table.
  return rs.flatMap((r) => r.text.split('\n').map((text, i) => new TextRun({ text, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italics: true } : {}), ...(i > 0 ? { break: 1 } : {}) })));
}
