// The Chinese numbering 一、（一）1.（1）① as real Word multi-level lists, placed so Word shows the Document's numbers.
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type NumberingDefinition } from 'docx';

export const HEADINGS = 'bf-headings';
export const ORDERED = 'bf-ordered';
export const BULLETS = 'bf-bullets';
export type ListRef = typeof HEADINGS | typeof ORDERED | typeof BULLETS;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export const MAX_LIST_LEVEL = 5;

/**
 * Numbering definitions. Headings: level 0 一、 (Heading 1) and level 1 （一） (Heading 2), each level linked to its
 * heading style, so a heading a user adds in Word is numbered and the ones after it renumber. Lists: 1. → （1） → ①
 * at deeper levels, numbers set in the text's first-line indent (`indentTwips` = two body characters), the way
 * Chinese documents set them, with wrapped lines back at the margin.
 */
export function numberingConfig(indentTwips: number): NumberingDefinition[] {
  const heading = (level: 0 | 1, text: string, style: string): ILevelsOptions => ({
    level,
    format: LevelFormat.CHINESE_COUNTING,
    text,
    suffix: LevelSuffix.NOTHING,
    alignment: AlignmentType.LEFT,
    style: { style },
  });
  const listLevel = (level: number, format: ILevelsOptions['format'], text: string): ILevelsOptions => ({
    level,
    format,
    text,
    suffix: LevelSuffix.NOTHING,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: indentTwips * level, firstLine: indentTwips } } },
  });
  const levels = Array.from({ length: MAX_LIST_LEVEL + 1 }, (_, l) => l);
  return [
    { reference: HEADINGS, levels: [heading(0, '%1、', 'Heading1'), heading(1, '（%2）', 'Heading2')] },
    {
      reference: ORDERED,
      levels: levels.map((l) =>
        l === 0
          ? listLevel(0, LevelFormat.DECIMAL, '%1. ')
          : l === 1
            ? listLevel(1, LevelFormat.DECIMAL, '（%2）')
            : listLevel(l, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, `%${l + 1}`),
      ),
    },
    { reference: BULLETS, levels: levels.map((l) => listLevel(l, LevelFormat.BULLET, '• ')) },
  ];
}

/** The value of a Document number: 一、→1, （十二）→12, 3.→3, （2）→2, ③→3; undefined for bullets and unknown forms. */
export function numberValue(number: string): number | undefined {
  const circled = CIRCLED.indexOf(number.trim());
  if (circled >= 0) return circled + 1;
  const digits = /^\s*[（(]?(\d+)[）).、．]?\s*$/.exec(number);
  if (digits) return Number(digits[1]);
  const cn = /^\s*[（(]?([零一二三四五六七八九十百]+)[）)、]?\s*$/.exec(number);
  return cn ? chineseValue(cn[1]!) : undefined;
}

function chineseValue(s: string): number {
  const d = '零一二三四五六七八九';
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    if (ch === '百') (total += (cur || 1) * 100), (cur = 0);
    else if (ch === '十') (total += (cur || 1) * 10), (cur = 0);
    else cur = d.indexOf(ch);
  }
  return total + cur;
}

/** Where a paragraph's number comes from: its style's list, a list of its own, or typed text as a last resort. */
export type Placement = { kind: 'style' } | { kind: 'list'; instance: number } | { kind: 'typed' };

/**
 * Mirrors Word's counting (a level counts on within its list and starts again after any higher level) to decide,
 * paragraph by paragraph, which list gives it the number the Document computed. A list that would show another
 * number is replaced by a new list (Word starts it at 1): that is how lists restart after a paragraph, a new
 * section or an annex. Only a number Word cannot reach that way (a restart at 3) is typed as text.
 */
export class ListPlacer {
  private nextInstance = 1;
  /** The list the heading styles link to: Heading 1 and 2 paragraphs with no numbering of their own are in it. */
  private styleList: List = { instance: 'style', counters: [] };
  private current = new Map<ListRef, List>();

  place(ref: ListRef, level: number, value: number | undefined): Placement {
    const candidates = [
      ...(ref === HEADINGS ? [this.styleList] : []),
      ...[this.current.get(ref)].filter((l): l is List => !!l),
    ];
    const fits = candidates.find((l) => value === undefined || (l.counters[level] ?? 0) + 1 === value);
    if (fits) return this.count(ref, fits, level);
    if (value !== undefined && value !== 1) return { kind: 'typed' };
    return this.count(ref, { instance: this.nextInstance++, counters: [] }, level);
  }

  private count(ref: ListRef, list: List, level: number): Placement {
    list.counters[level] = (list.counters[level] ?? 0) + 1;
    list.counters.length = level + 1;
    if (list !== this.styleList) this.current.set(ref, list);
    return list.instance === 'style' ? { kind: 'style' } : { kind: 'list', instance: list.instance };
  }
}

type List = { instance: number | 'style'; counters: number[] };
