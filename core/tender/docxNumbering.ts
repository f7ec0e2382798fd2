// Word's automatic numbering (numbering.xml, styles.xml) → the label Word shows before each numbered paragraph:
// "第三条", "3.7", "（二）", "一、". mammoth keeps only a paragraph's list level, so without this a tender's clause
// numbers (招标文件3.7, 第二十三条) and a contract's 第一条 headings are lost when they are Word's numbering rather
// than typed. The rules are Word's (ECMA-376 §17.9): counters per abstract numbering shared by every w:num that uses
// it, lower levels restarting when a higher one advances unless w:lvlRestart says otherwise, w:start and
// w:lvlOverride/w:startOverride (a new list instance) and w:isLgl; numbering comes from the paragraph's w:numPr or its
// paragraph style (w:basedOn), a numId of 0 turns it off, and numbering styles are followed (w:numStyleLink).
import Nzh from 'nzh';
import { attr, onOff, type Tag, tags } from './docxXml.js';

export type Level = {
  start: number;
  /** w:numFmt's value ('' until read; unread or not understood reads as decimal). */
  fmt: string;
  /** Digits of a custom zero-padded format (w:numFmt w:val="custom" w:format="001, 002, 003, ..."). */
  pad?: number;
  text: string;
  /** w:lvlRestart: the 1-based level whose use restarts this one; 0 never. */
  restart?: number;
  legal: boolean;
  suff: 'tab' | 'space' | 'nothing';
  pStyle?: string;
};
type Abstract = { levels: (Level | undefined)[]; numStyleLink?: string };
type Num = { abstractId: string; overrides: Map<number, { start?: number; level?: Level }> };
type Style = { basedOn?: string; numId?: string; ilvl?: number };

/** A label longer than this is no number a reader sees: ignored, so a crafted lvlText cannot inflate the text. */
const MAX_LABEL = 60;

export class NumberingDefs {
  readonly abstracts = new Map<string, Abstract>();
  readonly nums = new Map<string, Num>();
  readonly styles = new Map<string, Style>();
  defaultStyle?: string;

  /** numbering.xml: abstract numberings with their levels, and list instances (w:num) with their overrides. */
  readNumbering(xml: string): void {
    let abs: Abstract | undefined;
    let num: Num | undefined;
    let override: { ilvl: number; start?: number; level?: Level } | undefined;
    let level: Level | undefined;
    let inLevel = false;
    for (const t of tags(xml)) {
      if (t.close) {
        if (t.name === 'abstractNum') abs = undefined;
        else if (t.name === 'num') num = undefined;
        else if (t.name === 'lvlOverride' && override && num) {
          num.overrides.set(override.ilvl, { start: override.start, level: override.level });
          override = undefined;
        } else if (t.name === 'lvl') inLevel = false;
        continue;
      }
      switch (t.name) {
        case 'abstractNum': {
          const id = attr(t, 'abstractNumId');
          abs = { levels: [] };
          if (id !== undefined && !t.selfClose) this.abstracts.set(id, abs);
          break;
        }
        case 'num': {
          const id = attr(t, 'numId');
          num = { abstractId: '', overrides: new Map() };
          if (id !== undefined && !t.selfClose) this.nums.set(id, num);
          break;
        }
        case 'abstractNumId':
          if (num) num.abstractId = attr(t, 'val') ?? '';
          break;
        case 'numStyleLink':
          if (abs && !inLevel) abs.numStyleLink = attr(t, 'val');
          break;
        case 'lvlOverride':
          override = { ilvl: int(attr(t, 'ilvl')) ?? 0 };
          break;
        case 'startOverride':
          if (override) override.start = int(attr(t, 'val'));
          break;
        case 'lvl': {
          const ilvl = int(attr(t, 'ilvl')) ?? 0;
          level = { start: 0, fmt: '', text: '', legal: false, suff: 'tab' };
          inLevel = !t.selfClose;
          if (ilvl < 0 || ilvl > 8) break;
          if (override) override.level = level;
          else if (abs) abs.levels[ilvl] = level;
          break;
        }
        default:
          if (inLevel && level) readLevelProperty(level, t);
      }
    }
  }

  /** styles.xml: each paragraph style's w:basedOn and w:numPr, and the default paragraph style. */
  readStyles(xml: string): void {
    let style: Style | undefined;
    let depth = 0;
    /** Inside the style's own w:pPr (not a table style's conditional formats). */
    let inPPr = false;
    for (const t of tags(xml)) {
      if (t.name === 'style') {
        if (t.close || t.selfClose) style = undefined;
        else {
          style = {};
          depth = 0;
          const id = attr(t, 'styleId');
          if (id !== undefined) this.styles.set(id, style);
          const isDefault = ['1', 'true', 'on'].includes(attr(t, 'default') ?? '');
          if (id !== undefined && (attr(t, 'type') ?? 'paragraph') === 'paragraph' && isDefault) this.defaultStyle = id;
        }
        continue;
      }
      if (!style) continue;
      if (t.close) {
        depth--;
        if (t.name === 'pPr') inPPr = false;
        continue;
      }
      if (depth === 0 && t.name === 'basedOn') style.basedOn = attr(t, 'val');
      if (depth === 0 && t.name === 'pPr' && !t.selfClose) inPPr = true;
      else if (inPPr && t.name === 'numId') style.numId = attr(t, 'val');
      else if (inPPr && t.name === 'ilvl') style.ilvl = int(attr(t, 'val'));
      if (!t.selfClose) depth++;
    }
  }

  /** The style's numbering, through its w:basedOn chain: the nearest numId and the nearest ilvl. */
  styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } {
    const out: { numId?: string; ilvl?: number } = {};
    const seen = new Set<string>();
    for (let id = styleId ?? this.defaultStyle; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      if (out.numId === undefined && s.numId !== undefined) out.numId = s.numId;
      if (out.ilvl === undefined && s.ilvl !== undefined) out.ilvl = s.ilvl;
      id = s.basedOn;
    }
    return out;
  }

  /** The abstract numbering a w:num uses, through numbering styles (w:numStyleLink → the style's w:numId). */
  abstractOf(num: Num): { id: string; abs: Abstract } | undefined {
    let id = num.abstractId;
    for (let hop = 0; hop < 4; hop++) {
      const abs = this.abstracts.get(id);
      if (!abs) return undefined;
      if (abs.numStyleLink === undefined) return { id, abs };
      const linked = this.nums.get(this.styles.get(abs.numStyleLink)?.numId ?? '');
      if (!linked) return undefined;
      id = linked.abstractId;
    }
    return undefined;
  }
}

function readLevelProperty(level: Level, t: Tag): void {
  const val = attr(t, 'val');
  switch (t.name) {
    case 'start':
      level.start = int(val) ?? 0;
      break;
    case 'numFmt': {
      // Word writes a custom format (001, 002, …) inside mc:Choice with a plain one in mc:Fallback: the first
      // format understood wins.
      if (level.fmt && level.fmt !== 'custom') break;
      const padded = val === 'custom' ? /^\s*(0+\d)\s*,/.exec(attr(t, 'format') ?? '') : undefined;
      if (padded) level.pad = padded[1]!.length;
      level.fmt = padded ? 'decimal' : (val ?? '');
      break;
    }
    case 'lvlText':
      level.text = val ?? '';
      break;
    case 'lvlRestart':
      level.restart = int(val);
      break;
    case 'isLgl':
      level.legal = onOff(t);
      break;
    case 'suff':
      if (val === 'space' || val === 'nothing' || val === 'tab') level.suff = val;
      break;
    case 'pStyle':
      level.pStyle = val;
      break;
  }
}

const int = (s: string | undefined): number | undefined => {
  const n = s === undefined ? Number.NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
};

/** Counts numbered paragraphs in document order and gives each its label. */
export class Numberer {
  /** Each abstract numbering's counters, one per level; undefined until the level is first used. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** w:num instances already used: a startOverride applies from the instance's first paragraph at that level. */
  private readonly started = new Map<string, Set<number>>();

  constructor(readonly defs: NumberingDefs) {}

  /**
   * The label of a paragraph with this direct w:numPr (numId/ilvl as written, either may be absent) and style, with
   * its suffix as a reader sees it (a tab as a space); undefined when it is not numbered or shows no number
   * (bullets). Every numbered paragraph must be passed, in document order, including empty ones: Word counts them.
   */
  next(direct: { numId?: string; ilvl?: number }, styleId: string | undefined): string | undefined {
    const fromStyle = this.defs.styleNumbering(styleId);
    const numId = direct.numId ?? fromStyle.numId;
    if (numId === undefined || numId === '0') return undefined;
    const num = this.defs.nums.get(numId);
    const resolved = num && this.defs.abstractOf(num);
    if (!num || !resolved) return undefined;
    const { id, abs } = resolved;
    const levelOf = (l: number) => num.overrides.get(l)?.level ?? abs.levels[l];
    // Numbering through a style without a level: the level that names the style (Heading 2 → its level).
    const linked = styleId ?? this.defs.defaultStyle;
    const byStyle = abs.levels.findIndex((l) => l?.pStyle !== undefined && l.pStyle === linked);
    const ilvl = direct.ilvl ?? (direct.numId === undefined ? (fromStyle.ilvl ?? Math.max(byStyle, 0)) : 0);
    const level = levelOf(ilvl);
    if (ilvl < 0 || ilvl > 8 || !level) return undefined;

    const counts = this.counters.get(id) ?? [];
    this.counters.set(id, counts);
    const started = this.started.get(numId) ?? new Set<number>();
    this.started.set(numId, started);
    const override = num.overrides.get(ilvl)?.start;
    if (override !== undefined && !started.has(ilvl)) counts[ilvl] = override;
    else counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    started.add(ilvl);
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const r = levelOf(deeper)?.restart;
      const restartAt = r === undefined || r - 1 >= deeper ? deeper : r;
      if (r !== 0 && ilvl < restartAt) counts[deeper] = undefined;
    }

    if (level.fmt === 'bullet') return undefined;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levelOf(k);
      if (!l) return '';
      const n = counts[k] ?? l.start;
      return formatNumber(n, level.legal ? 'decimal' : l.fmt, level.legal ? undefined : l.pad);
    });
    if (!label.trim() || label.length > MAX_LABEL) return undefined;
    return label + (level.suff === 'nothing' ? '' : ' ');
  }
}

const DIGITS_ZH = '〇一二三四五六七八九';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** One number in one of Word's formats (ST_NumberFormat); formats without a rule here are shown as decimals. */
export function formatNumber(n: number, fmt: string, pad?: number): string {
  const decimal = String(n);
  if (n < 0) return decimal;
  switch (fmt) {
    case 'none':
      return '';
    case '':
    case 'custom':
    case 'decimal':
      return pad ? decimal.padStart(pad, '0') : decimal;
    case 'decimalZero':
      return decimal.padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return decimal.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalHalfWidth':
      return decimal;
    case 'upperRoman':
    case 'lowerRoman': {
      const r = n >= 1 && n < 4000 ? roman(n) : decimal;
      return fmt === 'lowerRoman' ? r.toLowerCase() : r;
    }
    case 'upperLetter':
    case 'lowerLetter': {
      if (n < 1) return decimal;
      const letter = String.fromCharCode((fmt === 'upperLetter' ? 65 : 97) + ((n - 1) % 26));
      return letter.repeat(Math.ceil(n / 26));
    }
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
      return n === 0 ? '〇' : Nzh.cn.encodeS(n);
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return n === 0 ? '〇' : Nzh.hk.encodeS(n);
    case 'chineseLegalSimplified':
      return n === 0 ? '零' : Nzh.cn.encodeB(n);
    case 'ideographLegalTraditional':
      return n === 0 ? '零' : Nzh.hk.encodeB(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return decimal.replace(/\d/g, (d) => DIGITS_ZH[Number(d)]!);
    case 'ideographTraditional':
      return n >= 1 ? STEMS[(n - 1) % 10]! : decimal;
    case 'ideographZodiac':
      return n >= 1 ? BRANCHES[(n - 1) % 12]! : decimal;
    case 'ideographZodiacTraditional':
      return n >= 1 ? STEMS[(n - 1) % 10]! + BRANCHES[(n - 1) % 12]! : decimal;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
      if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
      if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
      return decimal;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${decimal})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${decimal}.`;
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCharCode(0x3220 + n - 1) : decimal;
    default:
      return decimal;
  }
}

function roman(n: number): string {
  const parts: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of parts)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}
