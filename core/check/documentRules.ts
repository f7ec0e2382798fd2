// Rules on one assembled document's text: annex references, tables without rows, amounts in words.
import { rmbUppercase } from '../format/zh.js';
import type { Problem } from '../model/problem.js';
import { parseMoneyToFen } from '../model/variables.js';
import { blockText, type Rule } from './helpers.js';

// Traditional output writes 人民幣貳萬…: compare in Simplified.
const TO_HANS: Record<string, string> = {
  幣: '币',
  貳: '贰',
  參: '叁',
  陸: '陆',
  萬: '万',
  億: '亿',
  圓: '圆',
  個: '个',
};
const hans = (s: string) => s.replace(/[幣貳參陸萬億圓個]/g, (c) => TO_HANS[c] ?? c);

const UPPER = '[零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬亿億元圆圓角分整]+';
/** A figure followed closely by an amount in words: ¥12,800.00（大写：人民币壹万贰仟捌佰元整）or 80.00元（人民币捌拾元整）. */
const FIGURE_THEN_WORDS = new RegExp(
  `(?:[¥￥]\\s?([\\d,]+(?:\\.\\d{1,2})?)|([\\d,]+\\.\\d{1,2})\\s*元)[^\\d¥￥]{0,8}?(人民[币幣]${UPPER})`,
  'g',
);

export type AmountPair = { figure: string; words: string; expected: string };

/** Every figure-and-words pair in a text whose words do not spell the figure. */
export function mismatchedAmounts(text: string): AmountPair[] {
  const out: AmountPair[] = [];
  for (const m of text.matchAll(FIGURE_THEN_WORDS)) {
    const figure = m[1] ?? m[2]!;
    let fen: number;
    try {
      fen = parseMoneyToFen(figure);
    } catch {
      continue;
    }
    const expected = rmbUppercase(fen);
    if (hans(m[3]!) !== expected) out.push({ figure, words: m[3]!, expected });
  }
  return out;
}

export const DOCUMENT_RULES: Rule[] = [
  {
    code: 'unresolved_annex_ref',
    severity: 'error',
    scope: 'document',
    describe: 'every {{annex "…"}} reference names an annex of the document',
    run(ctx) {
      const annexes = ctx.sections.filter((s) => /^附件\d+/.test(s.title)).map((s) => s.title);
      return (ctx.annexRefs ?? [])
        .filter((r) => !r.resolved)
        .map((r) => ({
          severity: 'error' as const,
          code: 'unresolved_annex_ref',
          ...(r.section ? { section: r.section } : {}),
          ...(r.clause ? { clause: r.clause } : {}),
          message: `正文引用的附件「${r.ref}」不存在（本文件的附件：${annexes.join('、') || '无'}）`,
          // Lists in params are joined for the English text; '' (none) is worded there.
          params: { ref: r.ref, annexes: annexes.join(', ') },
        }));
    },
  },
  {
    code: 'table_without_rows',
    severity: 'error',
    scope: 'document',
    describe: 'every table in the document has at least one row under its header',
    run(ctx) {
      const out: Problem[] = [];
      // A report's chapter, a form's or card's part (level 2), else the document itself (a letter has no headings).
      let section = ctx.document.meta.title;
      for (const b of ctx.document.blocks) {
        if (b.kind === 'heading' && b.level <= 2) section = b.text;
        if (b.kind === 'table' && b.rows.length === 0)
          out.push({
            severity: 'error',
            code: 'table_without_rows',
            section,
            message: `「${section}」中的表格（${b.header.join('、')}）只有表头，没有任何内容行`,
            params: { section, header: b.header.join(', ') },
          });
      }
      return out;
    },
  },
  {
    code: 'rmb_mismatch',
    severity: 'error',
    scope: 'document',
    describe: 'an amount written in RMB uppercase spells the figure next to it',
    run: (ctx) =>
      ctx.document.blocks.flatMap(blockText).flatMap((t) =>
        mismatchedAmounts(t).map((m) => ({
          severity: 'error' as const,
          code: 'rmb_mismatch',
          message: `金额 ${m.figure} 的大写写成了「${m.words}」，应为「${m.expected}」`,
          params: { ...m },
        })),
      ),
  },
];
