// 损坏的旧文件不能变成空库: a damaged schema-1 file, or a store with bytes that are not UTF-8, is kept aside byte for
// byte and reported with the file and what is wrong; nothing is emptied, re-seeded or rotated out of the backups.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreAccess } from '@core/library/storeAccess.js';
import { openStore, STORE_SCHEMA_VERSION } from '@core/library/store/index.js';
import { approvedClause, open, realTemplates, tempDir, WARRANTY_BODY } from './helpers.js';

const MY_BODY = '本公司自愿将保修期延长至六十个月，由张律师起草。';

/** A schema-1 library holding the user's own clause; `damage` breaks one part of it. */
function v1Store(damage: (d: Record<string, unknown>) => void): string {
  const d: Record<string, unknown> = {
    schemaVersion: 1,
    clauses: [
      {
        id: 'my-warranty',
        category: '保修条款',
        title: '我的保修条款',
        tags: [],
        docTypes: ['service-plan'],
        variants: [
          {
            name: '标准',
            versions: [
              {
                version: 1,
                body: MY_BODY,
                variables: [],
                status: 'approved',
                author: '张律师',
                createdAt: '2025-01-02T00:00:00.000Z',
                changeNote: '初版',
              },
            ],
          },
        ],
      },
    ],
    blueprints: [],
    projects: [
      {
        projectId: 'p1',
        name: '某医院项目',
        updatedAt: '2025-03-01T00:00:00.000Z',
        pins: [{ clauseId: 'my-warranty', variant: '标准', version: 1 }],
      },
    ],
  };
  damage(d);
  return JSON.stringify(d, null, 2);
}

/** Every file in the data folder (backups included) whose bytes hold `text` (as UTF-8). */
async function filesHolding(dir: string, text: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesHolding(dir, text, rel)));
    else if ((await readFile(join(dir, rel))).includes(Buffer.from(text))) out.push(rel);
  }
  return out.sort();
}

describe('迁移拒绝损坏的旧文件', () => {
  const damages: [string, (d: Record<string, unknown>) => void, string][] = [
    ['the clause list is not a list', (d) => void (d.clauses = { 0: 'x' }), 'clauses 应为列表'],
    [
      "a clause's variants are a string",
      (d) => void ((d.clauses as Record<string, unknown>[])[0]!.variants = '坏了'),
      'clauses[0].variants 应为列表',
    ],
    [
      "a variant's versions are missing",
      (d) => void delete (d.clauses as { variants: Record<string, unknown>[] }[])[0]!.variants[0]!.versions,
      'clauses[0].variants[0].versions 应为列表，实际是缺失',
    ],
    [
      "a project's pins are null",
      (d) => void ((d.projects as Record<string, unknown>[])[0]!.pins = null),
      'projects[0].pins 应为列表',
    ],
    ['the blueprint list holds a number', (d) => void (d.blueprints = [7]), 'blueprints[0] 应为对象'],
  ];
  for (const [what, damage, said] of damages)
    it(`a damaged schema-1 file (${what}) is kept aside and reported, not opened as an empty library`, async () => {
      const dir = await tempDir();
      const text = v1Store(damage);
      await writeFile(join(dir, 'library.json'), text);
      const err = await open(dir, { templatesDir: await realTemplates() }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'store_corrupt', message: expect.stringContaining(said) });
      expect((err as Error).message).toContain('第 1 版格式的条款库已损坏');
      expect((err as Error).message).toContain(join(dir, 'library.json'));
      const aside = (await readdir(dir)).filter((f) => f.startsWith('library.corrupt-'));
      expect(aside).toHaveLength(1);
      expect((err as Error).message).toContain(aside[0]);
      expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(text); // byte for byte
      expect(await readdir(dir)).not.toContain('library.json'); // no empty library written in its place
    });

  it('the app opening a damaged schema-1 file ten times never empties it: the clause stays in the folder, nothing is seeded', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.json'),
      v1Store((d) => void ((d.projects as Record<string, unknown>[])[0]!.pins = 'x')),
    );
    const access = new StoreAccess({ dataDir: dir, templatesDir: await realTemplates(), program: 'app' });
    await expect(access.store()).rejects.toMatchObject({ code: 'store_corrupt' });
    for (let i = 0; i < 10; i++) {
      await expect(access.write((s) => s.markReviewed('my-warranty', '王'))).rejects.toMatchObject({
        code: 'store_missing',
        message: expect.stringContaining('没有新建空的条款库'),
      });
    }
    expect(await filesHolding(dir, MY_BODY)).toEqual([expect.stringMatching(/^library\.corrupt-.*\.json$/)]);
    expect(await readdir(dir)).not.toContain('library.json');
  });

  it('the message tells a CLI user how to recover with files: the newest backup to copy, and no command the CLI lacks', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, program: 'CLI' });
    await store.createClause(
      { id: 'mine', category: '测试', title: '我的条款', docTypes: ['service-plan'], body: MY_BODY },
      '张律师',
    );
    await store.close();
    await writeFile(join(dir, 'library.json'), '{ "schemaVersion": 3, "clauses": [');
    const newest = (await readdir(join(dir, 'backups'))).sort().at(-1)!;
    const err = (await openStore({ dataDir: dir, program: 'CLI' }).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'store_corrupt' });
    expect(err.message).toContain(`backups/${newest}`);
    expect(err.message).toContain(`复制为 ${join(dir, 'library.json')}`);
    expect(err.message).not.toMatch(/restoreNewestBackup|startFresh/);
    const missing = (await openStore({ dataDir: dir, program: 'CLI' }).catch((e: unknown) => e)) as Error;
    expect(missing).toMatchObject({ code: 'store_missing', message: expect.stringContaining(`backups/${newest}`) });
    expect(missing.message).not.toMatch(/restoreNewestBackup|startFresh/);
  });

  it('a well-formed schema-1 file still migrates', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.json'),
      v1Store(() => {}),
    );
    const store = await open(dir);
    expect(store.openReport.migratedFrom).toBe(1);
    expect((await store.getClause('my-warranty'))!.variants[0]!.versions[0]!.body).toBe(MY_BODY);
  });
});

describe('无效的 UTF-8', () => {
  /** library.json with one byte of 保 in MY_BODY replaced by 0xFF. */
  async function storeWithBadByte(dir: string): Promise<{ bytes: Buffer; line: number }> {
    const store = await openStore({ dataDir: dir, program: 'app' });
    await store.createClause(
      { id: 'mine', category: '保修条款', title: '我的条款', docTypes: ['service-plan'], body: MY_BODY },
      '张律师',
    );
    await store.close();
    const bytes = await readFile(join(dir, 'library.json'));
    const at = bytes.indexOf(Buffer.from('保修期'));
    bytes[at + 1] = 0xff;
    await writeFile(join(dir, 'library.json'), bytes);
    return { bytes, line: bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1 };
  }

  it('a store with invalid UTF-8 is reported with its line, kept aside byte for byte, and never rewritten with replacement characters', async () => {
    const dir = await tempDir();
    const { bytes, line } = await storeWithBadByte(dir);
    const err = await open(dir).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store_corrupt', message: expect.stringContaining(`第 ${line} 行`) });
    expect((err as Error).message).toContain('不是有效的 UTF-8');
    const aside = (await readdir(dir)).find((f) => f.startsWith('library.corrupt-'))!;
    expect((await readFile(join(dir, aside))).equals(bytes)).toBe(true);
    expect(await filesHolding(dir, '\uFFFD')).toEqual([]);
  });

  it('invalid UTF-8 written by something else while the app is open is reported on the next read', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    const good = await readFile(join(dir, 'library.json'));
    const bad = Buffer.concat([good.subarray(0, 40), Buffer.from([0xc3, 0x28]), good.subarray(40)]);
    await writeFile(join(dir, 'library.json'), bad);
    await expect(store.listClauses()).rejects.toMatchObject({
      code: 'store_corrupt',
      message: expect.stringContaining('UTF-8'),
    });
    expect(await filesHolding(dir, '\uFFFD')).toEqual([]);
    expect(STORE_SCHEMA_VERSION).toBeGreaterThan(1);
  });
});

describe('很大的条款库', () => {
  it('a library.json over the size limit is refused before it is read, with its size, and left exactly where it was', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, program: 'app' });
    for (let i = 0; i < 5; i++)
      await store.createClause(
        { id: `c-${i}`, category: '测试', title: `条款${i}`, docTypes: ['service-plan'], body: MY_BODY.repeat(20) },
        '张律师',
      );
    await store.close();
    const bytes = await readFile(join(dir, 'library.json'));
    const err = await openStore({ dataDir: dir, program: 'app', maxStoreBytes: 4096 }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'store_too_large',
      message: expect.stringContaining('超过可打开的上限 0.00 MB'),
    });
    expect((err as Error).message).toContain(join(dir, 'library.json'));
    expect((await readFile(join(dir, 'library.json'))).equals(bytes)).toBe(true);
    expect((await readdir(dir)).filter((f) => f.startsWith('library.corrupt-'))).toEqual([]);
  });

  it('a store that grows past the limit while the app has it open is reported on the next read, not read', async () => {
    const dir = await tempDir();
    const store = await openStore({ dataDir: dir, program: 'app', maxStoreBytes: 64 * 1024 });
    await store.createClause(
      { id: 'small', category: '测试', title: '小', docTypes: ['service-plan'], body: '正文' },
      '张律师',
    );
    await store.releaseLock();
    const other = await openStore({ dataDir: dir, program: 'CLI' });
    await other.createClause(
      { id: 'big', category: '测试', title: '大', docTypes: ['service-plan'], body: MY_BODY.repeat(3000) },
      '张律师',
    );
    await other.close();
    await expect(store.listClauses()).rejects.toMatchObject({ code: 'store_too_large' });
    await store.close();
  });
});
