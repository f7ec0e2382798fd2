// Word import's workload for npm run bench: a generated 60-page DOCX (a company's service plan: headings, numbered
// promises in several phrasings, a table every few pages, explicit page breaks) read into candidate clauses and
// marked against the built-in library, in a process of its own so the peak RSS is the import's.
// Target: < 5 s. Run alone: npx tsx bench/wordImport.ts (prints the row as JSON).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORD_PAGES = 60;

export type WordImportRow = {
  workload: string;
  units: number;
  median_ms: number;
  target: string;
  ok: boolean;
  note?: string;
  rss_mb: number;
};

/** About one printed page: a heading, its promises, a closing paragraph; a table every third page. */
async function page(i: number) {
  const { Paragraph, HeadingLevel, PageBreak, Table, TableRow, TableCell } = await import('docx');
  const hours = (i % 4) + 1;
  const parts: InstanceType<typeof Paragraph | typeof Table>[] = [
    new Paragraph({ text: `第${i + 1}部分 服务内容`, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: `（${i + 1}）响应与到场`, heading: HeadingLevel.HEADING_2 }),
  ];
  const lines = [
    `接到报修后${10 + (i % 5) * 5}分钟内响应，工程师${hours}小时内到达现场。`,
    `工程师到达现场后${hours * 6}小时内完成维修，恢复设备正常运行。`,
    `整机免费保修${(i % 3) + 1}年，自验收合格之日起计算；压缩机保修期为${(i % 3) + 3}年。`,
    '我公司在项目所在地设立服务网点，配备专业工程师和常用备件，定期对设备进行巡检和保养，发现隐患及时处理。',
    '服务过程中，工程师严格遵守采购人的安全和保密规定，作业完毕清理现场，填写服务记录并请采购人签字确认。',
  ];
  for (let k = 0; k < 4; k++) for (const l of lines) parts.push(new Paragraph({ text: l }));
  if (i % 3 === 0)
    parts.push(
      new Table({
        rows: [
          ['服务项目', '承诺'],
          ['到达现场', `${hours}小时内到达现场`],
          ['定期巡检', '每季度巡检一次'],
        ].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) })),
      }),
    );
  if (i < WORD_PAGES - 1) parts.push(new Paragraph({ children: [new PageBreak()] }));
  return parts;
}

async function measure(): Promise<WordImportRow> {
  const { Document, Packer } = await import('docx');
  const { loadTemplates } = await import('../core/library/loadTemplates.js');
  const { importWord } = await import('../core/library/wordImport/index.js');
  const children = (await Promise.all(Array.from({ length: WORD_PAGES }, (_, i) => page(i)))).flat();
  const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const lib = await loadTemplates(join(root, 'templates'));
  const existing = lib.clauses.map((c) => ({ clauseId: c.id, variant: c.variant, title: c.title, body: c.body }));
  let last = await importWord(bytes, 'bench.docx', existing); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    last = await importWord(bytes, 'bench.docx', existing);
    times.push(performance.now() - t);
  }
  const median = times.sort((a, b) => a - b)[1]!;
  return {
    workload: 'Word DOCX → candidate clauses',
    units: last.pages,
    median_ms: median,
    target: '< 5000 ms',
    ok: median < 5000 && last.pages >= WORD_PAGES,
    note: `${Math.round(bytes.byteLength / 1024)} KB, ${last.candidates.length} candidates, ${last.candidates.reduce((n, c) => n + c.facts.length, 0)} facts proposed, marked against ${existing.length} built-in clauses`,
    rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** The row, measured in a child process (this file with --child). */
export function wordImportRows(): WordImportRow[] {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [...process.execArgv, self, '--child'], { encoding: 'utf8', timeout: 300_000 });
  const json = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !json.startsWith('{'))
    return [
      {
        workload: 'Word DOCX → candidate clauses',
        units: WORD_PAGES,
        median_ms: NaN,
        target: '< 5000 ms',
        ok: false,
        note: `child failed: ${(r.stderr || '').trim().split('\n').slice(-2).join(' ')}`,
        rss_mb: 0,
      },
    ];
  return [JSON.parse(json) as WordImportRow];
}

if (process.argv.includes('--child')) {
  process.stdout.write(`\n${JSON.stringify(await measure())}\n`);
  process.exit(0);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(wordImportRows()[0], null, 2));
}
