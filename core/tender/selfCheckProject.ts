// The self-check of a project: its package assembled as an export would (core/package), the 偏离表's rows, the 废标
// conditions evaluated against the same facts and figures, and the problems comparing figures across documents.
import { PACKAGE_RULES } from '../check/packageRules.js';
import { projectFacts } from '../commitments/resolve.js';
import { evaluateRequirements } from '../deviation/compute.js';
import type { Library } from '../model/library.js';
import type { Project } from '../model/project.js';
import type { Value, VariableDecl } from '../model/variables.js';
import { assemblePackage, packageProblems } from '../package/index.js';
import { selfCheck, type SelfCheckRow } from './selfCheck.js';

/** Problems that say two documents (or two places) of the package promise a figure differently. */
export const FIGURE_CODES: ReadonlySet<string> = new Set([...PACKAGE_RULES.map((r) => r.code), 'duplicate_promise']);

export function projectSelfCheck(project: Project, lib: Library): SelfCheckRow[] {
  const pkg = assemblePackage(project, lib);
  const decls = new Map<string, VariableDecl>();
  const values = new Map<string, Value>();
  for (const d of pkg.documents) {
    for (const [k, v] of d.assembly.decls) if (!decls.has(k)) decls.set(k, v);
    for (const [k, v] of d.assembly.values) if (!values.has(k)) values.set(k, v);
  }
  const facts = projectFacts(project);
  const requirements = project.requirements ?? [];
  const evaluate = (reqs: typeof requirements) => evaluateRequirements(reqs, decls, values, { facts });
  const titleOf = (id: string) => lib.blueprints.find((b) => b.id === id)?.title ?? id;
  const rows = selfCheck({
    ...(project.tender ? { tender: project.tender } : {}),
    requirements,
    deviations: evaluate(requirements),
    evaluate,
    documents: pkg.documents.map((d) => ({
      blueprint: d.blueprint,
      title: titleOf(d.blueprint),
      headings: [
        d.document.meta.title,
        ...d.document.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
        ...d.assembly.sections.map((s) => s.title),
      ],
    })),
    blueprints: lib.blueprints.map((b) => ({ id: b.id, title: b.title })),
    problems: packageProblems(pkg),
    figureCodes: FIGURE_CODES,
  });
  // A fact is reached in the app by its place in project.commitments.
  return rows.map((r) => {
    const fact = /^facts\.(.+)$/.exec(r.field ?? '')?.[1];
    if (!fact) return r;
    const at = project.commitments?.findIndex((c) => c.id === fact) ?? -1;
    const { field: _f, ...rest } = r;
    return at >= 0 ? { ...r, field: `commitments.${at}` } : rest;
  });
}
