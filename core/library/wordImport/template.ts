// A Word paragraph → clause Markdown with its figures replaced: a figure the library knows as a fact ("2小时内到达现场"
// → the fact arrive, 2 小时) becomes {{figure "arrive"}} inside a {{#fact "arrive"}} guard, so the sentence prints
// the bid's own figure and vanishes when the bid does not make that promise; a figure that is no fact becomes a typed
// variable with the figure as its default. In a table the guard is the cell's: a promise the bid does not make
// reads 「—」 there, since a row cannot be left out.
// The phrasings are core/tender's (figures.ts, patterns.ts); nothing here recognises a figure of its own.
import { factLabel, factPhrase } from '../../commitments/phrase.js';
import { LEGACY, LEGACY_KEYS, type ValueReader } from '../../commitments/legacy.js';
import type { Commitment } from '../../commitments/schema.js';
import { findQuantities } from '../../deviation/quantities.js';
import { normalizeUnit } from '../../deviation/units.js';
import { DURATION_UNITS, type VariableDecl, wordingWithFigure } from '../../model/variables.js';
import { figuresOf, type Figure } from '../../tender/figures.js';
import { SCHEDULE } from '../../tender/patterns.js';
import type { ProposedFact } from './model.js';
import type { Part } from './split.js';

/** Labels of the phrasings that are no fact (core/tender/patterns.ts ids). */
const LABEL: Record<string, string> = {
  'region-arrival': '异地到达现场时限',
  remote: '远程处理时限',
  doa: '到货包换期',
  'training-hours': '培训学时',
  'training-sessions': '培训次数',
  trainees: '受训人数',
  'upgrade-years': '免费升级年限',
  delivery: '交货期',
  install: '安装调试期',
  records: '服务记录保存年限',
};
const KEY: Record<string, string> = {
  'region-arrival': 'region_arrival',
  remote: 'remote_within',
  doa: 'doa_within',
  'training-hours': 'training_hours',
  'training-sessions': 'training_sessions',
  trainees: 'trainees',
  'upgrade-years': 'upgrade_years',
  delivery: 'delivery_within',
  install: 'install_within',
  records: 'records_keep_years',
};

/** A label for a figure no phrasing names: the item's own name before a colon (电话响应：…), else its words. */
function labelFromText(part: string): string {
  const named = /^([^：:，,。]{2,12})[：:]/.exec(part.trim());
  if (named) return named[1]!.trim();
  const words = part.trim();
  return words.length > 16 ? `${words.slice(0, 16)}…` : words;
}

type Found = { figure: Figure; start: number; end: number; numberEnd: number };

/** Where the figure's number (and unit) is in the text, searching from `from`. */
function locate(text: string, f: Figure, from: number): Found | undefined {
  const base = text.indexOf(f.part, from);
  const at = base < 0 ? from : base;
  const scope = base < 0 ? text.slice(from) : f.part;
  if (f.schedule) {
    const m = SCHEDULE.exec(scope);
    return m ? { figure: f, start: at + m.index, end: at + m.index + m[0].length, numberEnd: -1 } : undefined;
  }
  const q = findQuantities(scope).find(
    (x) =>
      x.value === f.value &&
      normalizeUnit(x.unit) === normalizeUnit(f.unit) &&
      !/[×xX*＊]\s*$/.test(scope.slice(0, x.start)),
  );
  if (!q) return undefined;
  const digits = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百]+|半)/.exec(scope.slice(q.start))![0];
  return { figure: f, start: at + q.start, end: at + q.end, numberEnd: at + q.start + digits.length };
}

/** The figure in the forms a variable key takes: a duration, a count (months or years by the key), a text. */
function readings(f: Figure, key: string, text: string): unknown[] {
  if (f.schedule) return [text];
  const unit = normalizeUnit(f.unit);
  const v = f.value!;
  const out: unknown[] = [];
  if ((DURATION_UNITS as readonly string[]).includes(unit)) out.push({ value: v, unit });
  if (key.endsWith('_months')) out.push(unit === '年' ? v * 12 : v);
  else if (key.endsWith('_years')) out.push(unit === '个月' ? v / 12 : v);
  else out.push(v);
  return out;
}

/** The fact a figure states, when the library has one for it, and the value in its variable's form. */
function factOf(f: Figure, text: string): { fact: Commitment; key: string; value: unknown } | undefined {
  const row = f.key ? LEGACY.find((r) => r.keys[0] === f.key) : undefined;
  if (!row) return undefined;
  for (const value of readings(f, row.keys[0]!, text)) {
    const reader: ValueReader = { get: (k) => (k === f.key ? value : undefined), fen: () => undefined };
    const fact = row.toFact(reader);
    if (fact) return { fact, key: row.keys[0]!, value };
  }
  return undefined;
}

/** A variable for a figure: a duration when its unit is a time, else a number with its unit. */
function variableFor(key: string, label: string, f: Figure, value: unknown): VariableDecl {
  if (typeof value === 'string') return { key, type: 'text', label, default: value, required: false };
  if (value && typeof value === 'object') return { key, type: 'duration', label, default: value, required: false };
  const unit = key.endsWith('_months') ? '个月' : key.endsWith('_years') ? '年' : normalizeUnit(f.unit);
  return {
    key,
    type: Number.isInteger(value) ? 'integer' : 'number',
    label,
    ...(unit ? { unit } : {}),
    default: value,
    required: false,
  };
}

/** Collects what one candidate proposes, so a key is declared once and a fact listed once. */
export class Proposals {
  readonly facts: ProposedFact[] = [];
  readonly variables: VariableDecl[] = [];

  addFact(c: Commitment, f: Figure, text: string): void {
    if (this.facts.some((x) => x.id === c.id)) return;
    this.facts.push({
      id: c.id,
      label: factLabel(c),
      ...(f.value !== undefined ? { value: f.value, unit: normalizeUnit(f.unit) } : {}),
      phrase: factPhrase(c),
      text: text.trim(),
    });
  }

  /** Declares a variable (once per key; a second figure under a taken key gets _2, _3 …); returns its key. */
  declare(decl: VariableDecl): string {
    const same = this.variables.find((v) => v.key === decl.key);
    if (same && JSON.stringify(same.default) === JSON.stringify(decl.default)) return same.key;
    let key = decl.key;
    for (let i = 2; this.variables.some((v) => v.key === key); i++) key = `${decl.key}_${i}`;
    // A figure kept in a wording (7×24) is the document's example, never pre-filled into a new project.
    this.variables.push({ ...decl, key, ...(wordingWithFigure(decl) ? { example: true } : {}) });
    return key;
  }
}

/** Characters that would be read as Handlebars or Markdown in a clause body. */
export function escapeText(s: string): string {
  return s
    .replace(/\{/g, '｛')
    .replace(/\}/g, '｝')
    .replace(/([\\`*_[\]<])/g, '\\$1');
}

/**
 * The figures of a text in order, each located once; `unplaced` gets those whose number is a word the text does not
 * print as a figure (每季度巡检一次 is 4 a year): their fact is proposed, their words stay.
 */
function found(text: string, unplaced: (f: Figure) => void): Found[] {
  const out: Found[] = [];
  let from = 0;
  for (const sentence of text.split(/(?<=[。；;！!？?])/)) {
    const start = text.indexOf(sentence, from);
    from = start + sentence.length;
    // Every phrasing has a figure with its unit (or 7×24): a sentence without one is not worth the recognisers.
    if (!findQuantities(sentence).length && !SCHEDULE.test(sentence)) continue;
    for (const f of figuresOf(sentence)) {
      const at = locate(text, f, start);
      if (!at) unplaced(f);
      else if (!out.some((o) => o.start < at.end && at.start < o.end)) out.push(at);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A text with its figures replaced, and the facts it prints (for the guard around it). */
function templatize(text: string, p: Proposals): { out: string; facts: string[] } {
  const facts: string[] = [];
  let out = '';
  let at = 0;
  const unplaced = (f: Figure) => {
    const known = factOf(f, f.part);
    if (known) p.addFact(known.fact, f, text);
  };
  for (const x of found(text, unplaced)) {
    const f = x.figure;
    const known = factOf(f, text.slice(x.start, x.end));
    let replacement: string;
    const end = x.end;
    if (known) {
      p.addFact(known.fact, f, text);
      replacement = `{{figure "${known.fact.id}"}}`;
      if (!facts.includes(known.fact.id)) facts.push(known.fact.id);
    } else {
      // A fact's own variable key (onsite_arrival) would be filled from the project's facts: not for a figure that is
      // no fact after all.
      const key = (f.key && !LEGACY_KEYS.has(f.key) ? f.key : undefined) ?? KEY[f.pattern] ?? 'stated_figure';
      const label = LABEL[f.pattern] ?? labelFromText(f.part);
      const value = readings(f, key, text.slice(x.start, x.end))[0];
      const declared = variableFor(key, label, f, value);
      replacement = `{{${p.declare(declared)}}}`;
      // A number variable prints the number alone: its unit follows in the text, as written when the variable counts
      // in the same unit (3名), else the variable's own (3年 counted as 36 by warranty_months reads {{…}}个月).
      if (typeof value === 'number') {
        const written = text.slice(x.numberEnd, x.end);
        const same = !declared.unit || normalizeUnit(written.trim()) === declared.unit;
        replacement += same ? written : declared.unit;
      }
    }
    out += escapeText(text.slice(at, x.start)) + replacement;
    at = end;
  }
  return { out: out + escapeText(text.slice(at)), facts };
}

/** Strips typed numbering: the document model numbers lists itself. */
const unnumbered = (s: string) =>
  s.replace(/^(?:[（(]?[一二三四五六七八九十百]+[)）、.．]|[（(]?\d{1,3}[)）.．、](?!\d)|[①-⑳])\s*/, '');

/** One part as Markdown. */
export function partMarkdown(part: Part, p: Proposals): string {
  if (part.kind === 'table') {
    const width = Math.max(...part.rows.map((r) => r.length));
    const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ');
    // A cell is read after its row's first cell (到场时间：2小时), which says what the figure is; that cell is put
    // back as it was, so it must hold no figure of its own.
    // A promise in a cell prints the bid's figure and gives way to 「—」 when the bid does not make it: a guard per cell,
    // on one line, as a table row cannot be left out.
    const cell = (s: string, context: string | undefined) => {
      const head = context && !findQuantities(context).length ? `${flat(context)}：` : '';
      const { out, facts } = templatize(head + flat(s), p);
      const text = out.slice(escapeText(head).length).replace(/\|/g, '\\|');
      return facts.length ? `{{#fact ${facts.map((f) => `"${f}"`).join(' ')}}}${text}{{else}}—{{/fact}}` : text;
    };
    const rows = part.rows.map((r, i) => {
      const cells = [...r, ...Array(width - r.length).fill('')].map((c, j) =>
        cell(c, i > 0 && j > 0 ? r[0] : undefined),
      );
      return `| ${cells.join(' | ')} |`;
    });
    return [rows[0], `|${' --- |'.repeat(width)}`, ...rows.slice(1)].join('\n');
  }
  const text = part.numbered ? unnumbered(part.text) : part.text;
  const { out, facts } = templatize(text, p);
  const line = part.numbered ? `1. ${out}` : out.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  if (!facts.length) return line;
  return `{{#fact ${facts.map((f) => `"${f}"`).join(' ')}}}\n${line}\n{{/fact}}`;
}
