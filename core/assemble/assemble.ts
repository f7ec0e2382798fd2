// Project + Library → Document, with every problem found on the way.
import { documentToTraditional } from '../format/script.js';
import { chineseNumeral } from '../format/zh.js';
import { layoutOf, type Block, type Document } from '../model/document.js';
import { deviationTableCells, evaluateRequirements, type DeviationRow } from '../deviation/compute.js';
import { findClause, type Blueprint, type ClauseVersion, type Library } from '../model/library.js';
import type { Problem } from '../model/problem.js';
import type { Project } from '../model/project.js';
import type { ScalarType, ScalarValue, Value, VariableDecl } from '../model/variables.js';
import { AnnexIndex, type AnnexRef } from './annex.js';
import { markdownToBlocks, type RawBlock } from './markdown.js';
import { forLayout, markAddressee, sealMarkOf, sectionHeading, withSealMark } from './layout.js';
import { followMandatedForms, isLetterFrame } from './mandated.js';
import { conditionKeys, outlineOf, selectSections } from './outline.js';
import { effectiveBlueprint } from './projectOutline.js';
import { effectiveValues, projectFacts } from '../commitments/resolve.js';
import { attachFacts } from '../commitments/helpers.js';
import { LEGACY_KEYS } from '../commitments/legacy.js';
import { buildContext, missingKeyOf, renderTemplate, Slots, TemplateError } from './template.js';
import { collectDeclarations, resolveValues } from './values.js';

export type Assembly = {
  document: Document;
  problems: Problem[];
  /** What the checks need besides the Document. */
  values: Map<string, Value>;
  decls: Map<string, VariableDecl>;
  /** The sections included after conditions; annex titles as printed (附件N …). */
  sections: { title: string; clauses: ClauseVersion[] }[];
  /** Every {{annex "…"}} reference and what it resolved to. */
  annexRefs?: AnnexRef[];
  /** Sections with a clause left out for a missing or invalid value (reported once, on the value): not "empty". */
  failedSections?: string[];
  /**
   * Sections that printed nothing, as their heading reads (一、售后服务承诺) — in every layout, also a letter's or a
   * form's, which print no 一、 heading.
   */
  emptySections?: { title: string; printed: string }[];
  /** The 偏离表 rows, computed once here for the table, the checks and the composer (absent: compute them). */
  deviations?: DeviationRow[];
};

export type AssembleOptions = {
  /** Keys declared by the other documents of a bid package: their values are not "unused" here. */
  knownKeys?: ReadonlySet<string>;
  /** Package-wide declarations and values: the deviation table's figures may be promised in another document. */
  shared?: { decls: Map<string, VariableDecl>; values: Map<string, Value> };
};

/** The project's blueprint with the writer's outline (project.outline) applied. */
export function blueprintOf(project: Project, lib: Library): Blueprint | undefined {
  return effectiveBlueprint(project, lib);
}

/** The clauses a project uses, per section, in order; unknown ones become problems. */
export function clausesOf(
  blueprint: Blueprint,
  lib: Library,
  problems: Problem[] = [],
): { title: string; clauses: ClauseVersion[] }[] {
  return blueprint.sections.map((s) => ({
    title: s.title,
    clauses: s.clauses.flatMap((ref) => {
      const c = findClause(lib, ref.id, ref.variant);
      if (!c)
        problems.push({
          severity: 'error',
          code: 'unknown_clause',
          message: `条款库中没有条款 ${ref.id}（${ref.variant}）`,
          params: { id: ref.id, variant: ref.variant },
          section: s.title,
          clause: ref.id,
        });
      return c ? [c] : [];
    }),
  }));
}

export function assemble(project: Project, lib: Library, options: AssembleOptions = {}): Assembly {
  const problems: Problem[] = [];
  const blueprint = blueprintOf(project, lib);
  if (!blueprint) {
    problems.push({
      severity: 'error',
      code: 'unknown_blueprint',
      message: `没有名为 ${project.blueprint} 的蓝本（可用：${lib.blueprints.map((b) => b.id).join('、')}）`,
      params: { blueprint: project.blueprint, available: lib.blueprints.map((b) => b.id).join(', ') },
      field: 'blueprint',
    });
    return {
      document: { meta: metaOf(project, project.blueprint, false), blocks: [] },
      problems,
      values: new Map(),
      decls: new Map(),
      sections: [],
    };
  }
  const outline = outlineOf(blueprint, lib, problems);
  // Conditions are decided on every declared value first; problems come from the second, final pass.
  const allDecls = collectDeclarations(
    outline.flatMap((s) => s.items.map((i) => i.clause)),
    [],
  );
  // A project with facts of its own gives the clauses' keys their figures from the facts (core/commitments).
  const raw = effectiveValues(project);
  const facts = projectFacts(project);
  const sections = selectSections(
    outline,
    allDecls,
    resolveValues(raw, allDecls, [], new Set(Object.keys(raw))),
    problems,
  );
  const allClauses = sections.flatMap((s) => s.clauses);
  const decls = collectDeclarations(allClauses, problems);
  for (const key of conditionKeys(outline)) {
    const d = allDecls.get(key);
    if (d && !decls.has(key)) decls.set(key, d);
  }
  // Values that state facts are read by the checks and the 偏离表 even where no clause prints them.
  const values = resolveValues(
    raw,
    decls,
    problems,
    new Set([...allDecls.keys(), ...(options.knownKeys ?? []), ...LEGACY_KEYS]),
  );
  const slots = new Slots();
  const extra: Record<string, { type: ScalarType; value: ScalarValue }> = {
    date: { type: 'date', value: project.date },
    project_title: { type: 'text', value: project.title },
    project_no: { type: 'text', value: project.projectNo },
    bidder: { type: 'text', value: project.bidder },
  };
  const ctx = buildContext(values, decls, slots, extra);
  attachFacts(ctx, facts);
  // The 偏离表 rows are computed, never typed: a clause lists them with {{#each deviation_rows}}.
  const shared = options.shared ?? { decls, values };
  const deviations = evaluateRequirements(project.requirements ?? [], shared.decls, shared.values, { facts });
  if (!decls.has('deviation_rows'))
    ctx.deviation_rows = deviationTableCells(deviations).map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, slots.put('text', v)])),
    );
  const annexes = new AnnexIndex(sections.flatMap((s) => (s.annex ? [s.annex] : [])));

  let blocks: Block[] = [];
  const failedSections: string[] = [];
  // Blocks of our salutation and closing: a mandated 承诺书 replaces them with its own wording (mandated.ts).
  const frame = new Set<unknown>();
  const emptySections: { title: string; printed: string }[] = [];
  // A declared value that is missing or invalid was reported by resolveValues, by its label: once is enough.
  const reportedValue = (key: string | undefined) =>
    !!key &&
    decls.has(key) &&
    problems.some((p) => p.field === `values.${key}` && (p.code === 'missing_value' || p.code === 'bad_value'));
  // The document type decides the layout: a report's sections are 一、 chapters, a letter has no headings (layout.ts).
  const layout = layoutOf(blueprint.docType);
  const chapters = sections.filter((s) => !s.annex).length;
  let chapter = 0;
  sections.forEach((section) => {
    let printed = section.title;
    if (section.annex) blocks.push({ kind: 'heading', level: 1, number: '', text: section.title, annex: true });
    else {
      const heading = sectionHeading(layout, section.title, ++chapter, chapters);
      if (heading) blocks.push(heading);
      if (heading?.kind === 'heading') printed = heading.number + heading.text;
    }
    const problemsBefore = problems.length;
    const raw: RawBlock[] = [];
    for (const clause of section.clauses) {
      annexes.where = { section: section.title, clause: clause.id };
      try {
        const out = markdownToBlocks(renderTemplate(clause.body, ctx, slots, annexes), slots);
        if (isLetterFrame(clause)) for (const b of out) frame.add(b);
        raw.push(...out);
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        const key = missingKeyOf(e);
        if (reportedValue(key)) {
          failedSections.push(section.title);
          continue;
        }
        // An optional variable the clause prints without {{#if}}: blank, it would break the sentence. Asked for by its
        // label like a required one, never left to print blank or to the engine's wording with the key.
        const decl = key ? decls.get(key) : undefined;
        if (key && decl && !values.has(key)) {
          problems.push({
            severity: 'error',
            code: 'missing_value',
            message: `缺少必填变量「${decl.label}」的值`,
            params: { label: decl.label },
            clause: clause.id,
            field: `values.${key}`,
          });
          failedSections.push(section.title);
          continue;
        }
        // No params: the message is the template engine's own text, read by pattern in core/i18n/problemText.ts.
        problems.push({
          severity: 'error',
          code: 'template',
          message: e.message,
          section: section.title,
          clause: clause.id,
          ...(key ? { field: `values.${key}` } : {}),
        });
      }
    }
    const body = forLayout(layout, numberBlocks(raw));
    // Empty only when nothing failed in it: a failed clause is reported once, on its value or template.
    if (!body.length && !failedSections.includes(section.title) && problems.length === problemsBefore)
      emptySections.push({ title: section.title, printed });
    blocks.push(...body);
  });

  const mandated = followMandatedForms(project, layout, blocks, frame, deviations, shared.values);
  blocks = mandated.blocks;

  if (blueprint.signature) {
    const seal = sealMarkOf(project.typesetting);
    const parties = blueprint.signature.parties.map((p) => ({
      role: p.role,
      lines: p.lines.flatMap((line) => {
        try {
          annexes.where = { section: '签署' };
          return [withSealMark(slots.fill(renderTemplate(line, ctx, slots, annexes)), seal)];
        } catch (e) {
          if (!(e instanceof TemplateError)) throw e;
          if (!reportedValue(missingKeyOf(e)))
            problems.push({ severity: 'error', code: 'template', message: e.message, section: '签署' });
          return [];
        }
      }),
    }));
    // The signature closes the main text: annexes follow it.
    const firstAnnex = blocks.findIndex((b) => b.kind === 'heading' && b.annex);
    blocks.splice(firstAnnex < 0 ? blocks.length : firstAnnex, 0, { kind: 'signature', parties });
  }
  const draft = allClauses.some((c) => c.status !== 'approved');
  const document: Document = {
    meta: metaOf(project, mandated.title ?? blueprint.title, draft, blueprint.docType),
    blocks: markAddressee(layout, blocks),
  };
  const printed = sections.map((s) => ({ title: s.title, clauses: s.clauses }));
  return {
    document: project.script === 'hant' ? documentToTraditional(document) : document,
    problems,
    values,
    decls,
    sections: printed,
    annexRefs: annexes.refs,
    ...(failedSections.length ? { failedSections } : {}),
    ...(emptySections.length ? { emptySections } : {}),
    deviations,
  };
}

function metaOf(project: Project, docTitle: string, draft: boolean, docType = ''): Document['meta'] {
  const meta: Document['meta'] = {
    title: project.title,
    projectName: docTitle,
    projectNo: project.projectNo,
    bidder: project.bidder,
    date: project.date,
    docType,
    draft,
    layout: layoutOf(docType),
  };
  // Export (core/export) reads the project's typesetting profile and script from the Document it is given.
  return {
    ...meta,
    ...(project.typesetting ? { typesetting: project.typesetting } : {}),
    ...(project.script === 'hant' ? { script: 'hant' as const } : {}),
  };
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Gives numbers within one section: （一） for clause subheadings; 1. → （1） → ① for nested ordered lists. */
export function numberBlocks(raw: RawBlock[]): Block[] {
  let sub = 0;
  const listCounters: number[] = [];
  return raw.map((b): Block => {
    switch (b.kind) {
      case 'heading':
        if (b.depth <= 2) {
          sub++;
          return { kind: 'heading', level: 2, number: `（${chineseNumeral(sub)}）`, text: b.text };
        }
        return { kind: 'heading', level: 3, number: '', text: b.text };
      case 'listItem': {
        if (b.start) listCounters[b.depth] = 0;
        listCounters.length = b.depth + 1;
        const n = (listCounters[b.depth] = (listCounters[b.depth] ?? 0) + 1);
        const number = !b.ordered
          ? '•'
          : b.depth === 1
            ? `${n}.`
            : b.depth === 2
              ? `（${n}）`
              : (CIRCLED[n - 1] ?? `(${n})`);
        return { kind: 'listItem', number, depth: b.depth, runs: b.runs };
      }
      default:
        return b;
    }
  });
}
