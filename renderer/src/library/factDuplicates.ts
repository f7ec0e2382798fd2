// A new clause should cite a promise as a fact, not declare its own variable for it: a variable that states a fact is
// flagged, naming the promise to pick instead — by its key (onsite_arrival is the fact arrive, warranty_months the
// unit's warranty …; core/commitments/legacy.ts) or by its label (现场到达时间 and 电话响应时间 read as the facts
// 到达现场时限 and 响应时限, whatever key they were given). A label is compared only when it names a figure — it ends in
// 时限, 时间, 期, 年限, 次数 … or the variable is a duration or a number — so 服务热线 (a phone number) or 培训内容 is
// not taken for the hotline's hours or the training's length.
import { LEGACY } from '@core/commitments/legacy.js';
import { factLabel } from '@core/commitments/phrase.js';
import { sampleFact } from '@core/library/sampleFacts.js';

const FACT_OF_KEY = new Map(LEGACY.flatMap((r) => r.keys.map((k) => [k, r.id] as const)));
const labelOf = (fact: string) => {
  const sample = sampleFact(fact);
  return sample ? factLabel(sample) : fact;
};
/**
 * A fact's label with its scope (压缩机保修期, 一级故障到达现场时限), from the fact its variable would make, and whether
 * that variable is text (the hotline's hours 7×24小时): a figure typed as a number or a duration never states it.
 */
function rowLabel(row: (typeof LEGACY)[number]): { label: string; text: boolean } {
  for (const value of [{ value: 1, unit: '小时' }, 12, '7×24小时', '验收合格之日']) {
    const fact = row.toFact({ get: (k) => (k === row.keys[0] ? value : undefined), fen: () => 100 });
    if (fact) return { label: factLabel(fact), text: typeof value === 'string' };
  }
  return { label: labelOf(row.id), text: false };
}
const MEASURE = /(?:时限|时间|期限|年限|天数|次数|人数|数量|周期|目标|期|率|度)$/u;
const NUMERIC_TYPES = new Set(['duration', 'integer', 'number', 'percent', 'money']);

/**
 * Words clauses use for what a fact's label says otherwise, in the fact's words: 备用机 is the 备用设备 lent while a
 * fault is unrepaired, 驻场工程师 the 专职工程师 stationed on the project (本项目 only says whose), and a complaint's
 * 响应 is its 答复 — said of a complaint only, so 电话响应 stays the response to a fault.
 */
const SYNONYMS: [RegExp, string][] = [
  [/备用机|备机/gu, '备用设备'],
  [/^本项目/u, ''],
  [/驻场/gu, '专职'],
  [/投诉响应/gu, '投诉答复'],
];

/** A label's words without what only says it is a time, period or count (时限, 时间, 期, 天数 …) and notes in brackets. */
const core = (label: string) =>
  SYNONYMS.reduce(
    (s, [re, to]) => s.replace(re, to),
    label
      .replace(/[（(][^）)]*[）)]/g, '')
      .replace(/[^\p{Script=Han}]/gu, '')
      .replace(/(?:时限|时间|期限|年限|天数|次数|人数|数量|周期|目标|期)$/u, ''),
  );

const FACT_CORES = LEGACY.map((r) => ({ fact: r.id, ...rowLabel(r) }))
  .map((f) => ({ ...f, core: core(f.label) }))
  .filter((f) => f.core.length >= 2);

function bigramDice(a: string, b: string): number {
  const grams = (s: string) => new Set([...s].slice(0, -1).map((c, i) => c + [...s][i + 1]!));
  const x = grams(a);
  const y = grams(b);
  if (!x.size || !y.size) return a === b ? 1 : 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * How much a variable's label reads as a fact's: 1 for the same words, 0 for none. One ending in the other counts
 * (电话响应 is a 响应, 保修 the 整机保修): a Chinese compound's head comes last.
 */
function labelMatch(label: string, fact: string): number {
  const a = core(label);
  if (a.length < 2) return 0;
  const [short, long] = a.length <= fact.length ? [a, fact] : [fact, a];
  if (long.endsWith(short) && long.length <= short.length + 3) return Math.max(0.8, bigramDice(a, fact));
  return bigramDice(a, fact);
}

/** Each declared variable that duplicates a fact (by key, else by label), with the fact's id and label. */
export function variablesDuplicatingFacts(
  variables: (string | { key: string; label?: string; type?: string })[],
): { key: string; fact: string; label: string }[] {
  return variables.flatMap((v) => {
    const { key, label, type } = typeof v === 'string' ? { key: v, label: undefined, type: undefined } : v;
    const fact = FACT_OF_KEY.get(key);
    if (fact) return [{ key, fact, label: labelOf(fact) }];
    const numeric = NUMERIC_TYPES.has(type ?? '');
    const measure = !!label && MEASURE.test(label.trim());
    if (!label?.trim() || !(measure || numeric)) return [];
    // A label that does not say it is a figure (备用机型号 typed as a number) must read as the fact's own words.
    const threshold = measure ? 0.6 : 0.8;
    let best: { fact: string; label: string; score: number } | undefined;
    for (const f of FACT_CORES) {
      if (numeric && f.text) continue;
      const score = labelMatch(label, f.core);
      if (score >= threshold && (!best || score > best.score)) best = { fact: f.fact, label: f.label, score };
    }
    return best ? [{ key, fact: best.fact, label: best.label }] : [];
  });
}
