// A project's facts as checks, the 偏离表 and clauses see them: its own `commitments` when it has them, else the
// facts its legacy values state. Each carries the label to name it by and the field a problem points at.
import type { Project } from '../model/project.js';
import type { Value, VariableDecl } from '../model/variables.js';
import {
  factsFromValues,
  LEGACY_KEY_OF,
  parsedReader,
  rawReader,
  valuesFromFacts,
  type ValueReader,
} from './legacy.js';
import { factLabel } from './phrase.js';
import type { Commitment } from './schema.js';

export type ResolvedFact = { fact: Commitment; label: string; field: string };

/** A project with facts of its own: they are the truth, and the legacy keys follow them. */
export const hasOwnFacts = (project: Pick<Project, 'commitments'>): boolean => project.commitments !== undefined;

/** The facts of a project file, before any assembly: its own, or those its values state. */
export function projectFacts(project: Pick<Project, 'commitments' | 'values'>): Commitment[] {
  return project.commitments ?? factsFromValues(rawReader(project.values));
}

/** Parsed values where assembly has them, else the project file's own (a key no clause of this document declares). */
function layeredReader(project: Pick<Project, 'values'>, values: ReadonlyMap<string, Value>): ValueReader {
  const parsed = parsedReader(values);
  const raw = rawReader(project.values);
  return {
    get: (k) => (values.has(k) ? parsed.get(k) : raw.get(k)),
    fen: (k) => (values.has(k) ? parsed.fen(k) : raw.fen(k)),
  };
}

/**
 * Facts with their names. A project without facts of its own has them read from its values — parsed where a
 * clause declares the key, so a legacy fact is named by the form's label of its variable and points at it.
 */
export function resolveFacts(
  project: Pick<Project, 'commitments' | 'values'>,
  values: ReadonlyMap<string, Value> = new Map(),
  decls?: ReadonlyMap<string, VariableDecl>,
): ResolvedFact[] {
  if (project.commitments)
    return project.commitments.map((fact, i) => ({ fact, label: factLabel(fact), field: `commitments.${i}` }));
  return factsFromValues(layeredReader(project, values)).map((fact) => {
    const key = LEGACY_KEY_OF.get(fact.id)!;
    return { fact, label: decls?.get(key)?.label ?? factLabel(fact), field: `values.${key}` };
  });
}

/** Writes a project's facts into the file (a project already with facts is returned as it is). */
export function withFacts<P extends Pick<Project, 'commitments' | 'values'>>(project: P): P {
  return project.commitments ? project : { ...project, commitments: projectFacts(project) };
}

/**
 * The values assembly reads: a project with facts of its own gives the legacy keys their figures from the facts
 * (a fact not offered removes its key, so an old clause that needs it says so instead of printing a stale figure).
 */
export function effectiveValues(project: Pick<Project, 'commitments' | 'values'>): Record<string, unknown> {
  if (!project.commitments) return project.values;
  const { values, withdrawn } = valuesFromFacts(project.commitments);
  const out: Record<string, unknown> = { ...project.values, ...values };
  for (const key of withdrawn) delete out[key];
  return out;
}
