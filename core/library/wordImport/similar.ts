// How alike a candidate is to the clauses already in the library: the Dice coefficient of their character bigrams,
// on text normalised the way search normalises it (core/library/store/search.ts: NFKC, lower case, Traditional →
// Simplified), with template tags, figures with their units, Markdown marks and punctuation left out — so
// "2小时内到达现场" in Word and "{{figure "arrive"}}内到达现场" in the library read the same.
import { findQuantities } from '../../deviation/quantities.js';
import { normalizeText } from '../store/search.js';
import type { DuplicateMark } from './model.js';

export type ExistingClause = { clauseId: string; variant: string; title: string; body: string };

/** At or above: the same clause. */
export const DUPLICATE = 0.9;
/** At or above: nearly the same (a reworded copy). */
export const NEAR_DUPLICATE = 0.6;

/** The text without its figures (2小时, 三年, 7×24小时): where Word prints a figure the library prints a fact. */
function withoutFigures(text: string): string {
  let out = '';
  let at = 0;
  for (const q of findQuantities(text)) {
    out += text.slice(at, q.start);
    at = q.end;
  }
  return out + text.slice(at);
}

export function bigrams(text: string): Set<string> {
  const plain = normalizeText(withoutFigures(text.replace(/\{\{[^}]*\}\}/g, ' '))).replace(
    /[^\p{Script=Han}\p{L}]+/gu,
    '',
  );
  const out = new Set<string>();
  const chars = [...plain];
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size);
}

/** Compares texts with the library's clauses, each prepared once. */
export class SimilarityIndex {
  private readonly docs: { clause: ExistingClause; grams: Set<string> }[];
  /** Texts longer than this cannot be NEAR_DUPLICATE of any clause (bigrams are at most one per character). */
  private readonly longest: number;
  constructor(existing: readonly ExistingClause[]) {
    this.longest = Math.max(0, ...existing.map((c) => c.body.length)) * (2 / NEAR_DUPLICATE);
    this.docs = existing
      .map((clause) => ({ clause, grams: bigrams(clause.body) }))
      .sort((x, y) => x.grams.size - y.grams.size);
  }

  /** The clauses at least NEAR_DUPLICATE alike, most alike first (at most 5). */
  marks(text: string): DuplicateMark[] {
    if (text.length > this.longest + 10) return [];
    const grams = bigrams(text);
    if (grams.size < 4) return [];
    // Dice ≥ t needs the smaller set to be at least t/(2−t) of the larger: only those sizes are compared.
    const ratio = NEAR_DUPLICATE / (2 - NEAR_DUPLICATE);
    const out: DuplicateMark[] = [];
    for (const d of this.docs) {
      if (d.grams.size < grams.size * ratio) continue;
      if (d.grams.size * ratio > grams.size) break;
      const similarity = dice(grams, d.grams);
      if (similarity >= NEAR_DUPLICATE)
        out.push({
          clauseId: d.clause.clauseId,
          variant: d.clause.variant,
          title: d.clause.title,
          similarity: Math.round(similarity * 100) / 100,
        });
    }
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, 5);
  }
}
