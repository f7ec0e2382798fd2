// Habits the tools enforce, not reviewers: Biome's formatter and linter pass (biome.json says which rules and why
// some are off), and no source file grows past 500 lines (one job per module).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const MAX_LINES = 500;

describe('code habits', () => {
  it('Biome finds nothing to format or lint (npm run lint)', () => {
    let output = '';
    try {
      execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['check', '--max-diagnostics=20', '.'], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      output = `${err.stdout ?? ''}${err.stderr ?? ''}` || String(e);
    }
    expect(output).toBe('');
  });

  it(`no source file is longer than ${MAX_LINES} lines`, () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.mjs', '*.css'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => f && !f.startsWith('templates/'));
    const long = files
      .map((f) => {
        try {
          return { f, lines: readFileSync(join(ROOT, f), 'utf8').split('\n').length - 1 };
        } catch {
          return { f, lines: 0 }; // listed by git but deleted in the work tree
        }
      })
      .filter((x) => x.lines > MAX_LINES)
      .map((x) => `${x.f}: ${x.lines}`);
    expect(long).toEqual([]);
  });
});
