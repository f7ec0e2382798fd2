// The pdfmake speed-ups (core/export/pdfmakeSpeed.ts) change how the PDF is written, never what it shows: the same
// Documents and cards rendered with and without them (BIDFORGE_PDF_PLAIN=1, in a process of its own) must give the
// same pages, the same words and each word at the same place.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingTools } from '../helpers/tools.js';
import { tempDir } from '../helpers/tmp.js';

const note = missingTools(['pdftotext']);
const root = fileURLToPath(new URL('../..', import.meta.url));

// One script, run twice: the full sample plan (justified body, tables, headings, contents, Latin and digits among
// CJK, the draft watermark) and three warranty cards (spaced title, colours, small type, a QR image).
const SCRIPT = `
import { readFileSync, writeFileSync } from 'node:fs';
import { assemble } from '${root}core/assemble/assemble.ts';
import { loadTemplates } from '${root}core/library/loadTemplates.ts';
import { parseProjectText } from '${root}core/project/parse.ts';
import { exportPdf } from '${root}core/export/pdf.ts';
import { renderCardsPdf } from '${root}core/cards/pdf.ts';
import { loadCardTemplate } from '${root}core/cards/template.ts';
const [out] = process.argv.slice(2);
const lib = await loadTemplates('${root}templates');
const text = readFileSync('${root}templates/samples/service-plan-full-sample.json', 'utf8');
const doc = assemble(parseProjectText(text, 'sample'), lib).document;
writeFileSync(out + '-plan.pdf', await exportPdf(doc));
writeFileSync(out + '-draft.pdf', await exportPdf({ ...doc, meta: { ...doc.meta, draft: true } }));
const row = (n, name, date) => ({ row: n, customer: name, phone: '13800138000', address: '上海市浦东新区碧波路690号',
  product: '空气源热泵热水机', model: 'KRS-35II/A', serial: 'HX2024' + n, date, dealer: 'Pujiang HVAC 浦江制冷' });
const rows = [row(2, '张三', '2024-02-29'), row(3, 'Ouyang Jianguo', '2026-01-31'), row(4, '李四', '2026-11-24')];
// Periods as a user types them (the built-in templates carry none): the periods table is drawn too.
const template = { ...(await loadCardTemplate()), components: [{ name: '整机', months: 36 }, { name: '压缩机', months: 72 }] };
writeFileSync(out + '-cards.pdf', await renderCardsPdf(rows, template, { layout: 'a4-grid', qr: true }));
`;

type Word = { text: string; box: number[] };
function words(file: string): { pages: number; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages = (html.match(/<page /g) ?? []).length;
  const found = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)];
  return { pages, words: found.map((m) => ({ text: m[5]!, box: m.slice(1, 5).map(Number) })) };
}

let dir = '';
beforeAll(() => {
  if (note) return;
  dir = tempDir('bidforge-pdf-speed-');
  const script = join(dir, 'render.mts');
  writeFileSync(script, SCRIPT);
  const run = (out: string, plain: boolean) =>
    execFileSync(process.execPath, ['--import', 'tsx', script, join(dir, out)], {
      cwd: root,
      env: { ...process.env, BIDFORGE_PDF_PLAIN: plain ? '1' : '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  run('plain', true);
  run('fast', false);
}, 240_000);

describe('PDF 加速前后输出一致（同样的页、同样的字、同样的位置）', () => {
  for (const part of ['plan', 'draft', 'cards'])
    it(`${part}: every word at the same place as pdfmake draws it`, (ctx) => {
      ctx.skip(!!note, note);
      const plain = words(join(dir, `plain-${part}.pdf`));
      const fast = words(join(dir, `fast-${part}.pdf`));
      expect(plain.words.length).toBeGreaterThan(part === 'cards' ? 100 : 400);
      expect(fast.pages).toBe(plain.pages);
      expect(fast.words.map((w) => w.text)).toEqual(plain.words.map((w) => w.text));
      const moved = fast.words.filter((w, i) => w.box.some((v, k) => Math.abs(v - plain.words[i]!.box[k]!) > 0.01));
      expect(moved.map((w) => w.text)).toEqual([]);
      // Fewer text objects: the file does not grow.
      expect(readFileSync(join(dir, `fast-${part}.pdf`)).length).toBeLessThanOrEqual(
        readFileSync(join(dir, `plain-${part}.pdf`)).length,
      );
    });
});
