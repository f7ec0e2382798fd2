// bidforge library export|import on the store in --data DIR.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openStore } from '@core/library/store/index.js';

const cli = (...args: string[]) => runCli([...args, '--lang', 'en']);
const tmp = () => mkdtempSync(join(tmpdir(), 'bf-lib-'));

describe('bidforge library', () => {
  const dir = tmp();
  const pack = join(dir, 'legal.bfpack.json');

  it('exports chosen clauses and a blueprint to a pack with a checksum', async () => {
    const r = await cli(
      'library',
      'export',
      '--out',
      pack,
      '--data',
      join(dir, 'a'),
      '--clauses',
      'warranty-terms,exclusions',
      '--blueprints',
      'service-plan',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(pack, 'utf8'));
    expect(json.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(json.payload.clauses.map((c: { id: string }) => c.id).sort()).toEqual(['exclusions', 'warranty-terms']);
  });

  it('a dry run shows what would change and changes nothing', async () => {
    const r = await cli('library', 'import', pack, '--dry-run', '--data', join(dir, 'b'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 new, \d+ identical, 0 conflicting/);
  });

  it('a clause changed elsewhere conflicts; keep-both adds the imported one as a new variant', async () => {
    const legal = join(dir, 'legal-office');
    const store = await openStore({ dataDir: legal, program: 'test', templatesDir: 'templates' });
    const ref = await store.editVariant(
      'warranty-terms',
      '标准',
      { body: '法务部修改后的保修条款。\n', changeNote: '法务修改' },
      '法务部',
    );
    await store.submit(ref, '法务部');
    await store.approve(ref, '法务负责人');
    await store.close();
    const changed = join(dir, 'changed.bfpack.json');
    expect(
      (await cli('library', 'export', '--out', changed, '--data', legal, '--clauses', 'warranty-terms')).code,
    ).toBe(0);

    const bidOffice = join(dir, 'bid-office');
    const preview = await cli('library', 'import', changed, '--dry-run', '--data', bidOffice);
    expect(preview.out).toMatch(/0 new, \d+ identical, 1 conflicting/);
    expect(preview.out).toContain('clause:warranty-terms/标准');
    const applied = await cli('library', 'import', changed, '--resolve', 'keep-both', '--data', bidOffice);
    expect(applied.code).toBe(0);
    const after = await openStore({ dataDir: bidOffice, program: 'test', templatesDir: 'templates' });
    expect((await after.getClause('warranty-terms'))?.variants.map((v) => v.name)).toContain('标准（导入）');
    await after.close();
  });

  it('a store never makes a pack its own import would refuse (a draft with raw output, with unapproved work), naming the version', async () => {
    const data = join(dir, 'drafting');
    const store = await openStore({ dataDir: data, program: 'test', templatesDir: 'templates' });
    await store.editVariant('warranty-terms', '标准', { body: '草稿{{{ raw }}}\n', changeNote: '试写' }, '法务部');
    await expect(
      store.exportPack({ clauseIds: ['warranty-terms'], blueprintIds: [], includeUnapproved: true }),
    ).rejects.toThrow(/warranty-terms\/标准 第 2 版（未审批）：模板不允许使用 \{\{\{ \}\}\} 原样输出/);
    await store.close();
    // The CLI exports approved versions only: the draft does not travel, the pack is fine.
    const out = join(dir, 'approved-only.bfpack.json');
    expect((await cli('library', 'export', '--out', out, '--data', data, '--clauses', 'warranty-terms')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('{{{ raw }}}');
  });

  it('a tampered pack changes nothing and says why, exit 2', async () => {
    const bad = join(dir, 'bad.bfpack.json');
    writeFileSync(bad, readFileSync(pack, 'utf8').replace('保修', '保修X'));
    const r = await cli('library', 'import', bad, '--resolve', 'take-theirs', '--data', join(dir, 'd'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.bfpack\.json: Not a usable BidForge pack: its checksum does not match/);
  });

  it('a pack that is not JSON is named, exit 2', async () => {
    const bad = join(dir, 'notjson.bfpack.json');
    writeFileSync(bad, '{oops');
    const r = await cli('library', 'import', bad, '--data', join(dir, 'e'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('notjson.bfpack.json');
  });
});
