// Figures in tender text: "24小时", "3个工作日", "三年", "两名", "半小时", "98%".

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十二 → 12, 二十四 → 24, 一百二十 → 120; undefined when it is not a plain numeral. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[ch]!;
  }
  return total + digit;
}

export const UNIT_PATTERN =
  '个工作日|工作日|个日历日|日历日|自然日|个小时|小时|学时|分钟|个月|周年|年|天|日|月|次|名|人|%|％';
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+|半)\\s*(${UNIT_PATTERN})`, 'g');

export type FoundQuantity = { value: number; unit: string; start: number; end: number };

export function parseNumber(s: string): number | undefined {
  if (s === '半') return 0.5;
  return /^\d/.test(s) ? Number(s) : parseChineseNumber(s);
}

/** Every figure with a unit in a text, with its position (so a response can replace it). */
export function findQuantities(text: string): FoundQuantity[] {
  const out: FoundQuantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const value = parseNumber(m[1]!);
    if (value === undefined) continue;
    out.push({ value, unit: m[2]!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
