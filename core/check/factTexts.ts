// The texts of a fact that reach the bid as they are written: its own label, stated service hours, the unit a fee
// is charged per, and the fault level, product or component it covers.
import { factLabel } from '../commitments/phrase.js';
import type { Commitment } from '../commitments/schema.js';

/** Each printed text of a fact, by the name problems give it. */
export const FACT_PARTS = {
  label: '名称',
  text: '服务时间说明',
  per: '计价单位',
  level: '故障等级',
  product: '产品',
  component: '部件',
} as const;
export type FactPart = keyof typeof FACT_PARTS;

export function factTexts(c: Commitment): [FactPart, string][] {
  const out: [FactPart, string | undefined][] = [
    ['label', c.label],
    ['text', 'text' in c ? c.text : undefined],
    ['per', 'per' in c ? c.per : undefined],
    ['level', c.scope?.level],
    ['product', c.scope?.product],
    ['component', c.scope?.component],
  ];
  return out.filter((x): x is [FactPart, string] => typeof x[1] === 'string');
}

/** A fact's name even when its own label is the blank or the placeholder being reported. */
export const factName = (c: Commitment, part: FactPart, label: string): string =>
  part === 'label' ? factLabel({ ...c, label: undefined }) : label;
