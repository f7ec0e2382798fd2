// bidforge cards: a data file (CSV in UTF-8 or GBK, or XLSX) → warranty cards in one batch file, and per card on request.
import { resolve } from 'node:path';
import { runCards } from '../core/cards/run.js';
import type { CardLayout } from '../core/cards/card.js';
import type { CardFormat } from '../core/cards/files.js';
import { parseMapping } from '../core/cards/fields.js';
import { formatProblem } from '../core/model/problem.js';

export type CardsArgs = { dataFile?: string; out?: string; template?: string; layout?: string; format?: string; perCard: boolean; namePattern?: string; qr: boolean; json: boolean; map?: string };

/** 0: every row exported; 1: some rows had errors (the valid ones were still exported); BidForgeError → 2 upstream. */
export async function cardsCommand(a: CardsArgs, out: (s: string) => void, err: (s: string) => void): Promise<number | string> {
  if (!a.dataFile) return 'cards: which data file? (bidforge cards <data.csv|data.xlsx> --out <dir>)';
  if (!a.out) return 'cards: say where to write with --out <dir>';
  const result = await runCards({
    dataFile: a.dataFile,
    outDir: a.out,
    templateFile: a.template,
    layout: a.layout as CardLayout | undefined,
    format: a.format as CardFormat | 'both' | undefined,
    perCard: a.perCard,
    namePattern: a.namePattern,
    qr: a.qr,
    // --map "serial=机器码,date=开票日期" overrides the automatic header recognition for the named fields.
    mapping: a.map === undefined ? undefined : parseMapping(a.map),
  });
  if (a.json) out(JSON.stringify(result, null, 2));
  else {
    for (const p of result.problems) err(formatProblem({ ...p, file: a.dataFile }));
    out(`${result.cards} cards; wrote ${result.written.length} file(s):`);
    for (const f of result.written.slice(0, 20)) out(`  ${resolve(f)}`);
    if (result.written.length > 20) out(`  … and ${result.written.length - 20} more`);
  }
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
