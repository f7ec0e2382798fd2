// Projects as they were saved before facts: the samples shipped then (promises in variables), each with the outline
// its blueprints had then (the clauses written before facts), so a test of how those clauses and values assemble
// keeps its subject while the shipped samples and blueprints are on facts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '@core/model/project.js';
import { parseProjectText } from '@core/project/parse.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

type Section = { title: string; clauses: { id: string; variant: string }[] };

/** The outline a blueprint had before facts. */
export function legacyOutline(blueprint: string): Section[] {
  const bp = JSON.parse(readFileSync(join(FIXTURES, 'legacy-blueprints', `${blueprint}.json`), 'utf8')) as {
    sections: Section[];
  };
  return bp.sections;
}

/** A sample as saved before facts (e.g. 'service-plan-sample'); with `outline`, on the clauses of its time. */
export function legacyProject(name: string, options: { outline?: boolean } = {}): Project {
  const p = parseProjectText(readFileSync(join(FIXTURES, 'legacy', `${name}.json`), 'utf8'), `${name}.json`);
  if (!options.outline) return p;
  const blueprints = p.documents ?? [p.blueprint];
  return { ...p, outline: Object.fromEntries(blueprints.map((b) => [b, legacyOutline(b)])) };
}
