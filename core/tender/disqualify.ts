// A 废标 condition with a figure states what trips it (「到场时间超过4小时的，其投标无效」): the bid must promise the
// opposite (≤ 4 小时). The condition is turned into that requirement's wording and read by the usual phrasings.
import { figuresOf, type Figure } from './figures.js';

/** The tripping comparison → the requirement it leaves (超过 → 不超过, 少于 / 不足 → 不少于 …). */
const NEGATE: [RegExp, string][] = [
  [/(?<!不)(?:超过|大于|多于|长于|迟于|高于)/g, '不超过'],
  [/(?<!不)(?:少于|小于|低于|短于|不足|未达到)/g, '不少于'],
];

/** The figures a 废标 condition sets, as requirements the bid must meet; none when it names no figure. */
export function disqualifyFigures(text: string): Figure[] {
  // Only the condition: the part before 的 that carries the trip, not the consequence after it.
  const condition = text.replace(/的[，,]?[^，,]*(?:废标|无效|否决|不予受理|拒绝|取消)[^，,。]*[。；]?$/, '');
  let required = condition;
  for (const [re, to] of NEGATE) required = required.replace(re, to);
  if (required === condition) return [];
  return figuresOf(required).filter((f) => !f.generic || f.key);
}
