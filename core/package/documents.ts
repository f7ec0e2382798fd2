// One document of a bid package as its own project (the package's values, that document's blueprint and outline),
// and the 偏离表 rows the composer shows beside it.
import type { Assembly } from '../assemble/assemble.js';
import { packageBlueprints, packageOptions } from '../assemble/shared.js';
import { evaluateRequirements, type DeviationRow } from '../deviation/compute.js';
import type { Library } from '../model/library.js';
import type { Project } from '../model/project.js';

/** The project seen as `document` (a blueprint of its package); undefined when the package has no such document. */
export function documentOf(project: Project, document: string | undefined): Project | undefined {
  if (document === undefined || document === project.blueprint) return project;
  return packageBlueprints(project).includes(document) ? { ...project, blueprint: document } : undefined;
}

/** The 偏离表 rows, computed on the package's values when the project is a package (a figure may live in any document). */
export function deviationRowsOf(project: Project, lib: Library, assembly: Pick<Assembly, 'decls' | 'values'>): DeviationRow[] {
  const reqs = project.requirements ?? [];
  if (!reqs.length) return [];
  const { decls, values } = project.documents ? packageOptions(project, lib).shared : assembly;
  return evaluateRequirements(reqs, decls, values, project.workingDayHours ? { workingDayHours: project.workingDayHours } : {});
}
