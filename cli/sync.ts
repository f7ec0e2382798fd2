// The team library on the command line:
//   bidforge server --db postgres://… [--port N] [--host 127.0.0.1] [--allow-plain-http]   serve (server/main.ts)
//   bidforge server add-user NAME --role admin|legal|writer --db …    issue a token (printed once)
//   bidforge server revoke-user NAME --db …                           revoke a user's tokens
//   bidforge server migrate --db …                                    create or update the schema only
//   bidforge library sync [--server URL --token T] [--data DIR] [--json]   push drafts, pull approved versions
//   bidforge library sync review | approve|reject|retire CLAUSE VARIANT VERSION | history   (cli/teamReview.ts)
// --db may come from $BIDFORGE_DB, the token from $BIDFORGE_TEAM_TOKEN or 设置 (团队库), so neither need be in argv.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../core/library/store/index.js';
import { SettingsStore } from '../core/settings/store.js';
import { syncLibrary, type SyncReport } from '../core/teamSync/sync.js';
import { dataDir, templatesDir } from '../host/paths.js';
import { HELP } from './messages.js';

type Lang = 'zh' | 'en';
const T = {
  zh: {
    needDb: '需要数据库地址：--db postgres://用户:密码@主机/库名（或环境变量 BIDFORGE_DB）',
    listening: (url: string) => `团队库服务器已启动：${url}（Ctrl+C 停止）`,
    migrated: (n: string[]) => (n.length ? `已更新数据库结构：${n.join('、')}` : '数据库结构已是最新'),
    userAdded: (name: string, role: string) =>
      `已添加用户 ${name}（${role}）。令牌只显示这一次，请妥善交给本人（设置 → 团队库，或 --token）：`,
    revoked: (name: string, n: number) => `已吊销 ${name} 的 ${n} 个令牌`,
    needName: '请给出用户名：bidforge server add-user 姓名 --role legal',
    needServer: '未配置团队库：请在 设置 → 团队库 中填写地址和令牌，或使用 --server URL --token T',
    synced: (r: SyncReport) =>
      `同步完成：推送 ${r.pushed} 个版本，拉取 ${r.pulled} 项变更（新增 ${r.applied.added} 个版本，状态更新 ${r.applied.statusChanged}，范本 ${r.applied.blueprints}）`,
    conflict: (c: { clauseId: string; variant: string; local: number; arrivedAs?: number }) =>
      `冲突：${c.clauseId}/${c.variant} 本地第 ${c.local} 版与团队库批准的${c.arrivedAs ? `第 ${c.arrivedAs} 版` : '新版本'}并存，请选择其一`,
    stale: (s: { clauseId: string; variant: string; local: number }) =>
      `注意：${s.clauseId}/${s.variant} 第 ${s.local} 版基于旧版本修改，团队库已有更新的批准版本`,
    failed: (m: string) => `同步未完成（本地条款库照常可用，稍后重试）：${m}`,
    skipped: (x: { what: string; why: string }) => `跳过（本版本的应用无法保存，请升级）：${x.what}：${x.why}`,
    refused: (r: { clauseId: string; variant: string; local: number; message: string }) =>
      `未被团队库接受：${r.clauseId}/${r.variant} 第 ${r.local} 版：${r.message}`,
    usage:
      '用法：bidforge server [--db URL] [--port N] [--host H] | server add-user 姓名 --role 角色 | server revoke-user 姓名 | server migrate',
  },
  en: {
    needDb: 'a database is needed: --db postgres://user:password@host/name (or $BIDFORGE_DB)',
    listening: (url: string) => `team library server listening on ${url} (Ctrl+C stops it)`,
    migrated: (n: string[]) =>
      n.length ? `database schema updated: ${n.join(', ')}` : 'database schema is up to date',
    userAdded: (name: string, role: string) =>
      `added user ${name} (${role}). The token is shown only this once; hand it to them (Settings → Team library, or --token):`,
    revoked: (name: string, n: number) => `revoked ${n} token(s) of ${name}`,
    needName: 'name the user: bidforge server add-user NAME --role legal',
    needServer: 'no team server set: fill in Settings → Team library, or pass --server URL --token T',
    synced: (r: SyncReport) =>
      `synced: pushed ${r.pushed} version(s), pulled ${r.pulled} change(s) (${r.applied.added} new versions, ${r.applied.statusChanged} status changes, ${r.applied.blueprints} blueprints)`,
    conflict: (c: { clauseId: string; variant: string; local: number; arrivedAs?: number }) =>
      `conflict: ${c.clauseId}/${c.variant} local v${c.local} stands beside the team's approved ${c.arrivedAs ? `v${c.arrivedAs}` : 'version'}; choose one`,
    stale: (s: { clauseId: string; variant: string; local: number }) =>
      `note: ${s.clauseId}/${s.variant} v${s.local} was edited from an older version; the team has a newer approved one`,
    failed: (m: string) => `sync did not finish (the local library works as usual; try again later): ${m}`,
    skipped: (x: { what: string; why: string }) =>
      `skipped (this app cannot store it; update the app): ${x.what}: ${x.why}`,
    refused: (r: { clauseId: string; variant: string; local: number; message: string }) =>
      `not taken by the team library: ${r.clauseId}/${r.variant} v${r.local}: ${r.message}`,
    usage:
      'usage: bidforge server [--db URL] [--port N] [--host H] | server add-user NAME --role ROLE | server revoke-user NAME | server migrate',
  },
};

const langOf = (v: string | undefined): Lang =>
  v === 'en' || (v === undefined && /^en/i.test(process.env.LANG ?? '')) ? 'en' : 'zh';

export async function teamCommand(
  argv: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): Promise<number> {
  try {
    return argv[0] === 'server'
      ? await serverCommand(argv.slice(1), out, err)
      : await syncCommand(argv.slice(2), out, err);
  } catch (e) {
    err((e as Error).message);
    return 2;
  }
}

async function serverCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values: o, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      role: { type: 'string' },
      'allow-plain-http': { type: 'boolean', default: false },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const t = T[langOf(o.lang)];
  if (o.help) {
    out(HELP[langOf(o.lang)].server!);
    return 0;
  }
  const db = o.db ?? process.env.BIDFORGE_DB;
  if (!db) {
    err(t.needDb);
    return 2;
  }
  const [action, name] = positionals;
  const { openPool, migrate } = await import('../server/db.js');
  if (action === 'add-user' || action === 'revoke-user' || action === 'migrate') {
    const pool = await openPool(db, 2);
    try {
      const migrated = await migrate(pool);
      if (action === 'migrate') out(t.migrated(migrated));
      else if (!name) {
        err(t.needName);
        return 2;
      } else if (action === 'add-user') {
        const { addUser } = await import('../server/auth.js');
        const { user, token } = await addUser(pool, name, o.role ?? 'writer');
        out(t.userAdded(user.name, user.role));
        out(token);
      } else {
        const { revokeUser } = await import('../server/auth.js');
        out(t.revoked(name, await revokeUser(pool, name)));
      }
      return 0;
    } finally {
      await pool.end();
    }
  }
  if (action !== undefined) {
    err(t.usage);
    return 2;
  }
  const port = o.port === undefined ? 8720 : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(t.usage);
    return 2;
  }
  const { startServer } = await import('../server/main.js');
  const running = await startServer({
    db,
    port,
    ...(o.host ? { host: o.host } : {}),
    allowPlainHttp: o['allow-plain-http'],
  });
  if (running.migrated.length) out(t.migrated(running.migrated));
  out(t.listening(running.url));
  await new Promise<void>((done) => {
    const stop = () => running.close().then(done, done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function syncCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values: o, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      'pull-only': { type: 'boolean', default: false },
      reason: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const t = T[langOf(o.lang)];
  if (o.help) {
    out(HELP[langOf(o.lang)]['library sync']!);
    return 0;
  }
  const dir = resolve(o.data ?? dataDir());
  const saved = (await new SettingsStore({ dataDir: dir }).get()).settings.teamServer;
  const url = o.server ?? saved?.url;
  const token = o.token ?? process.env.BIDFORGE_TEAM_TOKEN ?? saved?.token;
  if (!url || !token) {
    err(t.needServer);
    return 2;
  }
  if (positionals.length) {
    // review | approve | reject | retire | history: legal's decisions on the server (cli/teamReview.ts)
    const { reviewCommand } = await import('./teamReview.js');
    const lang = langOf(o.lang);
    return reviewCommand(
      positionals,
      { url, token, json: o.json, lang, ...(o.reason ? { reason: o.reason } : {}) },
      out,
      err,
    );
  }
  const store = await openStore({ dataDir: dir, templatesDir: templatesDir(), program: 'CLI' });
  let report: SyncReport;
  try {
    report = await syncLibrary(store, { url, token, dataDir: dir, pullOnly: o['pull-only'] });
  } finally {
    await store.close();
  }
  if (o.json) out(JSON.stringify(report, null, 2));
  else {
    if (report.ok) out(t.synced(report));
    for (const s of report.staleProposals) out(t.stale(s));
    for (const r of report.refused) err(t.refused(r));
    for (const x of report.applied.skipped) err(t.skipped(x));
    for (const c of report.openConflicts) out(t.conflict(c));
  }
  if (!report.ok) {
    err(t.failed(report.error?.message ?? ''));
    return 1;
  }
  return 0;
}
