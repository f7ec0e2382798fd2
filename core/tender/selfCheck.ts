// 自查 before submission: ★ items unanswered or negatively deviated (accepted ones still listed), 废标 conditions the
// bid's promises trip, documents and sections the tender mandates that the package lacks, and figures that differ
// between the package's documents. Pure: the caller assembles the package and evaluates requirements.
import type { DeviationRow } from '../deviation/compute.js';
import type { Requirement } from '../deviation/schema.js';
import { formatQuantity } from '../deviation/units.js';
import type { Problem } from '../model/problem.js';
import { similarity, wordingKey } from './diff.js';
import type { CellLoc, Loc } from './model.js';
import type { ProjectTender, StoredRow } from './projectTender.js';
import { selfCheckWords, type SelfCheckCode } from './selfCheckMessages.js';

export type SelfCheckKind = 'star' | 'disqualify' | 'document' | 'section' | 'figures';
export type SelfCheckRow = {
  severity: 'error' | 'warning';
  kind: SelfCheckKind;
  code: SelfCheckCode;
  params: Record<string, string | number>;
  /** The finding and what to do, in Chinese (selfCheckWords gives English). */
  text: string;
  todo: string;
  /** Where the tender says it. */
  where?: Loc | CellLoc;
  /** What in the project it concerns: requirements.N, values.KEY, commitments … (the app leads there). */
  field?: string;
};

export type SelfCheckInput = {
  tender?: ProjectTender;
  requirements: Requirement[];
  /** The 偏离表's rows, one per requirement in order. */
  deviations: DeviationRow[];
  /** Evaluates requirements against the project's promises (core/deviation/compute.ts with its facts and values). */
  evaluate: (reqs: Requirement[]) => DeviationRow[];
  /** The package's documents: blueprint id, title, and their section headings. */
  documents: { blueprint: string; title: string; headings: string[] }[];
  /** Every blueprint the library offers (a mandated document it can make but the package lacks is an error). */
  blueprints: { id: string; title: string }[];
  /** The package's problems; those comparing figures across documents are listed. */
  problems: Problem[];
  /** Codes of problems that compare figures across documents (core/check/packageRules.ts and kin). */
  figureCodes: ReadonlySet<string>;
};

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);
const OP: Record<string, string> = { '<=': '≤', '>=': '≥', '=': '=' };
const oursText = (r: DeviationRow) =>
  r.ours === undefined ? '—' : typeof r.ours === 'string' ? r.ours : formatQuantity(r.ours);

function row(
  severity: SelfCheckRow['severity'],
  kind: SelfCheckKind,
  code: SelfCheckCode,
  params: SelfCheckRow['params'],
  extra: Pick<SelfCheckRow, 'where' | 'field'> = {},
): SelfCheckRow {
  return { severity, kind, code, params, ...selfCheckWords(code, params, 'zh'), ...extra };
}

/** The tender's place of a requirement: its stored row by wording, else the page its note names. */
function placeOf(req: Requirement, rows: StoredRow[]): Loc | CellLoc | undefined {
  const key = wordingKey(req.text);
  const hit = rows.find((r) => (r.requirement && wordingKey(r.requirement) === key) || wordingKey(r.text) === key);
  if (hit) return hit.loc;
  const page = /招标文件第(\d+)(?:–(\d+))?页/.exec(req.note ?? '');
  return page ? { page: Number(page[1]), ...(page[2] ? { pageEnd: Number(page[2]) } : {}), paragraph: 0 } : undefined;
}

/** A 目录 entry or a form's title without its numbering: 「三、售后服务承诺书」, 「附件1 售后服务承诺书」 → 售后服务承诺书. */
export const titleKey = (s: string) =>
  s
    .replace(
      /^\s*(?:附件\s*[\d一二三四五六七八九十]+[：:、.\s]*|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+(?:\.\d+)*[.、]?)\s*/,
      '',
    )
    .replace(/[\s：:，,。.（）()《》“”"]/g, '');
/** A document's title answers a mandated one when either holds the other (服务偏离表 ↔ 售后服务偏离表) or nearly so. */
const sameTitle = (ours: string, mandated: string) => {
  const [x, y] = [titleKey(ours), titleKey(mandated)];
  return !!x && !!y && (x.includes(y) || y.includes(x) || similarity(x, y) >= 0.7);
};
/** A heading answers a mandated section when it holds the section's words (a shorter heading does not). */
const sameHeading = (heading: string, mandated: string) => {
  const [x, y] = [titleKey(heading), titleKey(mandated)];
  return !!x && !!y && (x.includes(y) || similarity(x, y) >= 0.7);
};
/** A 目录 entry numbered as a sub-entry (（一）, 1.1) names a section; one numbered 一、 or 附件 names a document. */
const isSection = (text: string) => /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d+\.\d+)/.test(text);

function starRows(input: SelfCheckInput, rows: StoredRow[]): SelfCheckRow[] {
  const out: SelfCheckRow[] = [];
  for (const [i, d] of input.deviations.entries()) {
    const req = d.requirement;
    if (!req.star) continue;
    const extra = { field: `requirements.${i}`, ...(placeOf(req, rows) ? { where: placeOf(req, rows)! } : {}) };
    const text = short(req.text);
    if (!d.deviation) out.push(row('error', 'star', 'star_unanswered', { text, row: d.index }, extra));
    else if (d.deviation === '负偏离')
      out.push(
        req.accepted?.trim()
          ? row('warning', 'star', 'star_accepted', { text, reason: req.accepted.trim() }, extra)
          : row('error', 'star', 'star_negative', { text, ours: oursText(d) }, extra),
      );
  }
  // ★ rows of the tender not in the 偏离表 at all (a row confirmed as another requirement's wording counts).
  const held = new Set(input.requirements.map((q) => wordingKey(q.text)));
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.kind !== 'star' || r.review || r.change === 'removed' || r.decision === 'confirmed') continue;
    const key = wordingKey(r.text);
    if (held.has(key) || seen.has(key) || [...held].some((h) => h && key.includes(h))) continue;
    seen.add(key);
    out.push(row('error', 'star', 'star_not_confirmed', { text: short(r.text) }, { where: r.loc }));
  }
  return out;
}

function disqualifyRows(input: SelfCheckInput, rows: StoredRow[]): SelfCheckRow[] {
  const conditions = rows.filter(
    (r) => r.kind === 'disqualify' && r.change !== 'removed' && r.op && r.value !== undefined && (r.key || r.fact),
  );
  const reqs: Requirement[] = conditions.map((r) => ({
    item: '',
    text: r.text,
    op: r.op!,
    value: r.value!,
    ...(r.unit ? { unit: r.unit } : {}),
    star: false,
    ...(r.key ? { key: r.key } : {}),
    ...(r.fact ? { fact: r.fact } : {}),
  }));
  const evaluated = reqs.length ? input.evaluate(reqs) : [];
  return evaluated.flatMap((d, i) => {
    const r = conditions[i]!;
    const text = short(r.text);
    const field = r.fact ? `facts.${r.fact}` : r.key ? `values.${r.key}` : undefined;
    const extra = { where: r.loc, ...(field ? { field } : {}) };
    if (d.deviation === '负偏离') {
      const required = `${OP[r.op!]}${formatQuantity({ value: r.value!, unit: r.unit ?? '' })}`;
      return [row('error', 'disqualify', 'disqualify_tripped', { text, ours: oursText(d), required }, extra)];
    }
    return d.deviation ? [] : [row('warning', 'disqualify', 'disqualify_unchecked', { text }, extra)];
  });
}

function mandatedRows(input: SelfCheckInput, rows: StoredRow[]): SelfCheckRow[] {
  const out: SelfCheckRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if ((r.kind !== 'toc' && r.kind !== 'format') || r.change === 'removed' || r.decision === 'dismissed') continue;
    const title = r.kind === 'format' ? (r.form?.title ?? r.text) : r.text;
    const key = titleKey(title);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const section = r.kind === 'toc' && isSection(r.text);
    if (!section && input.documents.some((d) => sameTitle(d.title, title))) continue;
    if (section && input.documents.some((d) => d.headings.some((h) => sameHeading(h, title)))) continue;
    const shown = titleKey(title);
    if (section && input.documents.length) {
      const document = input.documents[0]!.title;
      out.push(row('error', 'section', 'section_missing', { title: shown, document }, { where: r.loc }));
      continue;
    }
    const offered = input.blueprints.find((b) => sameTitle(b.title, title));
    out.push(
      offered
        ? row('error', 'document', 'document_missing', { title: shown, blueprint: offered.title }, { where: r.loc })
        : row('warning', 'document', 'document_elsewhere', { title: shown }, { where: r.loc }),
    );
  }
  return out;
}

function figureRows(input: SelfCheckInput): SelfCheckRow[] {
  return input.problems
    .filter((p) => input.figureCodes.has(p.code))
    .map((p) =>
      row(
        p.severity === 'error' ? 'error' : 'warning',
        'figures',
        'figures_differ',
        { message: p.message },
        {
          ...(p.field ? { field: p.field } : {}),
        },
      ),
    );
}

/** Every finding, errors first, each group in the tender's order. */
export function selfCheck(input: SelfCheckInput): SelfCheckRow[] {
  const rows = input.tender?.rows ?? [];
  const all = [
    ...starRows(input, rows),
    ...disqualifyRows(input, rows),
    ...mandatedRows(input, rows),
    ...figureRows(input),
  ];
  return [...all.filter((r) => r.severity === 'error'), ...all.filter((r) => r.severity !== 'error')];
}
