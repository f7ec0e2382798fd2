// External programs (poppler, LibreOffice): presence checks and thin wrappers.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Which of the tools are missing. On CI (CI=true) a missing tool is a failure, not a skip.
 * Returns a note to pass to ctx.skip() when something is missing, or undefined when all are there.
 */
export function missingTools(names: string[]): string | undefined {
  const missing = names.filter((n) => !hasCommand(n));
  if (!missing.length) return undefined;
  const note = `${missing.join(', ')} not installed: skipping`;
  if (process.env.CI === 'true') throw new Error(`${missing.join(', ')} must be installed when CI=true`);
  console.warn(note);
  return note;
}

/**
 * Text of a PDF; pages are separated by \f. "layout" keeps the page's visual layout, "raw" keeps content-stream
 * order (a table cell's wrapped lines stay together), "plain" is pdftotext's default reading order.
 */
export async function pdftotext(file: string, mode: 'layout' | 'raw' | 'plain' = 'plain'): Promise<string> {
  const flags = mode === 'plain' ? [] : [`-${mode}`];
  const { stdout } = await run('pdftotext', [...flags, '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  return stdout;
}

/** Drops running header lines (exactly the given title) and footer lines (第 X 页 共 Y 页), so sentences that cross a page join up. */
export function withoutRunningHeads(text: string, title: string): string {
  return text
    .split(/\n|\f/)
    .filter((l) => l.trim() !== title && !/^\s*第\s*\d+\s*页\s*共\s*\d+\s*页\s*$/.test(l))
    .join('\n');
}

/** pdfinfo as a key → value map (Title, Pages, …). */
export async function pdfinfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export type PdfFont = { name: string; type: string; emb: boolean; sub: boolean };

/** pdffonts rows. Columns are located by the dashes line, so names and types with spaces parse. */
export async function pdffonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  const lines = stdout.split('\n');
  const dashIdx = lines.findIndex((l) => /^-+ -+/.test(l));
  if (dashIdx < 0) return [];
  const header = lines[dashIdx - 1] ?? '';
  const cols: [number, number][] = [];
  const re = /-+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lines[dashIdx]!))) cols.push([m.index, m.index + m[0].length]);
  const cell = (l: string, i: number) => l.slice(cols[i]![0], i + 1 < cols.length ? cols[i + 1]![0] : undefined).trim();
  const names = cols.map((_, i) => cell(header, i));
  const at = (name: string) => names.indexOf(name);
  return lines
    .slice(dashIdx + 1)
    .filter((l) => l.trim())
    .map((l) => ({
      name: cell(l, at('name')),
      type: cell(l, at('type')),
      emb: cell(l, at('emb')) === 'yes',
      sub: cell(l, at('sub')) === 'yes',
    }));
}

/** Converts a DOCX to PDF with LibreOffice, using a private profile so parallel runs do not clash. */
export async function sofficeToPdf(docx: string, outDir: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'bidforge-lo-profile-'));
  try {
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        docx,
      ],
      {
        timeout: 120_000,
        maxBuffer: 16 << 20,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(docx).replace(/\.docx$/i, '.pdf'));
}
