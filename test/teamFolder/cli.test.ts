// bidforge library publish|pull --folder DIR: two data folders share one folder through the CLI.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openStore } from '@core/library/store/index.js';
import { SettingsStore } from '@core/settings/store.js';
import { TEAM_PACK_NAME } from '@core/teamFolder/index.js';

const cli = (...args: string[]) => runCli(args);

const root = await mkdtemp(join(tmpdir(), 'bf-tf-cli-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const [a, b, c, share] = ['a', 'b', 'c', 'share'].map((n) => join(root, n)) as [string, string, string, string];

describe('bidforge library publish|pull', () => {
  it('A publishes one signed file; again without changes writes nothing', async () => {
    const s = await openStore({ dataDir: a, program: 'CLI' });
    const ref = await s.createClause(
      {
        id: 'nas-warranty',
        category: '保修条款',
        title: '共享文件夹保修条款',
        tags: [],
        docTypes: ['service-plan'],
        body: '整机保修三年，自验收合格之日起计算。',
      },
      '张律师',
    );
    await s.submit(ref, '张律师');
    await s.approve(ref, '李主任');
    await s.close();
    await mkdir(share);

    const r = await cli('library', 'publish', '--folder', share, '--data', a, '--as', '总部法务部', '--lang', 'en');
    expect(r.code).toBe(0);
    const files = await readdir(share);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(TEAM_PACK_NAME);
    expect(r.out).toContain(files[0]);
    const again = await cli('library', 'publish', '--folder', share, '--data', a, '--lang', 'zh');
    expect(again.code).toBe(0);
    expect(again.out).toContain('没有需要发布的内容');
    expect(await readdir(share)).toEqual(files);
  });

  it('B trusting A keeps the approval; C not trusting A gets a draft and is told so', async () => {
    const key = await cli('library', 'trust', '--data', a);
    await writeFile(join(root, 'a.pub'), key.out);
    expect((await cli('library', 'trust', 'add', '总部法务部', join(root, 'a.pub'), '--data', b)).code).toBe(0);

    const rb = await cli('library', 'pull', '--folder', share, '--data', b, '--json');
    expect(rb.code).toBe(0);
    const report = JSON.parse(rb.out);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ status: 'imported', signer: { state: 'trusted' } });
    const sb = await openStore({ dataDir: b, program: 'CLI' });
    expect((await sb.history('nas-warranty'))[0]!.status).toBe('approved');
    await sb.close();

    const rc = await cli('library', 'pull', '--folder', share, '--data', c, '--lang', 'en');
    expect(rc.code).toBe(0);
    expect(rc.out).toMatch(/draft/i);
    const sc = await openStore({ dataDir: c, program: 'CLI' });
    expect((await sc.history('nas-warranty'))[0]!.status).toBe('draft');
    await sc.close();
  });

  it('a malformed file is named, the pull exits 1, and nothing else is re-imported', async () => {
    const bad = 'bidforge-20000101T000000000Z-000000000000.bfpack';
    await writeFile(join(share, bad), '{"format":"bidforge-pack"');
    for (const lang of ['zh', 'en']) {
      const r = await cli('library', 'pull', '--folder', share, '--data', b, '--lang', lang);
      expect(r.code).toBe(1);
      expect(r.err).toContain(bad);
      expect(r.out).toMatch(lang === 'zh' ? /此前已导入 1 个/ : /1 imported before/);
    }
  });

  it('a folder that is not there: exit 1, said in the language asked for; without --folder, the folder in 设置', async () => {
    const gone = join(root, '未挂载');
    const zh = await cli('library', 'pull', '--folder', gone, '--data', b, '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.err).toBe(`未完成：找不到共享文件夹 ${gone}：请检查路径是否正确，网络驱动器或 NAS 是否已连接`);
    const en = await cli('library', 'publish', '--folder', gone, '--data', a, '--lang', 'en');
    expect(en.code).toBe(1);
    expect(en.err).toBe(
      `did not finish: The shared folder ${gone} was not found: check the path, and that the network drive or NAS is connected`,
    );
    // 设置 names the share: pull and publish use it.
    const s = new SettingsStore({ dataDir: b });
    await s.save({ ...(await s.get()).settings, teamFolder: { path: share } });
    const r = await cli('library', 'pull', '--data', b, '--lang', 'en', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, folder: share, imported: 1 });
  });

  it('--help in both languages; no --folder and none in 设置 is a usage error', async () => {
    for (const cmd of ['publish', 'pull'])
      for (const lang of ['zh', 'en']) {
        const h = await cli('library', cmd, '--help', '--lang', lang);
        expect(h.code).toBe(0);
        expect(h.out).toContain(`bidforge library ${cmd} [--folder`);
      }
    expect((await cli('library', '--help', '--lang', 'en')).out).toContain('publish|pull [--folder');
    const r = await cli('library', 'pull', '--data', join(root, 'no-folder-set'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--folder');
  });
});
