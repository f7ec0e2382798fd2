// Warranty-card batch speed: 10 / 100 / 1,000 generated rows → parse + validate → one PDF (the limit applies to PDF).
// Each size runs in its own process so its peak RSS is its own. Prints a table, then the figures as one JSON line.
// Usage: npx tsx bench/cards.ts [--check] [--docx] [--repeat N]
//   --check: exit 1 when 1,000 cards take ≥ 3 s or ≥ 500 MB peak RSS; --docx: also time 1,000 cards to one DOCX;
//   --repeat N: run each size N times and report the median time (and the highest peak RSS): a machine busy with
//   other work slows single runs. The CPU time (cpuMs) is the process's own, less swayed by other processes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CardLayout } from '../core/cards/card.js';

const LIMIT = { cards: 1000, seconds: 3, rssMB: 500 };

type Run = { cards: number; layout: CardLayout; qr: boolean; format?: 'pdf' | 'docx' };
type Result = Run & {
  parseMs: number;
  renderMs: number;
  totalMs: number;
  cpuMs: number;
  msPerCard: number;
  fileKB: number;
  peakRssMB: number;
};

const RUNS: Run[] = [
  { cards: 10, layout: 'a5', qr: true },
  { cards: 100, layout: 'a5', qr: true },
  { cards: 1000, layout: 'a5', qr: true },
  { cards: 1000, layout: 'a5', qr: false },
  { cards: 1000, layout: 'a4x2', qr: true },
  { cards: 1000, layout: 'a4-grid', qr: true },
];

/** A CSV like a sales export: Chinese headers, varied names, addresses and dates, month ends and a leap day among them. */
function csv(n: number): Uint8Array {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const cities = [
    '上海市浦东新区张江路',
    '杭州市西湖区文三路',
    '南京市鼓楼区中山北路',
    '广州市天河区体育西路',
    '成都市武侯区人民南路',
  ];
  const dates = ['2024-02-29', '2026/1/31', '2026年11月24日', '2025-12-31', '2026-03-15'];
  const lines = ['客户名称,联系电话,地址,产品名称,型号,序列号,购买日期,经销商'];
  for (let i = 0; i < n; i++) {
    const city = cities[i % cities.length]!;
    const name = `${surnames[i % surnames.length]}${'建国秀英志强丽华'[i % 8]}${i % 3 ? '' : '明'}`;
    lines.push(
      [
        name,
        `13${String(800000000 + i * 7919).slice(0, 9)}`,
        `${city}${(i % 900) + 1}号${(i % 30) + 1}栋`,
        '空气源热泵热水机',
        `KRS-${35 + (i % 4) * 10}II/A`,
        `HX2026${String(i).padStart(6, '0')}`,
        dates[i % dates.length],
        `${city.slice(0, 2)}浦江制冷设备销售有限公司`,
      ].join(','),
    );
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

async function child(run: Run): Promise<Result> {
  const { readCardRows } = await import('../core/cards/read.js');
  const { renderCardsPdf } = await import('../core/cards/pdf.js');
  const { renderCardsDocx } = await import('../core/cards/docx.js');
  const { loadCardTemplate } = await import('../core/cards/template.js');
  const { withProfile } = await import('../core/cards/profile.js');
  // Cards as users print them: a company's own profile, as 设置 gives it (the built-in templates carry none).
  const template = withProfile(await loadCardTemplate(), {
    name: '滨江制冷设备有限公司',
    hotline: '400-000-1234',
    serviceHours: '周一至周日 8:00—20:00',
  });
  // And the periods a user gives (the built-in templates carry none): each card prints its periods table.
  template.components = [
    { name: '整机', months: 36 },
    { name: '压缩机', months: 72 },
    { name: '电气控制部件', months: 12 },
  ];
  const bytes = csv(run.cards);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const read = await readCardRows(bytes, 'bench.csv');
  if (read.rows.length !== run.cards)
    throw new Error(`expected ${run.cards} valid rows, got ${read.rows.length}: ${read.problems[0]?.message}`);
  const t1 = performance.now();
  const render = run.format === 'docx' ? renderCardsDocx : renderCardsPdf;
  const file = await render(read.rows, template, { layout: run.layout, qr: run.qr });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    ...run,
    parseMs: r(t1 - t0),
    renderMs: r(t2 - t1),
    totalMs: r(t2 - t0),
    cpuMs: r((cpu.user + cpu.system) / 1000),
    msPerCard: r((t2 - t0) / run.cards),
    fileKB: Math.round(file.byteLength / 1024),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--child');
  if (at >= 0) {
    process.stdout.write(`${JSON.stringify(await child(JSON.parse(process.argv[at + 1]!) as Run))}\n`);
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const results: Result[] = [];
  const runs: Run[] = [
    ...RUNS,
    ...(process.argv.includes('--docx')
      ? [{ cards: 1000, layout: 'a5' as const, qr: true, format: 'docx' as const }]
      : []),
  ];
  const at2 = process.argv.indexOf('--repeat');
  const repeat = at2 >= 0 ? Math.max(1, Number(process.argv[at2 + 1]) || 1) : 1;
  for (const run of runs) {
    const tries: Result[] = [];
    for (let k = 0; k < repeat; k++) {
      const p = spawnSync(process.execPath, [...process.execArgv, self, '--child', JSON.stringify(run)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (p.status !== 0) throw new Error(`bench child failed (${JSON.stringify(run)}):\n${p.stderr}`);
      tries.push(JSON.parse(p.stdout.trim().split('\n').pop()!) as Result);
    }
    // The run of median total time, with the highest peak RSS of all.
    const res = { ...tries.sort((a, b) => a.totalMs - b.totalMs)[Math.floor((repeat - 1) / 2)]! };
    res.peakRssMB = Math.max(...tries.map((t) => t.peakRssMB));
    results.push(res);
    console.log(
      `${String(res.cards).padStart(5)} cards  ${(res.format ?? 'pdf').padEnd(4)} ${res.layout.padEnd(7)} qr=${res.qr ? 'yes' : 'no '}  total ${(res.totalMs / 1000).toFixed(2).padStart(6)} s  ` +
        `(parse ${res.parseMs} ms, render ${res.renderMs} ms, CPU ${res.cpuMs} ms)  ${res.msPerCard.toFixed(1).padStart(6)} ms/card  peak RSS ${res.peakRssMB} MB  file ${res.fileKB} KB` +
        (repeat > 1 ? `  (median of ${repeat}: ${tries.map((t) => (t.totalMs / 1000).toFixed(2)).join(' ')} s)` : ''),
    );
  }
  const big = results.filter((r) => r.cards === LIMIT.cards && (r.format ?? 'pdf') === 'pdf');
  const withinLimits = big.every((r) => r.totalMs < LIMIT.seconds * 1000 && r.peakRssMB < LIMIT.rssMB);
  console.log(
    `limits for ${LIMIT.cards} cards: < ${LIMIT.seconds} s, < ${LIMIT.rssMB} MB peak RSS: ${withinLimits ? 'met' : 'NOT MET'}`,
  );
  console.log(JSON.stringify({ bench: 'cards', limit: LIMIT, repeat, withinLimits, results }));
  if (process.argv.includes('--check') && !withinLimits) process.exitCode = 1;
}

await main();
