// Paragraphs and tables → sentences and table rows, each with its place and the headings above it.
import type { Loc, PageMark, TenderSentence, TenderText } from './model.js';
import { CONTENTS_LINE, headingLevel, sentencesOf } from './text.js';

/** The page a character offset of a paragraph sits on. */
const pageAt = (start: number, marks: PageMark[] | undefined, at: number) =>
  (marks ?? []).filter((m) => m.at <= at).reduce((_, m) => m.page, start);

export function tenderSentences(text: TenderText): TenderSentence[] {
  const out: TenderSentence[] = [];
  const stack: { level: number; title: string }[] = [];
  const chapter = () => stack.map((s) => s.title);
  for (const block of text.blocks) {
    if (block.type === 'table') {
      const header = block.rows[0]?.map((c) => c.text) ?? [];
      for (const row of block.rows) {
        const cells = row.map((c) => c.text);
        if (!cells.some(Boolean)) continue;
        out.push({ text: cells.filter(Boolean).join(' '), loc: row[0]!.loc, chapter: chapter(), cells, header });
      }
      continue;
    }
    // The tender's own contents (第一章 招标公告……3) would otherwise read as chapter headings.
    if (CONTENTS_LINE.test(block.text)) continue;
    const level = headingLevel(block.text, block.heading);
    if (level !== undefined) {
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, title: block.text.trim() });
      out.push({ text: block.text.trim(), loc: block.loc, chapter: chapter(), heading: level });
      continue;
    }
    for (const s of sentencesOf(block.text)) {
      const page = pageAt(block.loc.page, block.pages, s.at);
      const pageEnd = pageAt(block.loc.page, block.pages, s.at + s.text.length - 1);
      const loc: Loc = { page, ...(pageEnd > page ? { pageEnd } : {}), paragraph: block.loc.paragraph };
      out.push({ text: s.text, loc, chapter: chapter() });
    }
  }
  return out;
}
