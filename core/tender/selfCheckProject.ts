// The self-check of a project: its package assembled as an export would (core/package), the 偏离表's rows, the 废标
// conditions evaluated against the same facts and figures, and the problems comparing figures across documents.
import { PACKAGE_RULES } from '../check/packageRules.js';
import { projectFacts } from '../commitments/resolve.js';
import { formatFactDuration } from '../commitments/phrase.js';
import { sameLength } from '../commitments/time.js';
import type { Problem } from '../model/problem.js';
import { evaluateRequirements } from '../deviation/compute.js';
import type { Library } from '../model/library.js';
import type { Project } from '../model/project.js';
import { assemblePackage, packageProblems } from '../package/index.js';
import { selfCheck, type SelfCheckRow } from './selfCheck.js';

/** Problems that say two documents (or two places) of the package promise a figure differently. */
export const FIGURE_CODES: ReadonlySet<string> = new Set([...PACKAGE_RULES.map((r) => r.code), 'duplicate_promise']);

export function projectSelfCheck(project: Project, lib: Library): SelfCheckRow[] {
  const pkg = assemblePackage(project, lib);
  const { decls, values } = pkg;
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
    problems: [
      ...packageProblems(pkg),
      ...cardAgainstPlan(
        project,
        pkg.documents.map((d) => d.blueprint),
      ),
    ],
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

/**
 * The warranty card's whole-unit warranty against the plan's, when both are facts of a package holding the card and a
 * document that promises the warranty: card_warranty_mismatch compares the variables, this the facts themselves.
 */
function cardAgainstPlan(project: Project, blueprints: string[]): Problem[] {
  if (!project.commitments || !blueprints.includes('warranty-card') || blueprints.length < 2) return [];
  const period = (id: string) => {
    const f = project.commitments?.find((c) => c.id === id);
    return f?.offered !== false && f && 'period' in f ? f.period : undefined;
  };
  const [card, plan] = [period('warranty_card_unit'), period('warranty')];
  // In any units: 12个月 and 1年 agree, 400天 and 1年 do not; each figure as the writer typed it.
  if (!card || !plan || sameLength(card, plan)) return [];
  const [a, b] = [formatFactDuration(card), formatFactDuration(plan)];
  return [
    {
      severity: 'error',
      code: 'card_warranty_mismatch',
      field: `commitments.${project.commitments.findIndex((c) => c.id === 'warranty_card_unit')}`,
      message: `保修卡整机保修期${a}与售后服务方案质保期${b}不一致`,
      params: { card: a, plan: b },
    },
  ];
}
