// bidforge library export|import: clause packs through the API, on the store in --data DIR (the same store, lock and
// checks as the app's 条款库 screen); list|show|add|edit|submit|approve|reject|retire are in libraryWork.ts,
// import-word (a Word document → draft clauses) in libraryWord.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { ApiError } from '../core/api/envelope.js';
import { errorText } from '../core/i18n/errorText.js';
import { libraryWork, WORK_ACTIONS, type WorkArgs, type WorkIo } from './libraryWork.js';
import { importWordCommand } from './libraryWord.js';
import { TrustInputError, trustCommand } from './libraryTrust.js';
import { libSay, libWord, packWarningText, signedLine, signerLine } from './packMessages.js';
import type { Lang } from './messages.js';

export type LibraryArgs = {
  action: string | undefined;
  file: string | undefined;
  out?: string;
  clauses?: string;
  blueprints?: string;
  resolve?: string;
  dryRun: boolean;
  json: boolean;
  /** The language of what is printed (--lang). */
  lang?: Lang;
  /** The positionals after the action (trust add NAME KEYFILE: cli/libraryTrust.ts). */
  rest?: string[];
  /** list|show|add|edit|submit|approve|reject|retire (libraryWork.ts). */
  work?: Omit<WorkArgs, 'action' | 'json'>;
};

class LibraryInputError extends Error {}
export const isLibraryInputError = (e: unknown) => e instanceof LibraryInputError || e instanceof TrustInputError;

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
const RESOLUTIONS = ['keep-mine', 'take-theirs', 'keep-both'] as const;
type Resolution = (typeof RESOLUTIONS)[number];

/** A pack the store refuses (bad checksum, wrong shape) is bad input, named by its file; anything else goes up. */
function refusedPack(file: string, lang: Lang) {
  return (e: unknown) => {
    throw e instanceof ApiError && e.code !== 'internal'
      ? new LibraryInputError(`${file}${lang === 'en' ? ': ' : '：'}${errorText(e, lang === 'en' ? 'en' : 'zh-CN')}`)
      : e;
  };
}

async function exportPack(api: ApiHandlers, a: LibraryArgs, out: (s: string) => void): Promise<number> {
  const lang = a.lang ?? 'zh';
  if (!a.out) throw new LibraryInputError(libSay(lang, 'needOut'));
  const clauseIds =
    a.clauses === 'all' || (!a.clauses && !a.blueprints)
      ? [...new Set((await api.libraryList({ filter: {} })).map((c) => c.clauseId))]
      : list(a.clauses);
  const blueprintIds = a.blueprints === 'all' ? (await api.listBlueprints({})).map((b) => b.id) : list(a.blueprints);
  const { pack } = await api.libraryExportPack({ clauseIds, blueprintIds });
  await writeFile(a.out, `${JSON.stringify(pack, null, 2)}\n`);
  const { payload } = pack as {
    payload: {
      clauses: { id: string; title: string; variants: { name: string; version: { version: number } }[] }[];
      blueprints: unknown[];
    };
  };
  out(
    libSay(lang, 'wrote', {
      file: resolve(a.out),
      clauses: payload.clauses.length,
      blueprints: payload.blueprints.length,
    }),
  );
  const signed = signedLine(lang, pack);
  if (signed) out(signed);
  // What travels, named by title as legal knows the clauses; the id after it.
  for (const c of payload.clauses)
    for (const v of c.variants) out(`  ${c.title}（${v.name}）v${v.version.version}\t${c.id}`);
  return 0;
}

async function importPack(api: ApiHandlers, a: LibraryArgs, out: (s: string) => void): Promise<number> {
  const lang = a.lang ?? 'zh';
  if (!a.file) throw new LibraryInputError(libSay(lang, 'whichPack'));
  let pack: unknown;
  try {
    pack = JSON.parse(await readFile(a.file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LibraryInputError(
      code ? libSay(lang, 'cannotRead', { file: a.file, reason: code }) : libSay(lang, 'notJson', { file: a.file }),
    );
  }
  if (a.resolve && !(RESOLUTIONS as readonly string[]).includes(a.resolve))
    throw new LibraryInputError(libSay(lang, 'badResolve', { value: a.resolve }));
  const preview = await api.libraryPreviewImport({ pack }).catch(refusedPack(a.file, lang));
  if (a.dryRun || !a.resolve) {
    if (a.json) out(JSON.stringify(preview, null, 2));
    else {
      out(libSay(lang, 'preview', { file: a.file, ...preview.counts }));
      const who = signerLine(lang, preview.signer); // who signed it; an untrusted pack's clauses arrive as drafts
      if (who) out(who);
      // Named by title as legal knows them; the key (id/variant) after it.
      for (const i of preview.items)
        if (i.status !== 'identical') {
          out(`  ${libWord(lang, i.status)}\t${i.title}${i.variant ? `（${i.variant}）` : ''}\t${i.key}`);
          // Names as written in the pack, invisible characters shown as [U+XXXX] (showPackPerson).
          if (i.theirs.author)
            out(
              libSay(lang, 'people', { author: i.theirs.author }) +
                (i.theirs.reviewer ? libSay(lang, 'reviewer', { reviewer: i.theirs.reviewer }) : ''),
            );
        }
      for (const w of preview.warnings) out(libSay(lang, 'warning', { text: packWarningText(w, lang) }));
    }
    if (a.dryRun) return 0;
  }
  const resolution = a.resolve as Resolution;
  const resolutions = resolution
    ? Object.fromEntries(preview.items.filter((i) => i.status === 'conflicting').map((i) => [i.key, resolution]))
    : {};
  const report = await api.libraryApplyImport({ pack, resolutions }).catch(refusedPack(a.file, lang));
  const done = Object.entries(report.counts)
    .filter(([, n]) => n)
    .map(([k, n]) => `${n} ${libWord(lang, k)}`);
  out(
    a.json
      ? JSON.stringify(report, null, 2)
      : done.length
        ? libSay(lang, 'imported', { counts: done.join(lang === 'en' ? ', ' : '，') })
        : libSay(lang, 'nothing'),
  );
  const who = !a.json && a.resolve && signerLine(lang, report.signer); // else the preview said it
  if (who) out(who);
  return 0;
}

export async function libraryCommand(
  api: ApiHandlers,
  a: LibraryArgs,
  out: (s: string) => void,
  io?: WorkIo,
): Promise<number> {
  if (a.action === 'export') return exportPack(api, a, out);
  if (a.action === 'import') return importPack(api, a, out);
  if (a.action === 'trust')
    return trustCommand(
      api,
      { sub: a.rest?.[0], rest: a.rest?.slice(1) ?? [], json: a.json, lang: a.lang ?? 'zh' },
      out,
    );
  if (a.action === 'import-word' && io)
    return importWordCommand(
      api,
      { file: a.file, dryRun: a.dryRun, json: a.json, waitMs: a.work?.waitMs ?? 10_000 },
      io,
    );
  if (io && a.work && (WORK_ACTIONS as readonly string[]).includes(a.action ?? ''))
    return libraryWork(api, { ...a.work, action: a.action!, json: a.json }, io);
  throw new LibraryInputError(libSay(a.lang ?? 'zh', 'whichAction', { action: a.action ?? '' }));
}
