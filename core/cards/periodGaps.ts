// The warranty periods a card prints come from the project chosen (its warranty facts), the periods typed on the
// 保修卡 screen or the CLI's --period, or a company's own template — never a sample: the built-in templates carry none.
// A printed template with no period, or a component whose period is blank or 0, refuses the batch
// (card_periods_missing, naming 保修期限 and the component) rather than printing a 3-year warranty nobody decided.
import type { BidForgeError } from '../model/problem.js';
import { cardPeriodsMissing, type PeriodGap } from './cardsText.js';
import { type CardPeriodUnit, periodOf, periodText, statesOnePeriod } from './period.js';
import type { CardTemplate } from './template.js';

const EN_UNITS: Record<CardPeriodUnit, string> = { 个月: 'months', 周: 'weeks', 天: 'days' };

/**
 * Why the templates (as printed: periods applied) cannot print, or undefined when they can. `project`: the title of
 * the project the batch comes from, so a template it states no period for says so (typed periods would have filled it).
 */
export function periodGaps(templates: readonly CardTemplate[], project?: string): BidForgeError | undefined {
  const gaps: PeriodGap[] = [];
  for (const t of templates) {
    const card = { template: t.id, title: t.title };
    if (!t.components.length) {
      gaps.push({ ...card, ...(project !== undefined ? { project } : {}) });
      continue;
    }
    for (const c of t.components) {
      if (!statesOnePeriod(c)) gaps.push({ ...card, component: c.name });
      else if (periodOf(c).value < 1) {
        const p = periodOf(c);
        gaps.push({ ...card, component: c.name, zero: periodText(p), zeroEn: `0 ${EN_UNITS[p.unit]}` });
      }
    }
  }
  return gaps.length ? cardPeriodsMissing(gaps) : undefined;
}
