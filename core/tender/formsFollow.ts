// Following the forms a tender mandates (#18): its 偏离表 with its columns in its order and its headers as worded,
// each mapped to what we compute; its 承诺书 with its title, addressee, opening and closing sentences kept verbatim
// around our numbered commitments. A confirmed format row is followed unless the writer switched it off (`follow`).
// Pure: assembly (core/assemble/mandated.ts), the checks and the renderer all read it.
import type { Commitment } from '../commitments/schema.js';
import { type BlankReport, fillFactBlanks, isFactLine } from './formsBlanks.js';
import type { ProjectTender, StoredRow } from './projectTender.js';

/** The cells we compute for a 偏离表 row (core/deviation/compute.ts deviationTableCells). */
export const DEVIATION_FIELDS = ['no', 'item', 'requirement', 'response', 'deviation', 'note'] as const;
export type DeviationField = (typeof DEVIATION_FIELDS)[number];

/** Header words, tried in this order: a 条款号 is not a 序号, a 偏离说明 is a 说明, a 招标文件条款号 not a 要求. */
const COLUMN_WORDS: [RegExp, DeviationField][] = [
  [/条目号?|条款号?|章节号?|项目?号|款号|条号|编号.*条|所在章节/, 'item'],
  [/^(?:序号?|编号|No\.?)$/i, 'no'],
  [/说明|备注|原因|解释/, 'note'],
  [/偏离/, 'deviation'],
  [/应答|响应|承诺|投标文件|投标人|供应商|实际|提供/, 'response'],
  [/要求|需求|条款|内容|规格|参数|指标|招标文件/, 'requirement'],
];

/** What a mandated column shows: one of our computed cells, or nothing we know (the writer fills it). */
export function columnField(column: string): DeviationField | undefined {
  const c = column.replace(/[\s　*★▲]/g, '');
  return COLUMN_WORDS.find(([re]) => re.test(c))?.[1];
}

export type MandatedTable = {
  /** The format row's index in project.tender.rows. */
  index: number;
  title: string;
  columns: string[];
  fields: (DeviationField | undefined)[];
  /** The writer's text for columns we compute nothing for, by column. */
  fill: Record<string, string>;
};
export type MandatedLetter = { index: number; title: string; text: string };

const followed = (r: StoredRow) => r.kind === 'format' && r.decision === 'confirmed' && r.follow !== false && !!r.form;
const SERVICE = /售后|服务|质保|保修|维保|维修/;
const DEVIATION_FORM = /偏离/;
const LETTER_FORM = /承诺/;

/** The best of the matching rows: a service form before any other (技术偏离表, 诚信承诺书). */
function pick(t: ProjectTender | undefined, test: (r: StoredRow) => boolean): number {
  const hits = (t?.rows ?? []).flatMap((r, i) => (followed(r) && test(r) ? [i] : []));
  return hits.find((i) => SERVICE.test(t!.rows[i]!.form!.title)) ?? hits[0] ?? -1;
}

/** The tender with no mandated form followed: the export in our own layout (`bidforge render --forms ours`). */
export const withOurForms = (t: ProjectTender | undefined): ProjectTender | undefined =>
  t && { ...t, rows: t.rows.map((r) => (r.kind === 'format' ? { ...r, follow: false } : r)) };

/** The mandated 偏离表 the project follows, if any. */
export function mandatedTable(t: ProjectTender | undefined): MandatedTable | undefined {
  const i = pick(t, (r) => DEVIATION_FORM.test(r.form!.title) && (r.form!.columns?.length ?? 0) > 0);
  if (i < 0) return undefined;
  const r = t!.rows[i]!;
  const columns = r.form!.columns!;
  return { index: i, title: r.form!.title, columns, fields: columns.map(columnField), fill: r.fill ?? {} };
}

/** The mandated 承诺书 the project follows, if any. */
export function mandatedLetter(t: ProjectTender | undefined): MandatedLetter | undefined {
  // A form with no wording of its own (a title alone) leaves nothing to follow.
  const i = pick(t, (r) => LETTER_FORM.test(r.form!.title) && !r.form!.columns?.length && !!r.form!.text.trim());
  if (i < 0) return undefined;
  const r = t!.rows[i]!;
  return { index: i, title: r.form!.title, text: r.form!.text };
}

/** A form's title as the document prints it: without the tender's 附件1 / 格式一 / 三、 in front of it. */
export const printedTitle = (title: string): string =>
  title
    .replace(
      /^(?:(?:附件|格式|附表)\s*[\d一二三四五六七八九十]*|[一二三四五六七八九十\d]+[、.．]|[（(][一二三四五六七八九十\d]+[）)])[-－.．、：:\s]*/,
      '',
    )
    .trim() || title;

/** Mandated columns that would print blank: nothing we compute, and no text from the writer. */
export const blankColumns = (m: MandatedTable): string[] =>
  m.columns.filter((c, i) => !m.fields[i] && !m.fill[c]?.trim());

/** The mandated table's header and rows from our computed cells. */
export function mandatedRows(
  m: MandatedTable,
  cells: Record<DeviationField, string>[],
): { header: string[]; align: ('left' | 'center')[]; rows: string[][] } {
  const centred = new Set<DeviationField>(['no', 'item', 'deviation']);
  return {
    header: [...m.columns],
    align: m.fields.map((f) => (f && centred.has(f) ? 'center' : 'left')),
    rows: cells.map((row) => m.columns.map((c, i) => (m.fields[i] ? row[m.fields[i]!] : (m.fill[c] ?? '').trim()))),
  };
}

/** Values the letter's placeholders take: 采购人名称, 投标人名称, 项目名称, 项目编号. */
export type LetterValues = { purchaser?: string; bidder?: string; project?: string; projectNo?: string };

const LABELS: [RegExp, keyof LetterValues][] = [
  [/^(?:采购人|招标人|采购单位|招标单位|采购方|业主)(?:名称|全称)?$/, 'purchaser'],
  [/^(?:投标人|供应商|投标单位|公司|单位)(?:名称|全称)?$/, 'bidder'],
  [/^(?:项目|采购项目|招标项目)名称$/, 'project'],
  [/^(?:项目|采购项目|招标项目|招标|采购)?编号$/, 'projectNo'],
];
const valueFor = (label: string, v: LetterValues) => {
  const key = LABELS.find(([re]) => re.test(label.replace(/\s/g, '')))?.[1];
  return key ? v[key]?.trim() || undefined : undefined;
};

const BLANK = /[_＿]{2,}|…{2,}|\.{4,}|（\s*）|\(\s*\)/;

/** A line with its known placeholders filled: （采购人名称） → the purchaser; 项目编号：＿＿ → 项目编号：the number. */
export function fillPlaceholders(line: string, v: LetterValues): string {
  return line
    .replace(
      /([（(])\s*([^（）()：:]{2,12}?)\s*(?:([:：])\s*[_＿\s　]*)?([）)])/g,
      (all, open, label, colon, close) => {
        const value = valueFor(label, v);
        if (!value) return all;
        return colon ? `${open}${label}${colon}${value}${close}` : value;
      },
    )
    .replace(/([\p{Script=Han}]{2,8})([:：])[ \t　]*[_＿]{2,}/gu, (all, label, colon) => {
      const value = valueFor(label, v);
      return value ? `${label}${colon}${value}` : all;
    });
}

/** The form's signature and date lines: our signature block prints them. */
const SIGNATURE =
  /^(?:投标人|供应商|投标单位|法定代表人|授权代表|委托代理人|单位负责人|签字|盖章|日\s*期|[\d\s_＿]*年[\s_＿]*月[\s_＿]*日)/;
const SIGNATURE_LINE = (s: string) =>
  SIGNATURE.test(s) && (/盖.*章|签字|签名|[:：]\s*[_＿\s]*$|日$/.test(s) || s.length < 30);
/** A numbered line with nothing but blanks, or a bracketed request for content: where our list goes. */
const SLOT =
  /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*(?:[_＿…．.\s　]*|[（(][^（）()]*(?:承诺|内容|事项)[^（）()]*[）)])\s*$/;
/** A salutation: 致：…, or a short line ending in a colon that is not our own lead-in (我方承诺如下：). */
const ADDRESSEE = (s: string) =>
  /^\s*致\s*[:：]/.test(s) || (/^[^。；;]{1,60}[:：]\s*$/.test(s) && !/我|承诺|如下/.test(s));
/** A bracketed request for the content: （具体承诺内容）, （承诺事项）. */
const REQUEST = /[（(][^（）()]*(?:承诺|内容|事项)[^（）()]*[）)]/;

export type LetterParts = { addressee?: string; opening: string[]; closing: string[] };

/**
 * The form's text around our list: its addressee line, the sentences before the blank or list it leaves (a line
 * with blanks keeps its lead-in up to the colon: 「我方承诺：」) and those after; signature lines dropped. A sentence
 * whose blanks ask for promises we recognise (「＿＿小时内到达现场」) is kept, each blank filled from `facts`
 * (core/tender/formsBlanks.ts); `report` collects the sentences filled in our own wording or left unfilled.
 */
export function letterParts(
  text: string,
  v: LetterValues = {},
  facts: readonly Commitment[] = [],
  report?: BlankReport,
): LetterParts {
  const lines = text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !SIGNATURE_LINE(s));
  const addressee = lines[0] && ADDRESSEE(lines[0]) ? lines.shift() : undefined;
  const isSlot = (s: string) =>
    SLOT.test(s) || REQUEST.test(s) || (BLANK.test(fillPlaceholders(s, v)) && !isFactLine(fillPlaceholders(s, v)));
  const first = lines.findIndex(isSlot);
  const lastFact = lines.reduce((k, s, i) => (isFactLine(fillPlaceholders(s, v)) ? i : k), -1);
  let opening: string[];
  let closing: string[];
  if (first < 0) {
    // No blank: the list follows the tender's own promise sentences, else the last line that introduces it
    // (…如下：), else the first sentence.
    const intro = lines.reduce((k, s, i) => (/[:：]$/.test(s) ? i : k), -1);
    const cut = Math.max(lastFact, intro) >= 0 ? Math.max(lastFact, intro) + 1 : Math.min(1, lines.length);
    opening = lines.slice(0, cut);
    closing = lines.slice(cut);
  } else {
    let last = first;
    while (last + 1 < lines.length && isSlot(lines[last + 1]!)) last++;
    opening = lines.slice(0, first);
    const lead = /^([^_＿…（(]*?[:：])/.exec(lines[first]!)?.[1];
    if (lead && !SLOT.test(lines[first]!)) opening.push(lead);
    closing = lines.slice(last + 1);
  }
  const fill = (s: string) => fillFactBlanks(fillPlaceholders(s, v), facts, report);
  return {
    ...(addressee ? { addressee: fill(addressee) } : {}),
    opening: opening.map(fill),
    closing: closing.map(fill),
  };
}
