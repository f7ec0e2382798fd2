// Bid packages: every document of a project from one set of values, with checks across the set.
import { assembleAndCheck } from '../check/rules.js';
import type { Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import { assemblePackage, packageProblems } from './assemblePackage.js';

export { assemblePackage, packageProblems, packageBlueprints, type PackageAssembly, type PackageDocument } from './assemblePackage.js';
export { documentOf, deviationRowsOf } from './documents.js';

/** What `bidforge check` should report for any project: one document, or every document of a package. */
export function checkProject(project: Project, lib: Library): Problem[] {
  return project.documents ? packageProblems(assemblePackage(project, lib)) : assembleAndCheck(project, lib).problems;
}
