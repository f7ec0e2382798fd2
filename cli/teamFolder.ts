// A team library without a server (core/teamFolder/): a shared folder of signed pack files.
//   bidforge library publish --folder DIR [--as NAME] [--data DIR] [--json]   add one pack of what is new here
//   bidforge library pull --folder DIR [--data DIR] [--json]                   import the folder's new packs
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { problemLine } from '../core/i18n/problemLine.js';
import { openStore } from '../core/library/store/index.js';
import { PackTrust } from '../core/settings/packTrust.js';
import { SettingsStore } from '../core/settings/store.js';
import { publish, pull, type PublishReport, type PulledFile, type PullReport } from '../core/teamFolder/index.js';
import { dataDir, templatesDir } from '../host/paths.js';
import { HELP } from './messages.js';

type Lang = 'zh' | 'en';
type Counts = Extract<PulledFile, { status: 'imported' }>['counts'];

const T = {
  zh: {
    needFolder: (cmd: string) => `请用 --folder <目录> 指定共享文件夹（bidforge library ${cmd} --folder 目录）`,
    published: (r: PublishReport) =>
      `已发布 ${r.file}：${r.clauses.length} 个条款版本，${r.blueprints.length} 个蓝本（已用本库密钥签名）`,
    nothing: '没有需要发布的内容：已批准的版本和蓝本都已在共享文件夹中，未写入文件',
    imported: (name: string, c: Counts) =>
      `已导入 ${name}：新增 ${c.added}，新版本 ${c['new-version']}，相同 ${c.identical}，替换 ${c.replaced}，并存 ${c['kept-both']}`,
    refused: (f: Extract<PulledFile, { status: 'refused' | 'malformed' }>) =>
      f.status === 'refused' ? `已拒绝：${f.problem.message}` : `已跳过：${f.problem.message}`,
    done: (r: PullReport) =>
      `拉取完成：导入 ${r.files.filter((f) => f.status === 'imported').length} 个文件，此前已导入 ${r.unchanged} 个`,
    failed: (m: string) => `未完成：${m}`,
  },
  en: {
    needFolder: (cmd: string) => `name the shared folder with --folder <dir> (bidforge library ${cmd} --folder DIR)`,
    published: (r: PublishReport) =>
      `published ${r.file}: ${r.clauses.length} clause version(s), ${r.blueprints.length} blueprint(s), signed with this library's key`,
    nothing:
      'nothing to publish: every approved version and blueprint is already in the shared folder; no file written',
    imported: (name: string, c: Counts) =>
      `imported ${name}: ${c.added} added, ${c['new-version']} new version(s), ${c.identical} identical, ${c.replaced} replaced, ${c['kept-both']} kept both`,
    refused: (f: Extract<PulledFile, { status: 'refused' | 'malformed' }>) => {
      const why: Record<string, string> = {
        team_pack_changed: 'it was changed after it was imported or published; shared folder files are only ever added',
        team_pack_checksum_mismatch: 'its content no longer matches its checksum: it was changed after publishing',
        team_pack_name_mismatch: 'its content does not match its file name: it was changed or renamed after publishing',
      };
      const p = f.problem;
      return f.status === 'refused'
        ? `refused ${f.name}, not imported: ${why[p.code] ?? p.message}`
        : `skipped ${f.name}: ${p.code === 'team_pack_unreadable' || p.code === 'team_pack_malformed' ? (p.params?.detail ?? p.message) : p.message}`;
    },
    done: (r: PullReport) =>
      `pulled: ${r.files.filter((f) => f.status === 'imported').length} file(s) imported, ${r.unchanged} imported before`,
    failed: (m: string) => `did not finish: ${m}`,
  },
};

const langOf = (v: string | undefined): Lang =>
  v === 'en' || (v === undefined && /^en/i.test(process.env.LANG ?? '') && !/^zh/i.test(process.env.LANG ?? ''))
    ? 'en'
    : 'zh';

/** `argv`: what follows `library publish|pull`. Exit 0; 1 when a pull refused or skipped a file, or failed; 2 usage. */
export async function teamFolderCommand(
  cmd: 'publish' | 'pull',
  argv: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): Promise<number> {
  const { values: o } = parseArgs({
    args: argv,
    options: {
      folder: { type: 'string' },
      as: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const lang = langOf(o.lang);
  const t = T[lang];
  if (o.help) {
    out(HELP[lang][`library ${cmd}`]!);
    return 0;
  }
  if (!o.folder) {
    err(t.needFolder(cmd));
    return 2;
  }
  const folder = resolve(o.folder);
  const dir = resolve(o.data ?? dataDir());
  const trust = new PackTrust(new SettingsStore({ dataDir: dir }), dir);
  const store = await openStore({ dataDir: dir, templatesDir: templatesDir(), program: 'CLI' });
  try {
    if (cmd === 'publish') {
      const key = await trust.signingKey();
      const signer = o.as?.trim() || (await trust.signerName());
      const r = await publish({ store, dataDir: dir, folder, key, signer });
      out(o.json ? JSON.stringify(r, null, 2) : r.file ? t.published(r) : t.nothing);
      return 0;
    }
    const r = await pull({ store, dataDir: dir, folder, trusted: await trust.trustedKeys() });
    if (o.json) out(JSON.stringify(r, null, 2));
    else {
      for (const f of r.files)
        if (f.status === 'imported') {
          out(t.imported(f.name, f.counts));
          out(`  ${problemLine(f.signer.notice, lang === 'en' ? 'en' : 'zh-CN')}`);
        } else err(t.refused(f));
      out(t.done(r));
    }
    return r.files.every((f) => f.status === 'imported') ? 0 : 1;
  } catch (e) {
    err(t.failed((e as Error).message));
    return 1;
  } finally {
    await store.close();
  }
}
