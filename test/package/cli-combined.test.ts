// bidforge render PACKAGE --combined: the bid package in one file besides its separate documents (#16 item 5).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { templatesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';
import { missingTools, pdfinfo, pdftotext } from '../helpers/tools.js';

const note = missingTools(['pdftotext', 'pdfinfo']);
const sample = join(templatesDir, 'samples', 'bid-package-sample.json');

async function cli(...argv: string[]) {
  const lines: string[] = [];
  const code = await run(
    argv,
    (s) => lines.push(s),
    (s) => lines.push(s),
  );
  return { code, all: lines.join('\n') };
}

describe('bidforge render --combined', () => {
  it('写出每份文件，另加一份“<项目>-投标文件.pdf”：一个封面、一个目录，页码分部分时每部分从第 1 页起', async (ctx) => {
    ctx.skip(!!note, note);
    const out = tempDir();
    const r = await cli('render', sample, '--out', out, '--format', 'pdf', '--combined', '--page-numbers', 'per-part');
    expect(r.code, r.all).toBe(0);
    const files = readdirSync(out);
    const combined = files.filter((f) => f.endsWith('-投标文件.pdf'));
    expect(combined).toHaveLength(1);
    // The five documents of the package, each on its own, besides.
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(6);
    const text = await pdftotext(join(out, combined[0]!), 'layout');
    const firsts = text.split('\f').filter((p) => /第\s*1\s*页/.test(p));
    expect(firsts).toHaveLength(5);
    expect(Number((await pdfinfo(join(out, combined[0]!))).Pages)).toBeGreaterThan(5);
  }, 120_000);

  it('--page-numbers 只接受 continuous 或 per-part，否则退出码 2', async () => {
    const r = await cli('render', sample, '--out', tempDir(), '--combined', '--page-numbers', 'roman');
    expect(r.code).toBe(2);
    expect(r.all).toContain('continuous | per-part');
  });
});
