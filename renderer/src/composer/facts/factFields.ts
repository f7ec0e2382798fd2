// Variables that are facts: in a project with facts of its own, a clause's legacy variable (onsite_arrival,
// warranty_months …) takes its figure from the fact (core/commitments/resolve.ts effectiveValues), so what the
// form would hold for it is never printed. The form shows such a field as bound to its fact instead of an editor.
import { LEGACY } from '@core/commitments/legacy.js';
import { factFigure, factLabel } from '@core/commitments/phrase.js';
import type { Commitment } from '@core/commitments/schema.js';

export type FactBinding = {
  /** The fact's id (arrive for onsite_arrival). */
  id: string;
  /** Its place in project.commitments; undefined when the project does not state it. */
  index: number | undefined;
  /** How checks name it (Chinese, as the document says it), when stated. */
  label: string | undefined;
  /** Its figure as the document prints it (4小时, 36个月), when stated. */
  figure: string | undefined;
  offered: boolean;
};

const KEY_ROWS = LEGACY.flatMap((r) => r.keys.map((key) => [key, r] as const));

/** For a project with facts of its own: each legacy key → the fact that gives it its figure. */
export function factBindings(commitments: readonly Commitment[] | undefined): Map<string, FactBinding> {
  const out = new Map<string, FactBinding>();
  if (!commitments) return out;
  for (const [key, row] of KEY_ROWS) {
    const index = commitments.findIndex((c) => c.id === row.id);
    const fact = index < 0 ? undefined : commitments[index]!;
    out.set(key, {
      id: row.id,
      index: fact ? index : undefined,
      label: fact ? factLabel(fact) : undefined,
      figure: fact ? factFigure(fact) : undefined,
      offered: fact ? fact.offered !== false : false,
    });
  }
  return out;
}
