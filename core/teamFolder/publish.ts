// Publishing to a shared team folder (a NAS share, a mounted WebDAV drive): the approved clause versions and the
// blueprints this library has not put there yet become ONE new signed pack file. Files in the folder are only ever
// added: written whole under a temporary name in the same folder, then linked (or renamed) to a name that is never
// reused — an existing file is never replaced or edited.
import { randomBytes } from 'node:crypto';
import { link, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { signPack, type SigningKey, type TrustedKey } from '../library/packSigning.js';
import { latestApprovedOf } from '../library/store/lookup.js';
import { canonicalJson, makePack, type BidForgePack, type PackPayload } from '../library/store/pack.js';
import type { StoreData } from '../library/store/schema.js';
import type { LibraryStore } from '../library/store/store.js';
import { BidForgeError } from '../model/problem.js';
import { readFolderState, sha256Bytes, writeFolderState, type FolderState } from './state.js';
import { folderError, problem } from './text.js';

export type { TrustedKey };
export const TEAM_PACK_SUFFIX = '.bfpack';
/** bidforge-<UTC yyyymmddThhmmssmmmZ>-<first 12 hex of the pack checksum>.bfpack */
export const TEAM_PACK_NAME = /^bidforge-(\d{8}T\d{9}Z)-([0-9a-f]{12})\.bfpack$/;

export type TeamFolderStore = Pick<LibraryStore, 'snapshot' | 'exportPack' | 'previewImport' | 'applyImport'>;

export type PublishOptions = {
  store: TeamFolderStore;
  dataDir: string;
  folder: string;
  key: SigningKey;
  /** The name the pack is signed as. */
  signer: string;
  now?: () => Date;
};

export type PublishReport = {
  /** The file written, absent when there was nothing new to publish. */
  file?: string;
  checksum?: string;
  clauses: { id: string; variant: string; version: number }[];
  blueprints: string[];
};

const normBody = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();

/** What makes a clause version the same wherever it lives (as merge.ts's sameContent compares them). */
export const versionKey = (id: string, variant: string, v: { body: string; variables: unknown; when?: unknown }) =>
  `c:${sha256Bytes(canonicalJson({ id, variant, body: normBody(v.body), variables: v.variables, when: v.when ?? null }))}`;
export const blueprintKeyOf = (b: object) => {
  const { origin: _o, ...rest } = b as { origin?: unknown };
  return `b:${sha256Bytes(canonicalJson(rest))}`;
};

/** The content of a pack, as the keys versionKey and blueprintKeyOf give. */
export function payloadKeys(p: PackPayload): string[] {
  return [
    ...p.clauses.flatMap((c) => c.variants.map((v) => versionKey(c.id, v.name, v.version))),
    ...p.blueprints.map(blueprintKeyOf),
  ];
}

/** The approved versions (latest per variant) and blueprints of this library not yet in the folder. Built-ins stay. */
function unpublished(d: StoreData, s: FolderState) {
  const known = new Set(s.inFolder);
  const variants = new Map<string, Set<string>>();
  for (const c of d.clauses)
    for (const v of c.variants) {
      const pick = latestApprovedOf(v);
      if (!pick || pick.origin === 'builtin' || known.has(versionKey(c.id, v.name, pick))) continue;
      variants.set(c.id, (variants.get(c.id) ?? new Set()).add(v.name));
    }
  const blueprints = d.blueprints
    .filter((b) => b.origin !== 'builtin' && !known.has(blueprintKeyOf(b)))
    .map((b) => b.id);
  return { variants, blueprints };
}

/** 2026-12-07T07:48:12.345Z → 20261207T074812345Z */
export const fileStamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

export async function publish(o: PublishOptions): Promise<PublishReport> {
  const now = o.now ?? (() => new Date());
  // The folder first: "nothing new" must not hide a share that is not there.
  await readdir(o.folder).catch((e: unknown) => {
    throw folderError(e, o.folder, 'read');
  });
  const state = await readFolderState(o.dataDir, o.folder);
  const { variants, blueprints } = unpublished(await o.store.snapshot(), state);
  if (!variants.size && !blueprints.length) {
    state.lastPublish = { at: now().toISOString(), clauses: 0, blueprints: 0, signer: o.signer };
    delete state.lastError;
    await writeFolderState(o.dataDir, o.folder, state);
    return { clauses: [], blueprints: [] };
  }
  // A pack names who signed it; an empty name tells the colleagues who import it nothing.
  if (!o.signer.trim()) {
    const message = '请先在 设置 中填写姓名（命令行用 --as 姓名）';
    throw new BidForgeError('no_user', message, [problem('no_user', message, { option: '--as' })]);
  }
  const all = await o.store.exportPack({ clauseIds: [...variants.keys()], blueprintIds: blueprints });
  const clauses = all.payload.clauses.map((c) => ({
    ...c,
    variants: c.variants.filter((v) => variants.get(c.id)?.has(v.name)),
  }));
  const when = now();
  const pack: BidForgePack = signPack(makePack({ clauses, blueprints: all.payload.blueprints }, when), o.key, o.signer);
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  const name = `bidforge-${fileStamp(when)}-${pack.checksum.slice(0, 12)}${TEAM_PACK_SUFFIX}`;
  await addFile(o.folder, name, text).catch((e: unknown) => {
    throw folderError(e, o.folder, 'write');
  });
  const report: PublishReport = {
    file: name,
    checksum: pack.checksum,
    clauses: clauses.flatMap((c) => c.variants.map((v) => ({ id: c.id, variant: v.name, version: v.version.version }))),
    blueprints: pack.payload.blueprints.map((b) => b.id),
  };
  state.files.push({ name, sha256: sha256Bytes(text), checksum: pack.checksum, at: when.toISOString(), own: true });
  state.inFolder = [...new Set([...state.inFolder, ...payloadKeys(pack.payload)])];
  state.lastPublish = {
    at: when.toISOString(),
    file: name,
    clauses: report.clauses.length,
    blueprints: report.blueprints.length,
    signer: o.signer,
  };
  delete state.lastError;
  await writeFolderState(o.dataDir, o.folder, state);
  return report;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

const fileExists = (name: string) => {
  const message = `共享文件夹中已有同名文件 ${name}，不会覆盖；请稍后重试`;
  return new BidForgeError('pack_file_exists', message, [problem('pack_file_exists', message, { file: name })]);
};

/** Writes a new file whole: temp name in the same folder, flushed, then linked to its name (never over a file). */
export async function addFile(folder: string, name: string, text: string): Promise<void> {
  const final = join(folder, name);
  if (await exists(final)) throw fileExists(name);
  // A leading dot and a .tmp ending: pull never takes it for a pack, whatever state it is left in.
  const tmp = join(folder, `.${name}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx');
  try {
    await fh.writeFile(text, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    try {
      await link(tmp, final);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw fileExists(name);
      // A share without hard links (SMB, WebDAV): rename, after checking again that the name is free.
      if (await exists(final)) throw fileExists(name);
      await rename(tmp, final);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
