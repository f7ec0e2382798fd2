// Pure edits of the outline panel's sections: move (drag or Alt+↑/↓), add, remove — clauses and whole sections.
// Each returns new arrays.
import type { OutlineClauseView, OutlineSectionView } from '@core/assemble/projectOutline.js';
import { isAnnexTitle } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';

export type Pos = { s: number; i: number };

const replaceAt = <T>(list: T[], index: number, item: T): T[] => list.map((x, k) => (k === index ? item : x));

/** Moves the clause at `from` so that it lands before the clause now at `before` (i = length: at the end). */
export function moveClause(
  sections: OutlineSectionView[],
  from: Pos,
  before: Pos,
): { sections: OutlineSectionView[]; at: Pos } {
  const item = sections[from.s]?.clauses[from.i];
  if (!item || !sections[before.s]) return { sections, at: from };
  // Removing first shifts later items of the same section up by one.
  const i = from.s === before.s && from.i < before.i ? before.i - 1 : before.i;
  const removed = replaceAt(sections, from.s, {
    ...sections[from.s]!,
    clauses: sections[from.s]!.clauses.filter((_, k) => k !== from.i),
  });
  const target = removed[before.s]!;
  const at = { s: before.s, i: Math.min(i, target.clauses.length) };
  const clauses = [...target.clauses.slice(0, at.i), item, ...target.clauses.slice(at.i)];
  return { sections: replaceAt(removed, before.s, { ...target, clauses }), at };
}

/** One step up or down; past a section's edge the clause goes to the end of the previous (start of the next) section. */
export function moveBy(
  sections: OutlineSectionView[],
  from: Pos,
  dir: -1 | 1,
): { sections: OutlineSectionView[]; at: Pos } {
  const len = sections[from.s]?.clauses.length ?? 0;
  if (dir === -1 && from.i > 0) return moveClause(sections, from, { s: from.s, i: from.i - 1 });
  if (dir === 1 && from.i < len - 1) return moveClause(sections, from, { s: from.s, i: from.i + 2 });
  if (dir === -1 && from.s > 0)
    return moveClause(sections, from, { s: from.s - 1, i: sections[from.s - 1]!.clauses.length });
  if (dir === 1 && from.s < sections.length - 1) return moveClause(sections, from, { s: from.s + 1, i: 0 });
  return { sections, at: from };
}

export function removeClause(sections: OutlineSectionView[], at: Pos): OutlineSectionView[] {
  const s = sections[at.s];
  return s ? replaceAt(sections, at.s, { ...s, clauses: s.clauses.filter((_, k) => k !== at.i) }) : sections;
}

export function addClause(
  sections: OutlineSectionView[],
  section: number,
  clause: OutlineClauseView,
): OutlineSectionView[] {
  const s = sections[section];
  return s ? replaceAt(sections, section, { ...s, clauses: [...s.clauses, clause] }) : sections;
}

/** Moves the section at `from` so that it lands before the section now at `before` (length: at the end). */
export function moveSection(
  sections: OutlineSectionView[],
  from: number,
  before: number,
): { sections: OutlineSectionView[]; at: number } {
  const item = sections[from];
  if (!item || before < 0 || before > sections.length) return { sections, at: from };
  const at = from < before ? before - 1 : before;
  if (at === from) return { sections, at };
  const rest = sections.filter((_, k) => k !== from);
  return { sections: [...rest.slice(0, at), item, ...rest.slice(at)], at };
}

/** One step up or down (Alt+↑/↓ on a section's heading); the first section cannot go up, nor the last down. */
export function moveSectionBy(
  sections: OutlineSectionView[],
  from: number,
  dir: -1 | 1,
): { sections: OutlineSectionView[]; at: number } {
  return moveSection(sections, from, dir === -1 ? from - 1 : from + 2);
}

/** Removes a section with all its clauses. */
export function removeSection(sections: OutlineSectionView[], index: number): OutlineSectionView[] {
  return index >= 0 && index < sections.length ? sections.filter((_, k) => k !== index) : sections;
}

/** The longest section title a project file accepts (core/model/project.ts). */
export const SECTION_TITLE_MAX = 200;

/** Why `title` cannot name a new section: empty, too long, or already the title of one (sections are matched by title). */
export function sectionTitleError(
  sections: OutlineSectionView[],
  title: string,
): 'empty' | 'tooLong' | 'duplicate' | undefined {
  const t = title.trim();
  if (!t) return 'empty';
  if (t.length > SECTION_TITLE_MAX) return 'tooLong';
  return sections.some((s) => s.title === t) ? 'duplicate' : undefined;
}

/** A new, empty section titled by the writer, at the end (it enters the document once it holds a clause). */
export function addSection(sections: OutlineSectionView[], title: string): OutlineSectionView[] {
  if (sectionTitleError(sections, title)) return sections;
  const t = title.trim();
  return [...sections, { title: t, annex: isAnnexTitle(t), clauses: [] }];
}

/** The project with `sections` as the outline of `blueprint` (only references are stored: id and variant). */
export function withOutline(project: Project, blueprint: string, sections: OutlineSectionView[] | undefined): Project {
  const rest = Object.fromEntries(Object.entries(project.outline ?? {}).filter(([k]) => k !== blueprint));
  const outline = sections
    ? {
        ...rest,
        [blueprint]: sections.map((s) => ({
          title: s.title,
          clauses: s.clauses.map((c) => ({ id: c.id, variant: c.variant })),
        })),
      }
    : rest;
  const { outline: _old, ...without } = project;
  return Object.keys(outline).length ? { ...without, outline } : without;
}
