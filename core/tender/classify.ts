// What a sentence or a table row of a tender is: a requirement with its figure, a ★/▲ item, a 废标 condition, a
// scoring item — or, in the service chapters, a requirement-like sentence no phrasing knows (listed for review).
import { disqualifyFigures } from './disqualify.js';
import { figuresOf, type Figure } from './figures.js';
import type { RowKind, TenderRow, TenderSentence } from './model.js';
import { splitItem } from './text.js';

export const SERVICE_CHAPTER = /售后|服务|质保|保修|质量保证|培训|技术支持|维保|维护|运维|备品|备件|巡检|响应/;
const SCORING_CHAPTER = /评分|评标|评审|打分/;
export const DISQUALIFY =
  /废标|无效投标|投标无效|否决(?:其)?投标|作无效(?:标|投标)?处理|按无效(?:投标|响应)处理|不予受理|拒绝其投标|取消(?:其)?(?:投标|中标)资格|未实质性响应/;
const REQUIREMENT_LIKE = /应|须|必须|需|要求|不得|负责|提供|承诺|保证|确保|不少于|不低于|不超过|以内/;
const POINTS = /(?:满分|最高|分值|计|得|加|扣)?\s*(\d+(?:\.\d+)?)\s*分(?![钟之])/;

const inChapter = (s: TenderSentence, re: RegExp) => s.chapter.some((c) => re.test(c));

type Classified = { rows: TenderRow[]; review?: TenderRow };

function rowsOf(
  kind: RowKind,
  s: TenderSentence,
  text: string,
  item: string | undefined,
  figures: Figure[],
  extra: Partial<TenderRow> = {},
): TenderRow[] {
  const base = { kind, text, loc: s.loc, chapter: s.chapter, ...(item ? { item } : {}), ...extra };
  if (!figures.length) return [base];
  return figures.map((f) => ({
    ...base,
    op: f.op,
    ...(f.value !== undefined ? { value: f.value } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
    ...(f.schedule ? { schedule: f.schedule } : {}),
    ...(f.key ? { key: f.key } : {}),
    ...(f.fact ? { fact: f.fact } : {}),
    pattern: f.pattern,
  }));
}

/** A sentence outside the 投标文件格式 chapter. */
export function classifySentence(s: TenderSentence): Classified {
  if (s.heading !== undefined) return { rows: [] };
  const { item, mark, rest } = splitItem(s.text);
  const star = mark ?? (/★/.test(s.text) ? '★' : /▲/.test(s.text) ? '▲' : undefined);
  const service = inChapter(s, SERVICE_CHAPTER);
  const all = figuresOf(rest.replace(/[★▲]/g, ''));
  // Generic bounds (不少于90天) are everywhere in a tender; only the service chapters' are proposed.
  const figures = all.filter((f) => !f.generic || service || star);
  if (star) return { rows: rowsOf(star === '★' ? 'star' : 'triangle', s, s.text, item, figures) };
  // A 废标 condition's figure is what trips it: the row carries the requirement the bid must meet instead.
  if (DISQUALIFY.test(s.text))
    return { rows: rowsOf('disqualify', s, s.text, item, figures.length ? figures : disqualifyFigures(rest)) };
  const points = POINTS.exec(s.text);
  if (inChapter(s, SCORING_CHAPTER) && points)
    return { rows: rowsOf('scoring', s, s.text, item, figures.slice(0, 1), { points: Number(points[1]) }) };
  if (figures.length) return { rows: rowsOf('requirement', s, s.text, item, figures) };
  if (service && REQUIREMENT_LIKE.test(s.text))
    return {
      rows: [],
      review: { kind: 'requirement', text: s.text, loc: s.loc, chapter: s.chapter, ...(item ? { item } : {}) },
    };
  return { rows: [] };
}

const NUMBER_COLUMN = /^(?:序号|编号|条款号|条目号|No\.?)$/i;
const POINTS_COLUMN = /分值|分数|权重|满分|得分/;

/** A table row: a scoring table's item, a requirements table's requirement, or each row read as a sentence. */
export function classifyRow(s: TenderSentence): Classified {
  const header = s.header ?? [];
  const cells = s.cells ?? [];
  if (cells.join('|') === header.join('|')) return { rows: [] };
  const numberCol = header.findIndex((h) => NUMBER_COLUMN.test(h.trim()));
  const item = numberCol >= 0 ? cells[numberCol]?.trim() : undefined;
  const text = cells.filter((c, i) => i !== numberCol && c.trim()).join('：');
  const row: TenderSentence = { ...s, text };
  if (header.some((h) => /评分|评审|得分/.test(h)) && header.some((h) => POINTS_COLUMN.test(h) || /标准/.test(h))) {
    const pointsCol = header.findIndex((h) => POINTS_COLUMN.test(h));
    const points = pointsCol >= 0 ? Number.parseFloat(cells[pointsCol] ?? '') : Number(POINTS.exec(text)?.[1]);
    const wording = cells.filter((c, i) => i !== numberCol && i !== pointsCol && c.trim()).join('：');
    // A tiered criterion (2小时内得5分，4小时内得3分) is one item: its first tier is the figure that scores best.
    const figures = figuresOf(wording).slice(0, 1);
    return {
      rows: rowsOf(
        'scoring',
        { ...s, text: wording },
        wording,
        item || undefined,
        figures,
        Number.isFinite(points) ? { points } : {},
      ),
    };
  }
  const serviceTable = header.some((h) => /服务|要求|参数|指标/.test(h));
  const r = classifySentence({
    ...row,
    text: `${/★/.test(cells.join('')) ? '★' : /▲/.test(cells.join('')) ? '▲' : ''}${text}`,
    chapter: serviceTable ? [...s.chapter, '服务要求'] : s.chapter,
  });
  // The row keeps the tender's own wording (without the ★ this function put in front) and its number.
  const fix = (x: TenderRow): TenderRow => ({ ...x, text, chapter: s.chapter, ...(item ? { item } : {}) });
  return { rows: r.rows.map(fix), ...(r.review ? { review: fix(r.review) } : {}) };
}
