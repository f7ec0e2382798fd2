// Document runs → docx TextRuns, shared by the body, tables and the cover.
import { NoBreakHyphen, TextRun } from 'docx';
import { UNBREAKABLE } from './tableLayout.js';
import type { Run } from '../model/document.js';

/** Runs with their line breaks as real Word breaks (a "\n" inside w:t would show as a space). */
export function runs(rs: Run[]): TextRun[] {
  // Only true flags are passed: docx writes <w:b w:val="false"/> for an explicit false, thousands of times in a long table.
  return rs.flatMap((r) =>
    r.text.split('\n').map(
      (text, i) =>
        new TextRun({
          text,
          ...(r.bold ? { bold: true } : {}),
          ...(r.italic ? { italics: true } : {}),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
  );
}

/**
 * A table cell's text as runs in which the hyphens of a phone number, a date or a code are Word's non-breaking hyphen
 * (w:noBreakHyphen), so Word, WPS and LibreOffice never end a line inside 「400-800-1234」 (the PDF sets such values
 * noWrap). Text without them goes through runs() unchanged.
 */
export function cellRuns(text: string, bold: boolean): TextRun[] {
  if (!text.includes('-')) return runs([{ text, bold }]);
  return text.split('\n').map((line, i) => {
    const children: (string | NoBreakHyphen)[] = [];
    let at = 0;
    for (const m of line.matchAll(UNBREAKABLE)) {
      if (!m[0].includes('-')) continue;
      children.push(line.slice(at, m.index));
      m[0].split('-').forEach((part, j) => children.push(...(j ? [new NoBreakHyphen()] : []), part));
      at = m.index + m[0].length;
    }
    children.push(line.slice(at));
    return new TextRun({
      children: children.filter((c) => c !== ''),
      ...(bold ? { bold: true } : {}),
      ...(i > 0 ? { break: 1 } : {}),
    });
  });
}
