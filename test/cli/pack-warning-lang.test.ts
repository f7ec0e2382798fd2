// A pack preview's warnings in --lang: a blueprint that names a clause neither in the pack nor in the library is
// flagged in Chinese by default and in English with --lang en (the warning is a Problem, worded by its code).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makePack } from '@core/library/store/pack.js';
import { tempDir } from '../helpers/tmp.js';

const HAN = /\p{Script=Han}/u;

const cli = (...args: string[]) => runCli(args);

describe('bidforge library import --dry-run: the warnings', () => {
  const dir = tempDir('bf-pack-warning-');
  const file = join(dir, 'orphan.bfpack.json');
  const blueprint = {
    id: 'orphan-plan',
    docType: 'service-plan' as const,
    title: '孤立蓝本',
    sections: [{ title: 'Scope', clauses: [{ id: 'no-such-clause', variant: 'standard' }] }],
  };
  writeFileSync(file, JSON.stringify(makePack({ clauses: [], blueprints: [blueprint] }, new Date())));

  it('in Chinese by default', async () => {
    const r = await cli('library', 'import', file, '--dry-run', '--data', join(dir, 'zh'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(
      '  警告：蓝本 orphan-plan（章节“Scope”）引用的条款 no-such-clause/standard 既不在条款包中，也不在条款库中',
    );
  });

  it('in English with --lang en', async () => {
    const r = await cli('library', 'import', file, '--dry-run', '--data', join(dir, 'en'), '--lang', 'en');
    expect(r.code, r.err).toBe(0);
    const line = r.out.split('\n').find((l) => l.startsWith('  warning: '));
    expect(line).toBe(
      '  warning: Blueprint orphan-plan (section “Scope”) uses clause no-such-clause/standard, which is neither in the pack nor in the library',
    );
    expect(line).not.toMatch(HAN);
  });
});
