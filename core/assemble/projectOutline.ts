// The writer's outline: a project may reorder, add and remove a document's sections and their clauses (project.outline,
// per blueprint id); a section the writer added is known by its title alone. Applied here to the blueprint, so
// assembly, describeProject and packages all read one outline.
import { isAnnexTitle } from '../model/document.js';
import { findClause, type Blueprint, type Library, type When } from '../model/library.js';
import type { Project } from '../model/project.js';

export type OutlineRef = { id: string; variant: string };
export type ProjectOutlineSection = { title: string; clauses: OutlineRef[] };

/** The blueprint's own sections in the outline's shape: what "reset to blueprint" restores. */
export function blueprintOutline(blueprint: Blueprint): ProjectOutlineSection[] {
  return blueprint.sections.map((s) => ({
    title: s.title,
    clauses: s.clauses.map((c) => ({ id: c.id, variant: c.variant })),
  }));
}

/**
 * The blueprint with the outline's sections, in the outline's order. A section keeps its blueprint's annex flag and
 * condition (matched by title); a clause keeps the condition the blueprint gave it (matched by id), wherever it was
 * moved. A section the writer emptied is left out of the document, heading and all.
 */
export function applyOutline(blueprint: Blueprint, outline: ProjectOutlineSection[]): Blueprint {
  const sectionByTitle = new Map(blueprint.sections.map((s) => [s.title, s]));
  const refWhen = new Map<string, When>();
  for (const s of blueprint.sections)
    for (const c of s.clauses) if (c.when && !refWhen.has(c.id)) refWhen.set(c.id, c.when);
  const sections = outline
    .filter((s) => s.clauses.length > 0)
    .map((s) => {
      const own = sectionByTitle.get(s.title);
      return {
        title: s.title,
        ...(own?.annex !== undefined ? { annex: own.annex } : isAnnexTitle(s.title) ? { annex: true } : {}),
        ...(own?.when ? { when: own.when } : {}),
        clauses: s.clauses.map((c) => {
          const when = refWhen.get(c.id);
          return { id: c.id, variant: c.variant, ...(when ? { when } : {}) };
        }),
      };
    });
  return { ...blueprint, sections };
}

/** The blueprint a project assembles for `blueprintId` (default: its main one), with its outline applied. */
export function effectiveBlueprint(
  project: Project,
  lib: Library,
  blueprintId = project.blueprint,
): Blueprint | undefined {
  const bp = lib.blueprints.find((b) => b.id === blueprintId);
  const outline = project.outline?.[blueprintId];
  return bp && outline ? applyOutline(bp, outline) : bp;
}

export type OutlineClauseView = OutlineRef & { title: string; category: string; found: boolean };
export type OutlineSectionView = { title: string; annex: boolean; clauses: OutlineClauseView[] };

/** What the composer's outline panel shows: the current sections with clause titles, and the blueprint's for a reset. */
export function outlineView(
  project: Project,
  lib: Library,
  blueprintId = project.blueprint,
): { sections: OutlineSectionView[]; custom: boolean; defaults: ProjectOutlineSection[] } | undefined {
  const bp = lib.blueprints.find((b) => b.id === blueprintId);
  if (!bp) return undefined;
  const defaults = blueprintOutline(bp);
  const current = project.outline?.[blueprintId] ?? defaults;
  const annexByTitle = new Map(bp.sections.map((s) => [s.title, s.annex ?? isAnnexTitle(s.title)]));
  const sections = current.map((s) => ({
    title: s.title,
    annex: annexByTitle.get(s.title) ?? isAnnexTitle(s.title),
    clauses: s.clauses.map((ref) => {
      const c = findClause(lib, ref.id, ref.variant);
      return { ...ref, title: c?.title ?? ref.id, category: c?.category ?? '', found: c !== undefined };
    }),
  }));
  return { sections, custom: project.outline?.[blueprintId] !== undefined, defaults };
}
