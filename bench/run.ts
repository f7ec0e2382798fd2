// npm run bench: generated workloads, median of several runs after a warm-up, one table + bench/results.json.
// Each workload and size runs in a child process of its own (this file with --child <workload> <units>), so the
// "peak RSS" column is that workload's own high-water mark (process.resourceUsage().maxRSS), not the sum of
// everything measured before it in one long process.
// Targets (2-core machine): DOCX < 0.3 s and PDF < 1 s for a 40-page plan (PDF ≥ 3× faster than LibreOffice),
// library of 10,000 variants: load < 1 s, search p95 < 30 ms, one save < 100 ms; memory < 500 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { assemble } from '../core/assemble/assemble.js';
import { exportDocx } from '../core/export/docx.js';
import { exportPdf } from '../core/export/pdf.js';
import { loadTemplates } from '../core/library/loadTemplates.js';
import { makePack, openStore } from '../core/library/store/index.js';
import type { Project } from '../core/model/project.js';
import { parseProjectText } from '../core/project/parse.js';

type Row = { workload: string; units: number; median_ms: number; p95_ms?: number; target?: string; ok?: boolean; note?: string; rss_mb: number };
const rows: Row[] = [];
/** Peak RSS of this process so far (a child runs one workload, so this is that workload's peak). */
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
let peakRss = rssMb();
const sample = () => (peakRss = Math.max(peakRss, rssMb()));

async function time(fn: () => Promise<unknown> | unknown, runs: number): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
    sample();
  }
  return out.sort((a, b) => a - b);
}
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/** The full sample plan with its tables repeated until the PDF reaches about `pages` pages. */
function scaledPlan(base: Project, factor: number): Project {
  const v = { ...base.values } as Record<string, unknown>;
  for (const key of ['training_schedule', 'fee_items', 'service_contacts', 'onsite_spares', 'deviation_items']) {
    const rows = v[key];
    if (Array.isArray(rows)) v[key] = Array.from({ length: Math.max(1, Math.round(rows.length * factor)) }, (_, i) => rows[i % rows.length]);
  }
  return { ...base, values: v };
}

const pdfPages = (bytes: Uint8Array) => (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function documents(target: number) {
  const lib = await loadTemplates('templates');
  const base = parseProjectText(readFileSync('templates/samples/service-plan-full-sample.json', 'utf8'), 'sample');
  // Find the factor that gives ~`target` pages; run for 10 → 40 → 100 pages to show how time grows.
  {
    let factor = 1;
    let doc = assemble(scaledPlan(base, factor), lib).document;
    let pages = pdfPages(await exportPdf(doc));
    for (let i = 0; i < 8 && Math.abs(pages - target) / target > 0.15; i++) {
      factor = Math.max(0.05, factor * (target / pages) ** 1.1);
      doc = assemble(scaledPlan(base, factor), lib).document;
      pages = pdfPages(await exportPdf(doc));
    }
    const docxTimes = await time(() => exportDocx(doc), 5);
    const pdfTimes = await time(() => exportPdf(doc), 3);
    const is40 = target === 40;
    rows.push({ workload: `service plan → DOCX`, units: pages, median_ms: median(docxTimes), ...(is40 ? { target: '< 300 ms', ok: median(docxTimes) < 300 } : {}), rss_mb: rssMb() });
    rows.push({ workload: `service plan → PDF`, units: pages, median_ms: median(pdfTimes), ...(is40 ? { target: '< 1000 ms', ok: median(pdfTimes) < 1000 } : {}), rss_mb: rssMb() });
    if (is40) await libreOfficeBaseline(doc, median(pdfTimes), pages);
  }
}

async function libreOfficeBaseline(doc: Parameters<typeof exportDocx>[0], ourPdfMs: number, pages: number) {
  if (spawnSync('soffice', ['--version']).status !== 0) {
    rows.push({ workload: 'LibreOffice DOCX → PDF', units: pages, median_ms: NaN, note: 'soffice not installed', rss_mb: rssMb() });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bf-bench-'));
  const file = join(dir, 'plan.docx');
  writeFileSync(file, await exportDocx(doc));
  const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
  const convert = () => execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 180_000 });
  const times = await time(convert, 3);
  rmSync(dir, { recursive: true, force: true });
  const ratio = median(times) / ourPdfMs;
  rows.push({ workload: 'LibreOffice DOCX → PDF (baseline)', units: pages, median_ms: median(times), target: 'ours ≥ 3× faster', ok: ratio >= 3, note: `ours is ${ratio.toFixed(1)}× faster`, rss_mb: rssMb() });
}

function generatedPack(n: number) {
  const words = ['压缩机', '保修', '备用机', '巡检', '培训', '响应', '到场', '修复', '投诉', '回访', '备件', '应急', '档案', '收费', '免责'];
  const clauses = Array.from({ length: n }, (_, i) => ({
    id: `bench-${i}`,
    category: words[i % words.length]!,
    title: `条款${i}`,
    tags: [words[(i * 7) % words.length]!],
    docTypes: ['service-plan' as const],
    owner: '法务部',
    reviewIntervalMonths: 12,
    variants: [
      {
        name: '标准',
        version: {
          version: 1,
          body: `第${i}号条款：${words[i % words.length]}${words[(i * 3) % words.length]}${i % 97 === 0 ? '压缩机包修六年' : ''}，我公司承诺在{{onsite_arrival}}内到达现场并于规定时限内完成处置。`.repeat(3),
          variables: [],
          status: 'approved' as const,
          author: '法务部',
          createdAt: '2026-11-01T00:00:00.000Z',
          changeNote: '生成',
        },
      },
    ],
  }));
  return makePack({ clauses, blueprints: [] }, new Date('2026-11-01T00:00:00Z'));
}

async function library(n: number) {
  {
    const dir = mkdtempSync(join(tmpdir(), 'bf-bench-lib-'));
    const seed = await openStore({ dataDir: dir, program: 'bench' });
    await seed.applyImport(generatedPack(n));
    await seed.close();
    const loads = await time(async () => {
      const s = await openStore({ dataDir: dir, program: 'bench' });
      await s.listClauses();
      await s.close();
    }, 3);
    const store = await openStore({ dataDir: dir, program: 'bench' });
    await store.search('压缩机'); // builds the index
    const queries = ['压缩机', '备用机 到场', '壓縮機', '巡检', '投诉回访', '条款42', '应急', '保修'];
    const searchTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await store.search(queries[i % queries.length]!);
      searchTimes.push(performance.now() - t);
    }
    searchTimes.sort((a, b) => a - b);
    let k = 0;
    const saves = await time(() => store.editVariant(`bench-${k++ % n}`, '标准', { body: `修改后的条款 ${k}`, changeNote: 'bench' }, 'bench'), 5);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    const big = n === 10_000;
    rows.push({ workload: 'library load', units: n, median_ms: median(loads), ...(big ? { target: '< 1000 ms', ok: median(loads) < 1000 } : {}), rss_mb: rssMb() });
    rows.push({ workload: 'library search (p50 / p95)', units: n, median_ms: median(searchTimes), p95_ms: p95(searchTimes), ...(big ? { target: 'p95 < 30 ms', ok: p95(searchTimes) < 30 } : {}), rss_mb: rssMb() });
    rows.push({ workload: 'library save one edit', units: n, median_ms: median(saves), ...(big ? { target: '< 100 ms', ok: median(saves) < 100 } : {}), rss_mb: rssMb() });
  }
}

function cards() {
  if (!existsSync('bench/cards.ts')) return;
  // Cards run in their own process so their memory is measured on its own.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/cards.ts', '--json'], { encoding: 'utf8', timeout: 300_000 });
  const json = r.stdout.split('\n').reverse().find((l) => l.trim().startsWith('{') || l.trim().startsWith('['));
  if (r.status !== 0 || !json) {
    rows.push({ workload: 'warranty cards → PDF', units: 1000, median_ms: NaN, note: `bench/cards.ts failed: ${(r.stderr || '').split('\n').slice(-3).join(' ')}`, rss_mb: 0 });
    return;
  }
  // bench/cards.ts prints {bench, results: [{cards, totalMs, peakRssMB, …}]} (one child process per size).
  type CardResult = { cards: number; totalMs?: number; ms?: number; peakRssMB?: number; peakRssMb?: number; layout?: string; qr?: boolean; format?: string };
  const parsed = JSON.parse(json) as { results?: CardResult[] } | CardResult[];
  const results = Array.isArray(parsed) ? parsed : (parsed.results ?? []);
  for (const c of results) {
    const ms = c.totalMs ?? c.ms ?? NaN;
    const rss = c.peakRssMB ?? c.peakRssMb ?? 0;
    const label = `warranty cards → ${(c.format ?? 'pdf').toUpperCase()} (${c.layout ?? 'a5'}${c.qr ? ', QR' : ''})`;
    rows.push({ workload: label, units: c.cards, median_ms: ms, ...(c.cards === 1000 ? { target: '< 10000 ms, < 500 MB', ok: ms < 10_000 && rss < 500 } : {}), note: `${(ms / c.cards).toFixed(1)} ms per card`, rss_mb: rss });
  }
}

const WORKLOADS: { name: string; units: number[]; run: (units: number) => Promise<void> }[] = [
  { name: 'documents', units: [10, 40, 100], run: documents },
  { name: 'library', units: [10, 100, 1000, 10_000], run: library },
];

const at = process.argv.indexOf('--child');
if (at >= 0) {
  const w = WORKLOADS.find((x) => x.name === process.argv[at + 1])!;
  await w.run(Number(process.argv[at + 2]));
  process.stdout.write(`\n${JSON.stringify(rows.map((r) => ({ ...r, rss_mb: rssMb() })))}\n`);
  process.exit(0);
}
for (const w of WORKLOADS)
  for (const units of w.units) {
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', w.name, String(units)], { encoding: 'utf8', timeout: 600_000, maxBuffer: 16 << 20 });
    const json = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !json.startsWith('[')) {
      rows.push({ workload: w.name, units, median_ms: NaN, note: `child failed: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`, rss_mb: 0 });
      continue;
    }
    rows.push(...(JSON.parse(json) as Row[]));
  }
cards();
peakRss = Math.max(0, ...rows.map((r) => r.rss_mb));
const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(n < 10 ? 2 : 0));
console.log('\n| workload | units | median ms | p95 ms | target | ok | RSS MB | note |\n|---|---:|---:|---:|---|---|---:|---|');
for (const r of rows) console.log(`| ${r.workload} | ${r.units} | ${fmt(r.median_ms)} | ${fmt(r.p95_ms)} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'yes' : 'NO'} | ${r.rss_mb} | ${r.note ?? ''} |`);
console.log(`\nhighest peak RSS of any workload: ${peakRss} MB (target < 500 MB; each workload runs in its own process)`);
writeFileSync('bench/results.json', JSON.stringify({ when: new Date().toISOString(), peakRssMb: peakRss, rows }, null, 2) + '\n');
