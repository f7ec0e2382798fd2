// Security tools in the normal test run, so their result counts in CI's "N passed, N failed":
// - @doyensec/electronegativity over electron/: no finding above LOW, except the checks reviewed below.
// - npm audit --omit=dev: no high or critical advisory in production dependencies. When the registry cannot be
//   reached the test passes with a printed warning (an offline machine cannot audit), but a reached registry that
//   reports high/critical findings fails it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const run = (cmd: string, args: string[], timeout: number) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(cmd, args, { cwd: repoRoot, timeout, maxBuffer: 32 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );

/**
 * Checks reviewed by hand and accepted, with the reason. Everything else above LOW fails the test.
 * - PRELOAD_JS_CHECK: the preload is the contextBridge with one wrapper per API channel (sandboxed, no Node).
 * - OPEN_EXTERNAL_JS_CHECK: only https: links from window.open reach the system browser; the window itself is denied.
 * - CSP_GLOBAL_CHECK: the CSP is sent as a header by the app:// protocol handler (host/static.ts RENDERER_CSP),
 *   which a static linter cannot see.
 */
const REVIEWED = ['PreloadJSCheck', 'OpenExternalJSCheck', 'CSPGlobalCheck']; // their class names, as -x wants them

describe('Electron 安全检查 (electronegativity)', () => {
  it('finds nothing above LOW in electron/', async () => {
    const require = createRequire(import.meta.url);
    const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
    const electron = (
      JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
    ).version;
    const out = join(mkdtempSync(join(tmpdir(), 'bf-eneg-')), 'findings.csv');
    const shim = join(import.meta.dirname, 'fixtures', 'electronegativity-ts4.cjs');
    const r = await run(
      process.execPath,
      ['--require', shim, cli, '-i', 'electron', '-e', electron, '-x', REVIEWED.join(','), '-s', 'medium', '-o', out],
      120_000,
    );
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => /^[A-Z_]+_CHECK,/.test(l));
    const findings = rows.map((l) => l.split(',').slice(0, 5).join(' '));
    expect(findings, `electronegativity findings above LOW:\n${findings.join('\n')}`).toEqual([]);
  }, 150_000);
});

type AuditJson = {
  message?: string;
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[] }>;
  error?: { code?: string; summary?: string };
};

describe('依赖漏洞 (npm audit --omit=dev)', () => {
  it('no high or critical advisory in production dependencies', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = await run(npm, ['audit', '--omit=dev', '--json'], 90_000);
    let audit: AuditJson;
    try {
      audit = JSON.parse(r.stdout) as AuditJson;
    } catch {
      audit = {};
    }
    const counts = audit.metadata?.vulnerabilities;
    if (!counts) {
      // No report: the registry's audit endpoint could not be reached or refused (offline CI, a mirror without it).
      // Under CI that fails the run unless .ci/run probed the endpoint and said why the audit is skipped.
      const why =
        audit.error?.summary || audit.message || r.stderr.split('\n').find((l) => /audit/.test(l)) || 'no answer';
      const skipReason = process.env.BIDFORGE_AUDIT_SKIP_REASON;
      if (process.env.CI === 'true' && !skipReason)
        throw new Error(
          `npm audit could not run (${why}), and CI gave no reason to skip it (BIDFORGE_AUDIT_SKIP_REASON)`,
        );
      console.warn(`production dependencies were not audited: ${skipReason ?? why}`);
      return;
    }
    const serious = Object.entries(audit.vulnerabilities ?? {})
      .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
      .map(([name, v]) => `${name} (${v.severity})`);
    expect(serious, `npm audit --omit=dev: ${JSON.stringify(counts)}`).toEqual([]);
  }, 120_000);
});
