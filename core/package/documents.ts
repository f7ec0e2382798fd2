// One document of a bid package as its own project (the package's values, that document's blueprint and outline).
// (The 偏离表 rows the composer shows come from assembly: core/assemble/assemble.ts.)
import { packageBlueprints } from '../assemble/shared.js';
import type { Project } from '../model/project.js';

/** The project seen as `document` (a blueprint of its package); undefined when the package has no such document. */
export function documentOf(project: Project, document: string | undefined): Project | undefined {
  if (document === undefined || document === project.blueprint) return project;
  return packageBlueprints(project).includes(document) ? { ...project, blueprint: document } : undefined;
}
