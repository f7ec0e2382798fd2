// The tender reader's workload for npm run bench: a generated 200-page tender PDF (the test fixture's chapters,
// repeated), made in one process and read in another, so the reading process's peak RSS is its own.
import { readFileSync, writeFileSync } from 'node:fs';

export const TENDER_PAGES = 200;

/** Writes the input: the fixture tender's content repeated, with page breaks, until it has TENDER_PAGES pages. */
export async function writeTenderPdf(file: string): Promise<number> {
  const { TENDER, tenderPdf } = await import('../test/tender/fixture.js');
  const parts = TENDER.filter((p) => !('spacer' in p));
  let copies = 40;
  let bytes = await tenderPdf(Array.from({ length: copies }, () => [...parts, { pageBreak: true as const }]).flat(), 0);
  const pagesOf = (b: Uint8Array) =>
    (
      Buffer.from(b)
        .toString('latin1')
        .match(/\/Type\s*\/Page[^s]/g) ?? []
    ).length;
  // Scale to the page count (each copy is a few pages).
  copies = Math.round((copies * TENDER_PAGES) / pagesOf(bytes));
  bytes = await tenderPdf(Array.from({ length: copies }, () => [...parts, { pageBreak: true as const }]).flat(), 0);
  writeFileSync(file, bytes);
  return pagesOf(bytes);
}

/** Reads the file `runs` times after a warm-up; the times sorted, and what the last reading found. */
export async function readTenderTimes(
  file: string,
  runs: number,
): Promise<{ times: number[]; pages: number; rows: number }> {
  const { readTender } = await import('../core/tender/read.js');
  const bytes = new Uint8Array(readFileSync(file));
  let last = await readTender(bytes, 'bench.pdf');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await readTender(bytes, 'bench.pdf');
    times.push(performance.now() - t);
  }
  return { times: times.sort((a, b) => a - b), pages: last.pages, rows: last.rows.length };
}
