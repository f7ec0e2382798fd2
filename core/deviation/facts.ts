// A tender's requirement answered by a fact: the 偏离表 needs no service plan beside it to know what we promise.
import { LEGACY } from '../commitments/legacy.js';
import { monthsOf } from '../commitments/time.js';
import { factFigure } from '../commitments/phrase.js';
import type { Commitment } from '../commitments/schema.js';
import type { Requirement } from './schema.js';
import type { Quantity } from './units.js';

const ID_OF_KEY = new Map(LEGACY.flatMap((row) => row.keys.slice(0, 1).map((k) => [k, row.id] as const)));

/** The fact a requirement links to: by its fact id, else the fact its (legacy) key stands for. */
export function factOfRequirement(req: Requirement, facts: readonly Commitment[]): Commitment | undefined {
  const id = req.fact ?? (req.key ? ID_OF_KEY.get(req.key) : undefined);
  return id === undefined ? undefined : facts.find((f) => f.id === id);
}

/** The figure a fact compares by: a time, a period, times a year, a count, a share, an amount; else its words. */
export function factQuantity(c: Commitment): Quantity | string {
  switch (c.kind) {
    case 'replace_after_repairs':
      return { value: c.repairs, unit: '次' };
    case 'downtime_restart':
      return c.over;
    case 'book_ahead':
      return c.ahead;
    case 'train':
      return c.length;
    case 'satisfaction':
      return { value: c.percent, unit: '%' };
    case 'service_hours':
      return factFigure(c);
    default:
      if ('within' in c) return c.within;
      if ('period' in c) return c.period;
      if ('count' in c)
        return { value: c.count, unit: c.kind === 'dedicated_engineers' || c.kind === 'engineers' ? '人' : '个' };
      if ('times' in c) {
        // Tenders count visits per year: 每季度1次 is 4次.
        const months = monthsOf(c.every);
        return months ? { value: (c.times * 12) / months, unit: '次' } : { value: c.times, unit: '次' };
      }
      if (c.amount !== undefined && !c.free) return { value: Number(c.amount), unit: '元' };
      return factFigure(c);
  }
}
