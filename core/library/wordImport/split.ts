// Paragraphs and tables → candidate clauses. A clause starts at a heading: Word's heading styles when the document
// uses them (and, below them, typed 第一条 / 一、 / （一） titles), else a short line under Chinese numbering
// (第一条, 一、, （一）, 1., （1）, ①) that reads as a title (no full stop, at most 40 characters). A heading with no text of its own before the next one is the category of
// the clauses under it. Text before the first heading is a candidate of its own.
import type { TextBlock } from '../../tender/model.js';

/** Chinese outline numbering, outermost first: the prefix and its depth. */
const NUMBERING: { re: RegExp; depth: number }[] = [
  { re: /^第[一二三四五六七八九十百零〇\d]+章\s*/, depth: 0 },
  { re: /^第[一二三四五六七八九十百零〇\d]+节\s*/, depth: 1 },
  { re: /^第[一二三四五六七八九十百零〇\d]+条\s*/, depth: 2 },
  { re: /^[一二三四五六七八九十百]+[、.．]\s*/, depth: 2 },
  { re: /^[（(][一二三四五六七八九十百]+[)）]\s*/, depth: 3 },
  { re: /^\d{1,3}[.．、](?!\d)\s*/, depth: 4 },
  { re: /^[（(]\d{1,3}[)）]\s*/, depth: 5 },
  { re: /^[①-⑳]\s*/, depth: 6 },
];

export function numberingOf(text: string): { depth: number; rest: string } | undefined {
  for (const n of NUMBERING) {
    const m = n.re.exec(text);
    if (m && text.length > m[0].length) return { depth: n.depth, rest: text.slice(m[0].length).trim() };
  }
  return undefined;
}

/** A numbered line that reads as a title rather than a sentence. */
const titleLike = (rest: string) => rest.length <= 40 && !/[。；;!！?？]/.test(rest) && !/[，,]$/.test(rest);

export type Part = { kind: 'paragraph'; text: string; numbered: boolean } | { kind: 'table'; rows: string[][] };
export type Section = { title: string; category: string; parts: Part[]; untitled?: boolean };
export type SplitBy = 'headings' | 'numbering' | 'none';

export function splitSections(blocks: TextBlock[]): { by: SplitBy; sections: Section[] } {
  const styled = blocks.some((b) => b.type === 'paragraph' && b.heading);
  const headingOf = (b: TextBlock): { level: number; title: string } | undefined => {
    if (b.type !== 'paragraph') return undefined;
    const n = numberingOf(b.text);
    if (b.heading) return { level: b.heading, title: n?.rest ?? b.text };
    // Under heading styles, typed 第X条 / 一、 / （一） titles are the sub-headings below them (1. and （1） there are
    // list items); without styles, every numbered title is a heading.
    if (!n || !titleLike(n.rest) || (styled && n.depth > 3)) return undefined;
    return { level: styled ? 10 + n.depth : n.depth, title: n.rest.replace(/[：:]$/, '') };
  };
  const by: SplitBy = styled ? 'headings' : blocks.some((b) => headingOf(b)) ? 'numbering' : 'none';
  const sections: Section[] = [];
  /** Open headings, outermost first; each remembers whether text followed it. */
  const stack: { level: number; title: string }[] = [];
  let current: Section | undefined;
  for (const b of blocks) {
    const h = headingOf(b);
    if (h) {
      while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      const parent = stack[stack.length - 1];
      stack.push(h);
      current = { title: h.title, category: parent?.title ?? h.title, parts: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { title: '', category: '', parts: [], untitled: true };
      sections.push(current);
    }
    if (b.type === 'table') current.parts.push({ kind: 'table', rows: b.rows.map((r) => r.map((c) => c.text)) });
    else current.parts.push({ kind: 'paragraph', text: b.text, numbered: !!numberingOf(b.text) });
  }
  // A heading whose clauses follow under it has no text: it named their category, it is no clause. Nor is the
  // document's own title above the first heading.
  return { by, sections: sections.filter((s) => s.parts.length && !(s.untitled && isDocumentTitle(s))) };
}

/** One short line with no sentence in it: the name of the document. */
function isDocumentTitle(s: Section): boolean {
  const [only, ...rest] = s.parts;
  return !rest.length && only?.kind === 'paragraph' && titleLike(only.text);
}
