// A project's facts as checks, the 偏离表 and clauses see them: its own `commitments` when it has them, else the
// facts its legacy values state. Each carries the label to name it by and the field a problem points at.
import type { Project } from '../model/project.js';
import type { Value, VariableDecl } from '../model/variables.js';
import { factsFromValues, LEGACY_KEY_OF, parsedReader, rawReader } from './legacy.js';
import { factLabel } from './phrase.js';
import type { Commitment } from './schema.js';

export type ResolvedFact = { fact: Commitment; label: string; field: string };

/** A project with facts of its own: they are the truth, and the legacy keys follow them. */
export const hasOwnFacts = (project: Pick<Project, 'commitments'>): boolean => project.commitments !== undefined;

/** The facts of a project file, before any assembly: its own, or those its values state. */
export function projectFacts(project: Pick<Project, 'commitments' | 'values'>): Commitment[] {
  return project.commitments ?? factsFromValues(rawReader(project.values));
}

/**
 * Facts with their names. From parsed values (what the checks hold) when the project has no facts of its own, so a
 * legacy fact is named by the form's label of its variable and points at that variable.
 */
export function resolveFacts(project: Pick<Project, 'commitments' | 'values'>, values?: ReadonlyMap<string, Value>, decls?: ReadonlyMap<string, VariableDecl>): ResolvedFact[] {
  if (project.commitments) return project.commitments.map((fact, i) => ({ fact, label: factLabel(fact), field: `commitments.${i}` }));
  const facts = values ? factsFromValues(parsedReader(values)) : factsFromValues(rawReader(project.values));
  return facts.map((fact) => {
    const key = LEGACY_KEY_OF.get(fact.id)!;
    return { fact, label: decls?.get(key)?.label ?? factLabel(fact), field: `values.${key}` };
  });
}

/** Writes a project's facts into the file (a project already with facts is returned as it is). */
export function withFacts<P extends Pick<Project, 'commitments' | 'values'>>(project: P): P {
  return project.commitments ? project : { ...project, commitments: projectFacts(project) };
}
