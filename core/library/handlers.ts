// The library channels' handlers (their contract is core/library/contract.ts), on the store in the data folder.
// Without a data folder (the CLI's render, some tests) only the sample render works; the rest answer 'no_store'.
import { assembleAndCheck } from '../check/rules.js';
import { collectDeclarations, defaultValues } from '../assemble/values.js';
import { sampleFactsFor } from './sampleFacts.js';
import { PACK_EXTENSION } from './store/pack.js';
import type { LibraryStore } from './store/store.js';
import type { Blueprint, ClauseVersion, Library } from '../model/library.js';
import type { VariableDecl } from '../model/variables.js';
import type { Project } from '../model/project.js';
import { ApiError } from '../api/envelope.js';
import { PackTrust } from '../settings/packTrust.js';
import type { SettingsStore } from '../settings/store.js';
import { projectKey, type ClauseRow, type LibraryHandlers } from './contract.js';
import type { StoreAccess } from './storeAccess.js';
import { existingClauses, importWordFile } from './wordImport/file.js';

const SAMPLE_ID = 'sample-clause';

/** A stand-in for a variable with no default, so the sample shows the whole clause instead of a missing-value error. */
function sampleValue(d: VariableDecl, today: string): unknown {
  switch (d.type) {
    case 'integer':
    case 'number':
    case 'percent':
      return d.min ?? 1;
    case 'money':
      return '1000.00';
    case 'date':
      return today;
    case 'duration':
      return {
        value: 1,
        unit: d.unit && ['分钟', '小时', '工作日', '天', '个月', '年'].includes(d.unit) ? d.unit : '天',
      };
    case 'boolean':
      return true;
    case 'choice':
      return d.options?.[0] ?? d.label;
    case 'list':
      return [`【${d.label}】`];
    case 'table':
      return [Object.fromEntries((d.columns ?? []).map((c) => [c.key, sampleValue({ ...c, required: true }, today)]))];
    default:
      return `【${d.label}】`;
  }
}

/** One clause as a one-section document filled with its declared defaults: what legal sees while editing. */
export function renderSample(
  input: {
    body: string;
    variables: ClauseVersion['variables'];
    docType: ClauseVersion['docTypes'][number];
    title?: string;
  },
  today: string,
) {
  const title = input.title || '条款样例';
  const clause: ClauseVersion = {
    id: SAMPLE_ID,
    category: title,
    title,
    tags: [],
    docTypes: [input.docType],
    variant: '标准',
    version: 1,
    status: 'approved',
    author: '',
    changeNote: '',
    variables: input.variables,
    body: input.body,
  };
  const blueprint: Blueprint = {
    id: SAMPLE_ID,
    docType: input.docType,
    title,
    sections: [{ title, clauses: [{ id: SAMPLE_ID, variant: '标准' }] }],
  };
  const lib: Library = { clauses: [clause], blueprints: [blueprint] };
  const decls = collectDeclarations([clause], []);
  const values: Record<string, unknown> = {
    ...Object.fromEntries([...decls].map(([k, d]) => [k, sampleValue(d, today)])),
    ...defaultValues(decls),
  };
  // The facts the body names are offered with sample figures, so their sentences show (core/library/sampleFacts.ts).
  const commitments = sampleFactsFor(input.body);
  const project: Project = {
    schema: 1,
    name: 'sample',
    title,
    blueprint: SAMPLE_ID,
    projectNo: '',
    bidder: '',
    date: today,
    script: 'hans',
    values,
    ...(commitments.length ? { commitments } : {}),
  };
  const { document, problems } = assembleAndCheck(project, lib);
  return { document, problems };
}

/** Who acts and how approval works, from the shell and 设置 (libraryPeople below). */
export type LibraryPeople = {
  /** The acting user's name; `by` from the request only when the shell and 设置 name nobody. */
  actor(by: string | undefined): Promise<string>;
  /** 设置's single-reviewer mode: an author may approve their own version (recorded on it). */
  singleReviewer(): Promise<boolean>;
  /** 设置 (its trusted signers and the name packs are signed as): without it packs go unsigned, and arrive as drafts. */
  settings?: SettingsStore;
};

/**
 * Who acts in the clause library: the shell's user (the CLI's --as) or 设置's user name, never a name a client sends
 * when either is known — so the four-eyes rule cannot be dodged by typing another name into a request.
 */
export function libraryPeople(settings: SettingsStore, actingUser?: string): LibraryPeople {
  return {
    async actor(by) {
      const name = actingUser?.trim() || (await settings.get()).settings.userName.trim() || by?.trim();
      if (!name) throw new ApiError('no_user', '请先在 设置 中填写姓名（命令行用 --as 姓名）', { option: '--as' });
      return name;
    },
    singleReviewer: async () => (await settings.get()).settings.singleReviewer,
    settings,
  };
}

const byRequest: LibraryPeople = {
  async actor(by) {
    if (!by?.trim()) throw new ApiError('no_user', '请先在 设置 中填写姓名（命令行用 --as 姓名）', { option: '--as' });
    return by.trim();
  },
  singleReviewer: async () => false,
};

export function createLibraryHandlers(
  access: StoreAccess | null,
  today: () => string,
  people: LibraryPeople = byRequest,
): LibraryHandlers {
  const noStore = () => new ApiError('no_store', '没有数据文件夹：这里的条款库只是只读的内置模板', { why: 'library' });
  const read = <T>(fn: (s: LibraryStore) => Promise<T>) => (access ? access.read(fn) : Promise.reject(noStore()));
  const write = <T>(fn: (s: LibraryStore) => Promise<T>) => (access ? access.write(fn) : Promise.reject(noStore()));
  /** A change made by the acting user (named before the store is touched). */
  const act = <T>(by: string | undefined, fn: (s: LibraryStore, who: string) => Promise<T>) =>
    people.actor(by).then((who) => write((s) => fn(s, who)));
  // Signed packs (core/library/packSigning.ts): exports are signed with this data folder's key; imports keep the
  // approvals of trusted signers only.
  const trust = people.settings && new PackTrust(people.settings, access?.options.dataDir);
  const trustedKeys = async () => (trust ? trust.trustedKeys() : []);

  return {
    async libraryInfo() {
      if (!access) return { dataDir: null, clauses: 0, builtinConflicts: [] };
      const s = await access.store();
      const builtins = await access.builtinState();
      return {
        dataDir: access.options.dataDir,
        clauses: (await s.listClauses()).length,
        builtinConflicts: builtins.conflicts,
        ...(builtins.mergeError
          ? { builtinMergeError: builtins.mergeError.zh, builtinMergeErrorEn: builtins.mergeError.en }
          : {}),
      };
    },
    libraryFacets: () => read((s) => s.facets()),
    libraryList: ({ filter, query }) =>
      read(async (s) => {
        const rows: ClauseRow[] = await s.listClauses(filter);
        if (!query?.trim()) return rows;
        const byKey = new Map(rows.map((r) => [`${r.clauseId}/${r.variant}`, r]));
        // A clause's id finds it too (legal quotes ids from packs and the CLI): those rows first, then the text hits.
        const q = query.trim().toLowerCase();
        const byId = rows.filter((r) => r.clauseId.includes(q));
        const seen = new Set(byId.map((r) => `${r.clauseId}/${r.variant}`));
        return [
          ...byId,
          ...(await s.search(query, filter)).flatMap((h) => {
            const row = seen.has(`${h.clauseId}/${h.variant}`) ? undefined : byKey.get(`${h.clauseId}/${h.variant}`);
            return row ? [{ ...row, score: h.score, snippet: h.snippet }] : [];
          }),
        ];
      }),
    librarySearch: ({ query, filter }) => read((s) => s.search(query, filter)),
    libraryClause: ({ clauseId }) =>
      read(async (s) => {
        const c = await s.getClause(clauseId);
        if (!c) throw new ApiError('not_found', `条款库中没有条款 ${clauseId}`, { why: 'clause', id: clauseId });
        return c;
      }),
    libraryHistory: ({ clauseId, variant }) => read((s) => s.history(clauseId, variant)),
    libraryDiff: ({ from, to, granularity }) => read((s) => s.diff(from, to, granularity)),
    libraryCreate: ({ clause, by }) => act(by, (s, who) => s.createClause(clause, who)),
    libraryEdit: ({ clauseId, variant, by, ...edit }) =>
      act(by, (s, who) => s.editVariant(clauseId, variant, edit, who)),
    libraryAddVariant: ({ clauseId, name, by, ...input }) =>
      act(by, (s, who) => s.addVariant(clauseId, name, input, who)),
    libraryUpdateMeta: ({ clauseId, patch, by }) =>
      act(by, async (s, who) => {
        await s.updateClauseMeta(clauseId, patch, who);
        return (await s.getClause(clauseId))!;
      }),
    librarySubmit: ({ ref, by }) => act(by, async (s, who) => (await s.submit(ref, who), ref)),
    libraryApprove: async ({ ref, by }) => {
      const singleReviewer = await people.singleReviewer();
      return act(by, async (s, who) => (await s.approve(ref, who, { singleReviewer }), ref));
    },
    libraryReject: ({ ref, by, reason }) => act(by, async (s, who) => (await s.reject(ref, who, reason), ref)),
    libraryRetire: ({ by, ...target }) => act(by, (s, who) => s.retire(target, who)),
    libraryDuplicate: ({ clauseId, newId, title, by }) =>
      act(by, async (s, who) => ({ clauseId: await s.duplicateClause(clauseId, newId, who, title ? { title } : {}) })),
    libraryMarkReviewed: ({ clauseId, by }) =>
      act(by, async (s, who) => (await s.markReviewed(clauseId, who), { clauseId })),
    libraryFreshness: (opts) => read((s) => s.freshness(opts)),
    libraryUsage: () => read((s) => s.usage()),
    libraryWhereUsed: (target) => read((s) => s.whereUsed(target)),
    async libraryRender(req) {
      return renderSample(req, today());
    },
    libraryProjects: () =>
      read(async (s) =>
        Promise.all(
          (await s.listProjects()).map(async (p) => ({ ...p, outdated: (await s.outdatedPins(p.projectId)).length })),
        ),
      ),
    projectOutdatedPins: ({ projectId, project }) =>
      read(async (s) => {
        if (projectId !== undefined) return s.outdatedPins(projectId);
        const key = projectKey(project!);
        return (await s.getProject(key)) ? s.outdatedPins(key) : [];
      }),
    async recordProjectPins({ project }) {
      if (!access) throw noStore();
      // The versions this project's document includes now: its own pins where it has them, else the latest approved.
      const { sections } = assembleAndCheck(project, await access.library(projectKey(project)));
      const pins = sections.flatMap((sec) =>
        sec.clauses.map((c) => ({ clauseId: c.id, variant: c.variant, version: c.version })),
      );
      return access.write((s) =>
        s.recordProject({ projectId: projectKey(project), name: project.title || project.name, pins }),
      );
    },
    projectUpdatePins: ({ projectId, which }) => write((s) => s.updatePins(projectId, which)),
    libraryExportPack: (req) =>
      read(async (s) => ({
        fileName: `bidforge-${today()}${PACK_EXTENSION}`,
        pack: await s
          .exportPack({
            clauseIds: req.clauseIds,
            blueprintIds: req.blueprintIds,
            ...(req.includeUnapproved ? { includeUnapproved: true } : {}),
          })
          .then((p) => (trust ? trust.sign(p) : p)),
      })),
    libraryPreviewImport: async ({ pack }) => {
      const trusted = await trustedKeys();
      return read((s) => s.previewImport(pack, trusted));
    },
    libraryApplyImport: async ({ pack, resolutions }) => {
      const trusted = await trustedKeys();
      return write((s) => s.applyImport(pack, resolutions, trusted));
    },
    // The file is read outside the store's lock: only the clauses it is compared with are read under it.
    libraryImportWord: async ({ fileName, data }) =>
      importWordFile(new Uint8Array(Buffer.from(data, 'base64')), fileName, await read(existingClauses)),
  };
}
