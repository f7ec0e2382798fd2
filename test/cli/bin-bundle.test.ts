// The installed `bidforge` runs a prebuilt bundle, not TypeScript compiled at start: the first run after a change
// builds dist/cli/bidforge.cjs, later runs use it as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const bundle = join(repoRoot, 'dist', 'cli', 'bidforge.cjs');
const bidforge = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'bin', 'bidforge.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('bidforge 命令从预先打包的文件启动', () => {
  it('runs the bundle, and a run with nothing changed reuses it instead of building again', () => {
    const first = bidforge('--help');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('bidforge render');
    expect(existsSync(bundle)).toBe(true);
    const built = statSync(bundle).mtimeMs;
    const second = bidforge('list', 'blueprints');
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/service-plan/);
    // (Nothing edits cli/, core/ or host/ during a test run; a rebuild would then be right.)
    expect(statSync(bundle).mtimeMs).toBe(built);
  });
});
