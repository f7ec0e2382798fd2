// Cold CLI for `npm run bench`: `bidforge render` of the full sample plan to PDF as a user runs it (a fresh process:
// start-up, module loading, fonts, layout, writing), against LibreOffice converting the DOCX of the same plan, both
// as whole processes in the same run. CPU time (user + system, from GNU time) is reported beside the wall time, since
// the wall time of either moves with whatever else the machine is doing. Each program's first run is left out: ours
// fills its caches then (V8's compiled code, the compiled clause templates; in a cache folder of the bench's own), as
// LibreOffice's first start creates its profile.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export type CliRow = {
  workload: string;
  units: number;
  median_ms: number;
  target?: string;
  ok?: boolean;
  note?: string;
  rss_mb: number;
};

const SAMPLE = 'templates/samples/service-plan-full-sample.json';
const RUNS = 5;

/** Wall and CPU milliseconds of one whole process. */
function timed(cmd: string, args: string[], env?: Record<string, string>): { wall: number; cpu: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 180_000,
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  const [user, sys] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: ((user ?? 0) + (sys ?? 0)) * 1000 };
}

function medians(runs: { wall: number; cpu: number }[]) {
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: mid(runs.map((r) => r.wall)), cpu: mid(runs.map((r) => r.cpu)) };
}

export function coldCliRows(repoRoot: string): CliRow[] {
  const out = mkdtempSync(join(tmpdir(), 'bf-bench-cli-'));
  try {
    const cli = join(repoRoot, 'bin', 'bidforge.mjs');
    const env = { BIDFORGE_CACHE_DIR: join(out, 'cache') };
    const render = (format: string) =>
      timed(process.execPath, [cli, 'render', join(repoRoot, SAMPLE), '--out', out, '--format', format], env);
    render('docx'); // the DOCX LibreOffice converts; also builds the CLI bundle if it is stale
    render('pdf'); // fills the caches
    const docx = readdirSync(out).find((f) => f.endsWith('.docx'))!;
    const ours = medians(Array.from({ length: RUNS }, () => render('pdf')));
    // The floor under it: Node starting with nothing to run, and `bidforge --version` (Node, the bin and every module
    // of the CLI loaded, nothing rendered).
    const node = medians(Array.from({ length: RUNS }, () => timed(process.execPath, ['-e', '0'])));
    const loaded = medians(Array.from({ length: RUNS }, () => timed(process.execPath, [cli, '--version'], env)));
    const pages = (execFileSync('pdfinfo', [join(out, docx.replace(/\.docx$/, '.pdf'))], { encoding: 'utf8' }).match(
      /Pages:\s+(\d+)/,
    ) ?? [])[1];
    const profile = `-env:UserInstallation=file://${join(out, 'lo-profile')}`;
    const convert = () =>
      timed('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(out, 'lo'), join(out, docx)]);
    convert(); // its first start creates the profile
    const lo = medians(Array.from({ length: RUNS }, convert));
    const ratio = lo.cpu / ours.cpu;
    return [
      {
        workload: 'cold CLI: bidforge render → PDF (whole process)',
        units: Number(pages ?? 0),
        median_ms: ours.wall,
        target: '≥ 3× less CPU than LibreOffice',
        ok: ratio >= 3,
        note: `CPU ${Math.round(ours.cpu)} ms (caches filled by a first run, left out); LibreOffice ${Math.round(lo.cpu)} ms CPU, ${Math.round(lo.wall)} ms wall: ours ${ratio.toFixed(1)}× less CPU; of ours, Node's own start ${Math.round(node.cpu)} ms and start + loading the CLI ${Math.round(loaded.cpu)} ms CPU`,
        rss_mb: 0,
      },
    ];
  } catch (e) {
    return [
      {
        workload: 'cold CLI: bidforge render → PDF (whole process)',
        units: 0,
        median_ms: NaN,
        note: `not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
        rss_mb: 0,
      },
    ];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
