// Warranty periods for a batch that comes from a project: the project's own figures, never a second copy of them.
// 整机 is what the service plan promises (warranty_months); the components are the warranty card's facts
// (wc-periods: compressor_months, …). A package whose card says otherwise for 整机 is already a check error
// (card_warranty_mismatch); the cards follow the plan and say so.
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { CardComponent } from './template.js';

/** Value key → the component name the card prints (the wc-periods clause's rows). */
const COMPONENT_KEYS: [key: string, name: string][] = [
  ['whole_unit_months', '整机'],
  ['compressor_months', '压缩机'],
  ['tank_months', '水箱内胆'],
  ['pipes_electrics_months', '管路及电气部件'],
];

/** Months from a value: a whole number of months, or a duration in 个月 or 年. */
function months(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (v && typeof v === 'object' && 'value' in v && 'unit' in v) {
    const { value, unit } = v as { value: unknown; unit: unknown };
    if (typeof value === 'number' && value > 0 && (unit === '个月' || unit === '年')) return unit === '年' ? value * 12 : value;
  }
  return undefined;
}

export type ProjectPeriods = { components: CardComponent[]; problems: Problem[] };

/** The project's warranty periods per component; empty when the project states none. */
export function periodsFromProject(project: Pick<Project, 'values' | 'title'>): ProjectPeriods {
  const values = project.values;
  const plan = months(values.warranty_months);
  const problems: Problem[] = [];
  const components: CardComponent[] = [];
  for (const [key, name] of COMPONENT_KEYS) {
    const own = months(values[key]);
    const m = key === 'whole_unit_months' ? (plan ?? own) : own;
    if (m === undefined) continue;
    if (key === 'whole_unit_months' && plan !== undefined && own !== undefined && own !== plan)
      problems.push({ severity: 'warning', code: 'card_period_from_plan', message: `保修卡的整机保修期（${own}个月）与方案承诺的 ${plan} 个月不一致；卡片按方案印 ${plan} 个月`, params: { card: own, plan } });
    components.push({ name, months: m });
  }
  return { components, problems };
}
