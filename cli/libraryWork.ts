// bidforge library list|show|add|edit|submit|approve|reject|retire: legal's clause workflow on the command line.
// Every step is an API call (core/api, in-process) on the store in --data DIR, acting as --as NAME or 设置's user
// name: the same store, lock, four-eyes rule and checks as the 条款库 screen. Exit 0 done, 1 refused (four eyes, wrong
// state, store in use), 2 bad input.
import { readFile } from 'node:fs/promises';
import type { ApiHandlers } from '../core/api/contract.js';
import type { HistoryEntry, StoredClause, VersionStatus } from '../core/api/library.js';
import { errorText, problemsOf } from '../core/i18n/errorText.js';
import { ClauseFileError, clauseFileText, parseClauseFile, type ClauseFile } from './clauseFile.js';
import { libraryWords } from './libraryMessages.js';
import type { Lang } from './messages.js';

export type WorkArgs = {
  action: string;
  id: string | undefined;
  file: string | undefined;
  reason?: string;
  variant?: string;
  status?: string;
  json: boolean;
  md: boolean;
  /** How long a write waits for the app to let go of the store before giving up (ms). */
  waitMs: number;
};
export type WorkIo = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

export const WORK_ACTIONS = ['list', 'show', 'add', 'edit', 'submit', 'approve', 'reject', 'retire'] as const;

/** Ends the command with an exit code and a message for stderr. */
class Exit extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

const codeOf = (e: unknown) => (e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The app holds the lock only while it writes: try again until `waitMs` has passed, then say the store is in use. */
async function patiently<T>(fn: () => Promise<T>, waitMs: number): Promise<T> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      // store_locked is raised before anything is written, so trying again cannot apply a change twice.
      if (codeOf(e) !== 'store_locked' || Date.now() >= until) throw e;
      await sleep(50 + Math.random() * 100);
    }
  }
}

export async function libraryWork(api: ApiHandlers, a: WorkArgs, io: WorkIo): Promise<number> {
  const w = libraryWords(io.lang);
  const lang = io.lang === 'en' ? 'en' : 'zh-CN';
  let clause: StoredClause | undefined;
  const named = () => (clause ? w.named(clause.title, clause.id) : (a.id ?? ''));
  try {
    const load = async (): Promise<StoredClause> => {
      if (!a.id) throw new Exit(2, w.needId(a.action));
      clause = await patiently(() => api.libraryClause({ clauseId: a.id! }), a.waitMs).catch((e: unknown) => {
        throw codeOf(e) === 'not_found' ? new Exit(2, w.noClause(a.id!)) : e;
      });
      return clause;
    };
    const write = <T>(fn: () => Promise<T>) => patiently(fn, a.waitMs);
    switch (a.action) {
      case 'list':
        return await list(api, a, io);
      case 'show':
        return await show(api, await load(), a, io);
      case 'add': {
        const f = await clauseFile(a, io);
        if (f.id)
          throw new Exit(
            2,
            w.badFile(
              a.file!,
              io.lang === 'en'
                ? 'ids are generated: remove "id" from the front matter'
                : '条款 id 自动生成：请删去前言中的 "id"',
            ),
          );
        const { id: _id, body, ...rest } = f;
        const ref = await write(() =>
          api.libraryCreate({
            clause: {
              ...rest,
              body,
              tags: f.tags ?? [],
              docTypes: f.docTypes ?? ['service-plan'],
              variables: f.variables ?? [],
            },
          }),
        );
        io.out(w.created(w.named(f.title, ref.clauseId), ref.variant));
        return 0;
      }
      case 'edit': {
        const c = await load();
        const f = await clauseFile(a, io);
        if (f.id && f.id !== c.id)
          throw new Exit(
            2,
            w.badFile(
              a.file!,
              io.lang === 'en' ? `the file is for clause ${f.id}, not ${c.id}` : `该文件属于条款 ${f.id}，不是 ${c.id}`,
            ),
          );
        const variant = f.variant ?? a.variant ?? pickVariant(c, () => true, w, named);
        const content = {
          body: f.body,
          ...(f.variables ? { variables: f.variables } : {}),
          ...(f.when ? { when: f.when } : {}),
        };
        if (c.variants.some((v) => v.name === variant)) {
          const ref = await write(() =>
            api.libraryEdit({ clauseId: c.id, variant, ...content, changeNote: f.changeNote || '修改' }),
          );
          io.out(w.edited(named(), variant, ref.version));
        } else {
          await write(() =>
            api.libraryAddVariant({
              clauseId: c.id,
              name: variant,
              ...content,
              ...(f.changeNote ? { changeNote: f.changeNote } : {}),
            }),
          );
          io.out(w.variantAdded(named(), variant));
        }
        const patch = metaChanges(c, f);
        if (patch) {
          clause = await write(() => api.libraryUpdateMeta({ clauseId: c.id, patch }));
          io.out(w.metaUpdated(named()));
        }
        return 0;
      }
      case 'submit':
      case 'approve':
      case 'reject': {
        const c = await load();
        if (a.action === 'reject' && !a.reason?.trim()) throw new Exit(2, w.needReason);
        const wanted: VersionStatus = a.action === 'submit' ? 'draft' : 'in_review';
        const variant = a.variant ?? pickVariant(c, (v) => v.versions.some((x) => x.status === wanted), w, named);
        const versions = c.variants.find((v) => v.name === variant)?.versions;
        if (!versions) throw new Exit(2, w.noVariant(named(), variant));
        const target = [...versions].reverse().find((x) => x.status === wanted);
        if (!target) {
          const latest = versions[versions.length - 1]!;
          throw new Exit(1, w.nothingIn(named(), w.status[wanted]!, `v${latest.version} ${w.status[latest.status]}`));
        }
        const ref = { clauseId: c.id, variant, version: target.version };
        if (a.action === 'submit') {
          await write(() => api.librarySubmit({ ref }));
          io.out(w.submitted(named(), variant, ref.version));
        } else if (a.action === 'reject') {
          await write(() => api.libraryReject({ ref, reason: a.reason!.trim() }));
          io.out(w.rejected(named(), variant, ref.version, a.reason!.trim()));
        } else {
          await write(() => api.libraryApprove({ ref }));
          const done = (await api.libraryHistory({ clauseId: c.id, variant })).find((h) => h.version === ref.version)!;
          io.out(
            (done.singleReviewer ? w.approvedAlone : w.approved)(named(), variant, ref.version, done.reviewer ?? ''),
          );
        }
        return 0;
      }
      case 'retire': {
        const c = await load();
        if (a.variant && !c.variants.some((v) => v.name === a.variant))
          throw new Exit(2, w.noVariant(named(), a.variant));
        const retired = await write(() =>
          api.libraryRetire({ clauseId: c.id, ...(a.variant ? { variant: a.variant } : {}) }),
        );
        io.out(w.retired(named(), retired.length));
        return 0;
      }
      default:
        throw new Exit(2, `library: ${WORK_ACTIONS.join('|')}|export|import`);
    }
  } catch (e) {
    const exit = e instanceof Exit ? e : explain(e);
    if (!exit) throw e;
    io.err(exit.message);
    return exit.code;
  }

  /** An API refusal in the reader's words, naming the clause by its title; undefined for what is not ours to word. */
  function explain(e: unknown): Exit | undefined {
    const code = codeOf(e);
    if (code === 'own_version') {
      const p = problemsOf(e)[0]?.params ?? {};
      return new Exit(1, w.ownVersion(named(), Number(p.version), String(p.name ?? '')));
    }
    if (code === 'store_locked') return new Exit(1, w.storeInUse(errorText(e, lang)));
    if (code === 'no_user') return new Exit(2, w.noUser);
    if (code === 'bad_transition' || code === 'bad_template' || code === 'stale_edit' || code === 'variant_exists')
      return new Exit(1, w.refused(named(), errorText(e, lang)));
    if (code === 'bad_request' || code === 'not_found') return new Exit(2, w.refused(named(), errorText(e, lang)));
    return undefined;
  }
}

/** The variant a command works on when --variant is not given: the only one, or the only one with work to do. */
function pickVariant(
  c: StoredClause,
  has: (v: StoredClause['variants'][number]) => boolean,
  w: ReturnType<typeof libraryWords>,
  named: () => string,
): string {
  if (c.variants.length === 1) return c.variants[0]!.name;
  const candidates = c.variants.filter(has);
  if (candidates.length === 1) return candidates[0]!.name;
  throw new Exit(2, w.whichVariant(named(), c.variants.map((v) => v.name).join('、')));
}

/** The clause's descriptive fields the file changes, if any (they are not versioned). */
function metaChanges(c: StoredClause, f: ClauseFile) {
  const patch = {
    ...(f.title !== c.title ? { title: f.title } : {}),
    ...(f.category !== c.category ? { category: f.category } : {}),
    ...(f.tags && JSON.stringify(f.tags) !== JSON.stringify(c.tags) ? { tags: f.tags } : {}),
    ...(f.docTypes && JSON.stringify(f.docTypes) !== JSON.stringify(c.docTypes) ? { docTypes: f.docTypes } : {}),
  };
  return Object.keys(patch).length ? patch : undefined;
}

async function clauseFile(a: WorkArgs, io: WorkIo): Promise<ClauseFile> {
  const w = libraryWords(io.lang);
  if (!a.file) throw new Exit(2, w.needFile(a.action));
  let text: string;
  try {
    text = await readFile(a.file, 'utf8');
  } catch (e) {
    throw new Exit(
      2,
      w.badFile(
        a.file,
        `${io.lang === 'en' ? 'cannot read the file' : '无法读取文件'} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      ),
    );
  }
  try {
    return parseClauseFile(text);
  } catch (e) {
    if (e instanceof ClauseFileError) throw new Exit(2, w.badFile(a.file, e.message));
    throw e;
  }
}

async function list(api: ApiHandlers, a: WorkArgs, io: WorkIo): Promise<number> {
  const w = libraryWords(io.lang);
  const statuses = ['draft', 'in_review', 'approved', 'retired'];
  if (a.status && !statuses.includes(a.status)) throw new Exit(2, `--status: ${statuses.join(' | ')}`);
  const query = a.id?.trim();
  const rows = await api.libraryList({
    filter: a.status ? { status: a.status as VersionStatus } : {},
    ...(query ? { query } : {}),
  });
  if (a.json) io.out(JSON.stringify(rows, null, 2));
  else
    io.out(
      rows.length
        ? rows
            .map(
              (r) =>
                `${r.title}\t${r.clauseId}\t${r.variant}\tv${r.latest.version} ${w.status[r.latest.status]}\t${r.category}`,
            )
            .join('\n')
        : w.none,
    );
  return 0;
}

async function show(api: ApiHandlers, c: StoredClause, a: WorkArgs, io: WorkIo): Promise<number> {
  const w = libraryWords(io.lang);
  const history: HistoryEntry[] = await api.libraryHistory({
    clauseId: c.id,
    ...(a.variant ? { variant: a.variant } : {}),
  });
  if (a.json) return (io.out(JSON.stringify({ clause: c, history }, null, 2)), 0);
  const variants = c.variants.filter((v) => !a.variant || v.name === a.variant);
  if (a.md) {
    const v = variants[0];
    if (!v || variants.length > 1)
      throw new Exit(2, w.whichVariant(w.named(c.title, c.id), c.variants.map((x) => x.name).join('、')));
    return (io.out(clauseFileText(c, v.name, v.versions[v.versions.length - 1]!)), 0);
  }
  const lines = [
    w.named(c.title, c.id),
    `${c.category} · ${c.docTypes.join(', ')}${c.tags.length ? ` · ${c.tags.join(', ')}` : ''} · ${c.owner}`,
  ];
  for (const v of variants) {
    lines.push('', `${w.head.variant} ${v.name} — ${w.head.versions}:`);
    for (const h of history.filter((x) => x.variant === v.name)) {
      const who = [h.author, h.reviewer ? `→ ${h.reviewer}` : '', h.singleReviewer ? `（${w.head.alone}）` : '']
        .filter(Boolean)
        .join(' ');
      lines.push(
        `  v${h.version}\t${w.status[h.status]}\t${who}\t${(h.decidedAt ?? h.createdAt).slice(0, 16).replace('T', ' ')}\t${h.changeNote}`,
      );
      if (h.rejectReason && h.status === 'draft') lines.push(`      ${w.head.rejectedBecause(h.rejectReason)}`);
    }
    lines.push('', `${w.head.body}:`, v.versions[v.versions.length - 1]!.body.trimEnd());
  }
  io.out(lines.join('\n'));
  return 0;
}
