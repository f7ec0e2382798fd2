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
/** A fact's label with its scope (压缩机保修期, 一级故障到达现场时限), from the fact its variable would make. */
function rowLabel(row: (typeof LEGACY)[number]): string {
  for (const value of [{ value: 1, unit: '小时' }, 12, '7×24小时', '验收合格之日']) {
    const fact = row.toFact({ get: (k) => (k === row.keys[0] ? value : undefined), fen: () => 100 });
    if (fact) return factLabel(fact);
  }
  return labelOf(row.id);
}
const MEASURE = /(?:时限|时间|期限|年限|天数|次数|人数|数量|周期|目标|期|率|度)$/u;
const NUMERIC_TYPES = new Set(['duration', 'integer', 'number', 'percent', 'money']);

/** A label's words without what only says it is a time, period or count (时限, 时间, 期, 天数 …) and notes in brackets. */
const core = (label: string) =>
  label
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[^\p{Script=Han}]/gu, '')
    .replace(/(?:时限|时间|期限|年限|天数|次数|人数|数量|周期|目标|期)$/u, '');

const FACT_CORES = LEGACY.map((r) => ({ fact: r.id, label: rowLabel(r), core: core(rowLabel(r)) })).filter(
  (f) => f.core.length >= 2,
);

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
    if (!label?.trim() || !(MEASURE.test(label.trim()) || NUMERIC_TYPES.has(type ?? ''))) return [];
    let best: { fact: string; label: string; score: number } | undefined;
    for (const f of FACT_CORES) {
      const score = labelMatch(label, f.core);
      if (score >= 0.6 && (!best || score > best.score)) best = { fact: f.fact, label: f.label, score };
    }
    return best ? [{ key, fact: best.fact, label: best.label }] : [];
  });
}
