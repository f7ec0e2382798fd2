// Recently used projects (recent.json): a snapshot of each, so 首页 can reopen and search them in any shell.
// Entries are keyed by the project's id, never by its name: three projects from one blueprint stay three entries.
import { z } from 'zod';
import { projectSchema, type Project } from '../model/project.js';
import { derivedProjectId, withProjectId } from '../project/identity.js';

export const RECENT_MAX = 20;

const entryObject = z.object({
  /** The project's id (entries written before ids existed were keyed by path or name: see below). */
  id: z.string().min(1).max(1000),
  /** The file it was opened from or saved to (Electron and the CLI; the browser host has no paths). */
  path: z.string().max(1000).optional(),
  name: z.string(),
  title: z.string(),
  blueprint: z.string(),
  /** ISO time of the last open or save. */
  usedAt: z.string(),
  /** True when the snapshot is what a file holds (recorded on open or save); false for a new, never saved project. */
  saved: z.boolean().optional(),
  project: projectSchema,
});
/** An entry from before ids gets one derived from its old key, in the project and as the entry's key. */
export const recentEntrySchema = entryObject.transform((e) => {
  if (e.project.id) return e;
  const id = derivedProjectId(e.id);
  return { ...e, id, project: { ...e.project, id } };
});
export type RecentEntry = z.infer<typeof recentEntrySchema>;
/** What lists show: the entry without its snapshot. */
export type RecentSummary = Omit<RecentEntry, 'project'>;

export const recentFileSchema = z.object({
  schema: z.literal(1).default(1),
  projects: z.array(recentEntrySchema).default([]),
});
export type RecentFile = z.infer<typeof recentFileSchema>;

export const summary = ({ project: _p, ...rest }: RecentEntry): RecentSummary => rest;

/**
 * Puts the project first and keeps the newest RECENT_MAX. It replaces the entry of the same project (same id), and
 * the entry of another project that was in the same file (that file now holds this one). A project without an id
 * gets one from its path or its content, so it is still never keyed by name.
 */
export function withRecent(
  list: RecentEntry[],
  project: Project,
  usedAt: string,
  path?: string,
  saved = false,
): RecentEntry[] {
  const p = withProjectId(project, path ?? JSON.stringify(project));
  const id = p.id!;
  const entry: RecentEntry = {
    id,
    ...(path ? { path } : {}),
    name: p.name,
    title: p.title,
    blueprint: p.blueprint,
    usedAt,
    saved,
    project: p,
  };
  return [entry, ...list.filter((e) => e.id !== id && !(path && e.path === path))].slice(0, RECENT_MAX);
}

/**
 * The other project of the list that was saved under `fileName` (by `fileNameOf`), if any: saving this one under the
 * same name must be asked about, never done silently. Entries with a path are told apart by their paths instead.
 */
export function sameFileName(
  list: readonly RecentSummary[],
  id: string | undefined,
  fileName: string,
  fileNameOf: (e: RecentSummary) => string,
): RecentSummary | undefined {
  return list.find((e) => e.id !== id && e.saved && !e.path && fileNameOf(e) === fileName);
}

export type ProjectHit = RecentSummary & {
  /** Where the query was found: "标题" or a variable key, with a short excerpt. */ matches: {
    where: string;
    text: string;
  }[];
};

/** Every searchable text of a project: its metadata and each text found in its values (tables and lists too). */
function texts(p: Project): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [
    { where: 'title', text: p.title },
    { where: 'name', text: p.name },
    { where: 'bidder', text: p.bidder },
    { where: 'projectNo', text: p.projectNo },
  ];
  const walk = (where: string, v: unknown) => {
    if (typeof v === 'string' || typeof v === 'number') out.push({ where, text: String(v) });
    else if (Array.isArray(v)) v.forEach((x) => walk(where, x));
    else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(where, x));
  };
  for (const [k, v] of Object.entries(p.values)) walk(k, v);
  return out.filter((t) => t.text !== '');
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

function excerpt(text: string, at: number, len: number): string {
  const from = Math.max(0, at - 12);
  const to = Math.min(text.length, at + len + 12);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Recent projects whose title, metadata or values contain every word of the query (case- and width-insensitive). */
export function searchRecent(list: RecentEntry[], query: string): ProjectHit[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits: ProjectHit[] = [];
  for (const e of list) {
    const all = texts(e.project);
    const matches: ProjectHit['matches'] = [];
    let every = true;
    for (const w of words) {
      const found = all.filter((t) => fold(t.text).includes(w));
      if (!found.length) {
        every = false;
        break;
      }
      // Up to three places, so a hit says both "投标人" and the variable that hold the words.
      for (const f of found)
        if (matches.length < 3 && !matches.some((m) => m.where === f.where))
          matches.push({ where: f.where, text: excerpt(f.text, fold(f.text).indexOf(w), w.length) });
    }
    if (every) hits.push({ ...summary(e), matches });
  }
  return hits;
}
