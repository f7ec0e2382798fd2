// A new clause should cite a promise as a fact, not declare its own variable for it: a variable that states a fact
// (onsite_arrival is the fact arrive, warranty_months the unit's warranty …; core/commitments/legacy.ts) is flagged,
// naming the promise to pick instead.
import { LEGACY } from '@core/commitments/legacy.js';
import { factLabel } from '@core/commitments/phrase.js';
import { sampleFact } from '@core/library/sampleFacts.js';

const FACT_OF_KEY = new Map(LEGACY.flatMap((r) => r.keys.map((k) => [k, r.id] as const)));

/** Each declared key that duplicates a fact, with the fact's id and label. */
export function variablesDuplicatingFacts(keys: string[]): { key: string; fact: string; label: string }[] {
  return keys.flatMap((key) => {
    const fact = FACT_OF_KEY.get(key);
    const sample = fact ? sampleFact(fact) : undefined;
    return fact ? [{ key, fact, label: sample ? factLabel(sample) : fact }] : [];
  });
}
