// Recently used projects (recent.json): a snapshot of each, so 首页 can reopen and search them in any shell.
// Entries are keyed by the project's id, never by its name: three projects from one blueprint stay three entries.
import { z } from 'zod';
import { BidForgeError } from '../model/problem.js';
import { projectSchema, type Project } from '../model/project.js';
import { derivedProjectId, withProjectId } from '../project/identity.js';

export const RECENT_MAX = 20;
/** How deep values may nest in a snapshot: a form's tables are 3 deep; a hostile file nested 100,000 deep. */
export const SNAPSHOT_MAX_DEPTH = 32;
/** A snapshot's size in characters (text, keys and numbers), so recent.json stays small and search stays fast. */
export const SNAPSHOT_MAX_CHARS = 1_000_000;
/** RECENT_MAX snapshots at their largest (3 bytes a character in UTF-8) fit; a larger recent.json is moved aside. */
export const RECENT_FILE_MAX_BYTES = 64 * 1024 * 1024;
/** Of each text, search reads this much (an excerpt is shown, never the whole). */
const SEARCH_TEXT_CHARS = 100_000;

/**
 * What keeps a project out of recent.json, if anything: values nested deeper than SNAPSHOT_MAX_DEPTH or a snapshot
 * over SNAPSHOT_MAX_CHARS. Walked without recursion and stopped at the first excess, so a hostile value costs little.
 */
export function snapshotProblem(
  project: unknown,
): { code: string; message: string; params: Record<string, number> } | undefined {
  const stack: [unknown, number][] = [[project, 0]];
  let chars = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v === 'string') chars += v.length;
    else if (typeof v === 'number' || typeof v === 'boolean') chars += 8;
    else if (v && typeof v === 'object') {
      if (depth >= SNAPSHOT_MAX_DEPTH)
        return {
          code: 'recent_too_deep',
          message: `项目中的取值嵌套超过 ${SNAPSHOT_MAX_DEPTH} 层，未记入“最近项目”；项目本身不受影响`,
          params: { max: SNAPSHOT_MAX_DEPTH },
        };
      for (const [k, x] of Object.entries(v)) {
        chars += k.length;
        stack.push([x, depth + 1]);
      }
    }
    if (chars > SNAPSHOT_MAX_CHARS)
      return {
        code: 'recent_too_large',
        message: `项目超过 ${SNAPSHOT_MAX_CHARS} 字符，未记入“最近项目”；项目本身不受影响`,
        params: { max: SNAPSHOT_MAX_CHARS },
      };
  }
  return undefined;
}

const refusal = (p: NonNullable<ReturnType<typeof snapshotProblem>>) =>
  new BidForgeError(p.code, p.message, [{ severity: 'error', ...p }]);

/** Throws the snapshot's problem ('recent_too_deep', 'recent_too_large'), if it has one. */
export function assertSnapshot(project: unknown): void {
  const p = snapshotProblem(project);
  if (p) throw refusal(p);
}

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
  assertSnapshot(project); // before JSON.stringify below, which a 100,000-deep value would overflow
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
  /** Where the query was found: "标题" or a variable key (with its label, when the library declares it), and an excerpt. */
  matches: {
    where: string;
    label?: string | undefined;
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
  // Without recursion, and no deeper than a snapshot may nest: a planted recent.json must not break search for all.
  for (const [k, top] of Object.entries(p.values)) {
    const stack: [unknown, number][] = [[top, 0]];
    const found: string[] = [];
    while (stack.length) {
      const [v, depth] = stack.pop()!;
      if (typeof v === 'string' || typeof v === 'number') found.push(String(v).slice(0, SEARCH_TEXT_CHARS));
      else if (v && typeof v === 'object' && depth < SNAPSHOT_MAX_DEPTH) {
        const xs = Object.values(v);
        for (let i = xs.length - 1; i >= 0; i--) stack.push([xs[i], depth + 1]);
      }
    }
    for (const text of found) out.push({ where: k, text });
  }
  return out.filter((t) => t.text !== '').map((t) => ({ ...t, text: t.text.slice(0, SEARCH_TEXT_CHARS) }));
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
