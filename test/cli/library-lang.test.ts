// bidforge library speaks the --lang language: Chinese by default, English plurals with --lang en.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const cli = (...args: string[]) => runCli(args);

describe('bidforge library 的输出语言', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bf-lib-lang-'));
  const pack = join(dir, 'legal.bfpack.json');

  it('中文：导出说“已写入 …（2 个条款，1 个蓝本）”，预演导入说“新增 0，相同 …”', async () => {
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
      '--lang',
      'zh',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe(`已写入 ${pack}（2 个条款，1 个蓝本）`); // then one line per clause variant, by title
    const dry = await cli('library', 'import', pack, '--dry-run', '--data', join(dir, 'b'), '--lang', 'zh');
    expect(dry.out.split('\n')[0]).toMatch(/^.*legal\.bfpack\.json：新增 0，相同 \d+，冲突 0$/);
    expect(dry.out).toMatch(/^ {2}签名：此包由未受信任的签发人签名/m); // store b does not trust store a's key
  });

  it('English: "(2 clauses, 1 blueprint)"', async () => {
    const r = await cli(
      'library',
      'export',
      '--out',
      pack,
      '--data',
      join(dir, 'c'),
      '--clauses',
      'warranty-terms,exclusions',
      '--blueprints',
      'service-plan',
      '--lang',
      'en',
    );
    expect(r.out.split('\n')[0]).toBe(`wrote ${pack} (2 clauses, 1 blueprint)`);
  });

  it('不是 JSON 的条款包：中文说“不是有效的 JSON 文件”，不转述解析器的英文原话', async () => {
    const r = await cli(
      'library',
      'import',
      join(repoRoot, 'README.md'),
      '--dry-run',
      '--data',
      join(dir, 'd'),
      '--lang',
      'zh',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/README\.md：不是有效的 JSON 文件$/);
  });
});
