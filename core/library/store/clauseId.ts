// New clause ids, generated so nobody types one: readable (they name the category's family of clauses), unique in the
// store, and stable (written once with the clause, never recomputed).
import type { StoreData } from './schema.js';

/**
 * The id of a new clause in `category`: the shortest id already used in that category (its trailing number dropped)
 * with the next free number — a new 服务承诺 clause beside `service-commitment` becomes `service-commitment-2`. A
 * category nobody used yet gives `clause-1`, `clause-2`, ….
 */
export function newClauseId(d: StoreData, category: string): string {
  const family = d.clauses
    .filter((c) => c.category === category.trim())
    .map((c) => c.id.replace(/-\d+$/, ''))
    .sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
  const base = family ?? 'clause';
  const taken = new Set(d.clauses.map((c) => c.id));
  let n = family ? 2 : 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
