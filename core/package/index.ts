// Bid packages: every document of a project from one set of values, with checks across the set.
import { assembleAndCheck } from '../check/rules.js';
import { missingGlyphs } from '../export/glyphs.js';
import type { Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import { assemblePackage, packageProblems } from './assemblePackage.js';

export {
  assemblePackage,
  packageProblems,
  packageBlueprints,
  type PackageAssembly,
  type PackageDocument,
} from './assemblePackage.js';
export { documentOf } from './documents.js';
export { combineDocuments, combinedPackage, PACKAGE_TITLE, type CombinedPackage } from './combine.js';

/**
 * What `check` and `render` report for any project: one document, or every document of a package (each document's
 * problems tagged with its blueprint), including characters the PDF fonts lack.
 */
export function checkProject(project: Project, lib: Library): Problem[] {
  if (!project.documents) {
    const a = assembleAndCheck(project, lib);
    return [...a.problems, ...missingGlyphs(a.document)];
  }
  const pkg = assemblePackage(project, lib);
  return [
    ...packageProblems(pkg),
    ...pkg.documents.flatMap((d) => missingGlyphs(d.document).map((p) => ({ ...p, file: d.blueprint }))),
  ];
}
