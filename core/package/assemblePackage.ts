// A bid package: several documents (service plan, commitment letter, 偏离表, installation agreement, warranty
// card) assembled from one project and one set of values, so a figure typed once is promised identically
// everywhere; checks on figures run once across the set, checks on text run per document.
import { assemble, type Assembly } from '../assemble/assemble.js';
import { packageBlueprints, packageOptions } from '../assemble/shared.js';
import { runChecks } from '../check/rules.js';
import type { Document } from '../model/document.js';
import type { Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { Value, VariableDecl } from '../model/variables.js';

export { packageBlueprints } from '../assemble/shared.js';

export type PackageDocument = { blueprint: string; document: Document; problems: Problem[]; assembly: Assembly };
export type PackageAssembly = {
  documents: PackageDocument[];
  /** Problems of the package as a whole: contradictions between figures (also across documents), the 偏离表. */
  problems: Problem[];
  /** The figures as the documents use them (after their conditions), merged: one declaration and value per key. */
  decls: Map<string, VariableDecl>;
  values: Map<string, Value>;
};

const VALUE_CODES = new Set(['missing_value', 'bad_value', 'conflicting_declaration']);

export function assemblePackage(project: Project, lib: Library): PackageAssembly {
  const problems: Problem[] = [];
  const options = packageOptions(project, lib, problems);
  // The documents share one set of values: a value missing or invalid is reported by the first document that uses it.
  const reported = new Set<string>();
  const firstTime = (p: Problem) =>
    !VALUE_CODES.has(p.code) ||
    !p.field ||
    (!reported.has(`${p.code} ${p.field}`) && !!reported.add(`${p.code} ${p.field}`));
  const documents = packageBlueprints(project).map((blueprint): PackageDocument => {
    const assembly = assemble({ ...project, blueprint }, lib, options);
    // A value no document uses is reported once for the package, below, not once per document.
    const own = [
      ...assembly.problems.filter((p) => p.code !== 'unused_value' && firstTime(p)),
      ...runChecks({ ...assembly, project: { ...project, blueprint } }, 'document'),
    ];
    return { blueprint, document: assembly.document, problems: own, assembly };
  });
  // Figures as each document actually uses them (after its conditions), merged: one value per key.
  const decls = new Map<string, VariableDecl>();
  const values = new Map<string, Value>();
  for (const d of documents) {
    for (const [k, v] of d.assembly.decls) if (!decls.has(k)) decls.set(k, v);
    for (const [k, v] of d.assembly.values) if (!values.has(k)) values.set(k, v);
  }
  const first = documents[0]?.document ?? {
    meta: {
      title: project.title,
      projectName: '',
      projectNo: project.projectNo,
      bidder: project.bidder,
      date: project.date,
      docType: '',
      draft: false,
    },
    blocks: [],
  };
  const sections = documents.flatMap((d) => d.assembly.sections);
  for (const key of Object.keys(project.values))
    if (!options.knownKeys.has(key))
      problems.push({
        severity: 'warning',
        code: 'unused_value',
        message: `变量 ${key} 没有被投标文件包中的任何条款使用`,
        params: { key, scope: 'package' },
        field: `values.${key}`,
      });
  problems.push(...runChecks({ document: first, problems: [], values, decls, sections, project }, 'values'));
  return { documents, problems, decls, values };
}

/** Every problem of a package in one list, each document's tagged with its blueprint (as `file`). */
export function packageProblems(pkg: PackageAssembly): Problem[] {
  return [
    ...pkg.documents.flatMap((d) => d.problems.map((p) => ({ ...p, file: p.file ?? d.blueprint }))),
    ...pkg.problems,
  ];
}
