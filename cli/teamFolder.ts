// A team library without a server (core/teamFolder/): a shared folder of signed pack files, through the same API
// channels as 设置 → 团队库 → 共享文件夹 (teamFolderPublish, teamFolderPull). Without --folder, 设置's folder.
//   bidforge library publish [--folder DIR] [--as NAME] [--data DIR] [--json]   add one pack of what is new here
//   bidforge library pull [--folder DIR] [--data DIR] [--json]                   import the folder's new packs
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type {
  TeamFolderPulledFile,
  TeamFolderPublishResult,
  TeamFolderPullResult,
} from '../core/teamFolder/contract.js';
import { createHandlers } from '../core/api/handlers.js';
import { createLocalClient } from '../core/api/localClient.js';
import { errorText } from '../core/i18n/errorText.js';
import { problemText, type ProblemLang } from '../core/i18n/problemText.js';
import { dataDir, templatesDir } from '../host/paths.js';
import { HELP } from './messages.js';

type Lang = 'zh' | 'en';
type Counts = Record<string, number>;
type Issue = Exclude<TeamFolderPulledFile, { status: 'imported' }>;

const T = {
  zh: {
    needFolder: (cmd: string) => `请用 --folder <目录> 指定共享文件夹（bidforge library ${cmd} --folder 目录）`,
    published: (r: TeamFolderPublishResult) =>
      `已发布 ${r.file}：${r.clauses.length} 个条款版本，${r.blueprints.length} 个蓝本（已用本库密钥签名）`,
    nothing: '没有需要发布的内容：已批准的版本和蓝本都已在共享文件夹中，未写入文件',
    imported: (name: string, c: Counts) =>
      `已导入 ${name}：新增 ${c.added}，新版本 ${c['new-version']}，相同 ${c.identical}，替换 ${c.replaced}，并存 ${c['kept-both']}`,
    refused: (f: Issue, text: string) => (f.status === 'refused' ? `已拒绝：${text}` : `已跳过：${text}`),
    done: (r: TeamFolderPullResult) =>
      `拉取完成：导入 ${r.files.filter((f) => f.status === 'imported').length} 个文件，此前已导入 ${r.unchanged} 个`,
    failed: (m: string) => `未完成：${m}`,
  },
  en: {
    needFolder: (cmd: string) => `name the shared folder with --folder <dir> (bidforge library ${cmd} --folder DIR)`,
    published: (r: TeamFolderPublishResult) =>
      `published ${r.file}: ${r.clauses.length} clause version(s), ${r.blueprints.length} blueprint(s), signed with this library's key`,
    nothing:
      'nothing to publish: every approved version and blueprint is already in the shared folder; no file written',
    imported: (name: string, c: Counts) =>
      `imported ${name}: ${c.added} added, ${c['new-version']} new version(s), ${c.identical} identical, ${c.replaced} replaced, ${c['kept-both']} kept both`,
    refused: (f: Issue, text: string) => (f.status === 'refused' ? `refused: ${text}` : `skipped: ${text}`),
    done: (r: TeamFolderPullResult) =>
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
  const pLang = lang === 'en' ? 'en' : 'zh-CN';
  try {
    return await runOn(cmd, o, t, pLang, out, err);
  } catch (e) {
    err(t.failed(errorText(e, pLang)));
    return 1;
  }
}

async function runOn(
  cmd: 'publish' | 'pull',
  o: { folder?: string; as?: string; data?: string; json?: boolean },
  t: (typeof T)[Lang],
  pLang: ProblemLang,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  const api = createLocalClient(
    createHandlers({ templatesDir: templatesDir(), dataDir: resolve(o.data ?? dataDir()), program: 'CLI' }),
  );
  // --folder, else the folder 设置 names (a relative --folder is taken from where the command runs).
  const folder = o.folder ? resolve(o.folder) : (await api.getSettings({})).settings.teamFolder?.path;
  if (!folder) {
    err(t.needFolder(cmd));
    return 2;
  }
  if (cmd === 'publish') {
    const r = await api.teamFolderPublish({ folder, ...(o.as?.trim() ? { as: o.as.trim() } : {}) });
    if (!r.ok) {
      err(t.failed(problemText(r.problem!, pLang)));
      return 1;
    }
    out(o.json ? JSON.stringify(r, null, 2) : r.file ? t.published(r) : t.nothing);
    return 0;
  }
  const r = await api.teamFolderPull({ folder });
  if (!r.ok) {
    err(t.failed(problemText(r.problem!, pLang)));
    return 1;
  }
  if (o.json) out(JSON.stringify(r, null, 2));
  else {
    for (const f of r.files)
      if (f.status === 'imported') {
        out(t.imported(f.name, f.counts));
        const draft = r.drafts.find((d) => d.name === f.name);
        out(`  ${problemText(draft?.problem ?? f.signer.notice, pLang)}`);
      } else err(t.refused(f, problemText(f.problem, pLang)));
    out(t.done(r));
  }
  return r.files.every((f) => f.status === 'imported') ? 0 : 1;
}
