// Rendered clause Markdown → Document blocks (numbers are given later, for the whole document).
import MarkdownIt from 'markdown-it';
import type { Run } from '../model/document.js';
import type { Slots } from './template.js';

// CommonMark + GFM tables, with raw HTML, links-from-text and typographic replacements off.
const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false }).enable('table');

type Token = ReturnType<typeof md.parse>[number];

/**
 * Parsed clause texts, newest last. The live preview assembles the whole document on every keystroke, and most
 * clauses render to the same text as last time: their tokens are read, never changed, so they are reused.
 */
const parsed = new Map<string, Token[]>();
const MAX_PARSED = 2000;
const MAX_CACHED_CHARS = 100_000;

function tokensOf(source: string): Token[] {
  const hit = parsed.get(source);
  if (hit) return hit;
  const tokens = md.parse(source, {});
  if (source.length <= MAX_CACHED_CHARS) {
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    parsed.set(source, tokens);
  }
  return tokens;
}

/** Blocks before numbering: headings carry their Markdown depth, list items their list kind. */
export type RawBlock =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'listItem'; ordered: boolean; depth: number; start: boolean; runs: Run[] }
  | { kind: 'table'; header: string[]; align: ('left' | 'center' | 'right')[]; rows: string[][]; totals?: boolean };

/** A last row that starts with 合计 / 总计 / 小计 (spaced or not) is the table's totals row. */
export const isTotalsRow = (row: string[] | undefined): boolean =>
  /^(合|总|小)\s*计$/.test((row?.find((c) => c.trim() !== '') ?? '').trim());

function inlineRuns(token: Token | undefined, slots: Slots): Run[] {
  const runs: Run[] = [];
  let bold = 0;
  let italic = 0;
  for (const t of token?.children ?? []) {
    if (t.type === 'strong_open') bold++;
    else if (t.type === 'strong_close') bold--;
    else if (t.type === 'em_open') italic++;
    else if (t.type === 'em_close') italic--;
    else if (t.type === 'text' || t.type === 'code_inline') push(slots.fill(t.content));
    else if (t.type === 'hardbreak') push('\n');
    // A soft break inside Chinese prose joins lines without a space.
    else if (t.type === 'softbreak') push('');
  }
  function push(text: string) {
    if (!text) return;
    const run: Run = { text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) };
    const last = runs[runs.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += text;
    else runs.push(run);
  }
  return runs;
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');

export function markdownToBlocks(source: string, slots: Slots): RawBlock[] {
  const tokens = tokensOf(source);
  const out: RawBlock[] = [];
  const lists: { ordered: boolean; first: boolean }[] = [];
  let table: {
    header: string[];
    align: ('left' | 'center' | 'right')[];
    rows: string[][];
    row: string[] | null;
    inHead: boolean;
  } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'heading_open':
        out.push({ kind: 'heading', depth: Number(t.tag.slice(1)), text: plain(inlineRuns(tokens[i + 1], slots)) });
        i += 2;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open', first: true });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'paragraph_open': {
        const startsItem = tokens[i - 1]?.type === 'list_item_open';
        const runs = inlineRuns(tokens[i + 1], slots);
        i += 2;
        const list = lists[lists.length - 1];
        // The first paragraph of a list item is the item; later ones continue it as paragraphs.
        if (list && startsItem) {
          out.push({ kind: 'listItem', ordered: list.ordered, depth: lists.length, start: list.first, runs });
          list.first = false;
        } else if (runs.length) out.push({ kind: 'paragraph', runs });
        break;
      }
      case 'table_open':
        table = { header: [], align: [], rows: [], row: null, inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        if (table) table.row = [];
        break;
      case 'tr_close':
        if (table?.row) {
          if (table.inHead) table.header = table.row;
          else table.rows.push(table.row);
          table.row = null;
        }
        break;
      case 'th_open':
      case 'td_open': {
        const text = plain(inlineRuns(tokens[i + 1], slots));
        if (table?.row) {
          table.row.push(text);
          if (t.type === 'th_open') {
            const style = String(t.attrGet('style') ?? '');
            table.align.push(style.includes('right') ? 'right' : style.includes('center') ? 'center' : 'left');
          }
        }
        i += 2;
        break;
      }
      case 'table_close':
        if (table)
          out.push({
            kind: 'table',
            header: table.header,
            align: table.align,
            rows: table.rows,
            ...(isTotalsRow(table.rows[table.rows.length - 1]) ? { totals: true } : {}),
          });
        table = null;
        break;
      case 'fence':
      case 'code_block':
        out.push({ kind: 'paragraph', runs: [{ text: slots.fill(t.content.trimEnd()) }] });
        break;
    }
  }
  return out;
}
