// A blueprint's outline after conditions: which sections and clauses a document includes, annexes numbered.
import { isAnnexTitle } from '../model/document.js';
import { findClause, type Blueprint, type ClauseVersion, type Library, type When } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Value, VariableDecl } from '../model/variables.js';
import { numberAnnexes, type AnnexEntry } from './annex.js';
import { conditionsOf, evaluateWhen, type ConditionProblem } from './conditions.js';

export type OutlineSection = {
  title: string;
  annex: boolean;
  when?: When;
  items: { clause: ClauseVersion; when: When[] }[];
};
/** An included section: `title` is the heading as printed (附件N … for annexes). */
export type IncludedSection = { title: string; annex?: AnnexEntry; clauses: ClauseVersion[] };

/** Every section and clause of a blueprint with its conditions; unknown clauses become problems. */
export function outlineOf(blueprint: Blueprint, lib: Library, problems: Problem[]): OutlineSection[] {
  return blueprint.sections.map((s) => ({
    title: s.title,
    annex: s.annex ?? isAnnexTitle(s.title),
    ...(s.when ? { when: s.when } : {}),
    items: s.clauses.flatMap((ref) => {
      const c = findClause(lib, ref.id, ref.variant);
      if (!c)
        problems.push({
          severity: 'error',
          code: 'unknown_clause',
          message: `条款库中没有条款 ${ref.id}（${ref.variant}）`,
          params: { id: ref.id, variant: ref.variant },
          section: s.title,
          clause: ref.id,
        });
      // Both the blueprint's reference and the clause itself may carry a condition: both must hold.
      return c ? [{ clause: c, when: [ref.when, c.when].filter((w): w is When => w !== undefined) }] : [];
    }),
  }));
}

/** Keys that conditions read: they need a value even when the clauses declaring them are left out. */
export function conditionKeys(outline: OutlineSection[]): Set<string> {
  const keys = new Set<string>();
  for (const s of outline) {
    for (const c of conditionsOf(s.when)) keys.add(c.key);
    for (const item of s.items) for (const w of item.when) for (const c of conditionsOf(w)) keys.add(c.key);
  }
  return keys;
}

/**
 * Applies the conditions. A section whose clauses are all left out disappears with its heading (no empty
 * section, no gap in the numbering); a section without any known clause stays, so its problem stays visible.
 */
export function selectSections(
  outline: OutlineSection[],
  decls: Map<string, VariableDecl>,
  values: Map<string, Value>,
  problems: Problem[],
): IncludedSection[] {
  const report = (section: string, clause: string | undefined, list: ConditionProblem[]) =>
    list.forEach(({ message, params }) =>
      problems.push({
        severity: 'error',
        code: 'bad_condition',
        message,
        params,
        section,
        ...(clause ? { clause } : {}),
      }),
    );
  const kept: { title: string; annex: boolean; clauses: ClauseVersion[] }[] = [];
  for (const s of outline) {
    const sectionWhen = evaluateWhen(s.when, decls, values);
    report(s.title, undefined, sectionWhen.problems);
    if (!sectionWhen.holds) continue;
    const clauses = s.items.flatMap((item) => {
      const outcomes = item.when.map((w) => evaluateWhen(w, decls, values));
      outcomes.forEach((o) => report(s.title, item.clause.id, o.problems));
      return outcomes.every((o) => o.holds) ? [item.clause] : [];
    });
    if (clauses.length === 0 && s.items.length > 0) continue;
    kept.push({ title: s.title, annex: s.annex, clauses });
  }
  const annexes = numberAnnexes(kept.filter((s) => s.annex).map((s) => s.title));
  let n = 0;
  return kept.map((s) => {
    if (!s.annex) return { title: s.title, clauses: s.clauses };
    const annex = annexes[n++]!;
    return { title: annex.heading, annex, clauses: s.clauses };
  });
}
