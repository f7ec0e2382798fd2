// The values of a bid package: declarations over every clause of every document, so each document knows the
// keys its siblings use (not "unused") and the 偏离表 can read figures promised in another document.
import type { Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { AssembleOptions } from './assemble.js';
import { outlineOf } from './outline.js';
import { effectiveBlueprint } from './projectOutline.js';
import { collectDeclarations, resolveValues } from './values.js';
import { effectiveValues } from '../commitments/resolve.js';

/** The blueprints a project assembles: its `documents`, or just its `blueprint`. */
export const packageBlueprints = (project: Project): string[] => [...new Set(project.documents ?? [project.blueprint])];

/** Options that make one document of a package see the whole package's values; conflicts go to `problems`. */
export function packageOptions(project: Project, lib: Library, problems: Problem[] = []): Required<AssembleOptions> {
  const clauses = packageBlueprints(project).flatMap((id) => {
    const bp = effectiveBlueprint(project, lib, id);
    return bp ? outlineOf(bp, lib, []).flatMap((s) => s.items.map((i) => i.clause)) : [];
  });
  const decls = collectDeclarations(clauses, problems);
  const raw = effectiveValues(project);
  return {
    knownKeys: new Set(decls.keys()),
    shared: { decls, values: resolveValues(raw, decls, [], new Set(Object.keys(raw))) },
  };
}
