// An old Word (.doc) or WPS (.wps) file → DOCX through LibreOffice, when `soffice` is installed (no library reads
// those binary formats). Run headless with a profile of its own in a temporary folder, so a LibreOffice the user has
// open is not disturbed, and bounded in time; the folder is removed afterwards.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { wordError } from './read.js';

export const CONVERT_TIMEOUT_MS = 120_000;

/** The DOCX LibreOffice makes of the file, or undefined when LibreOffice is not installed. */
export async function convertOldWord(bytes: Uint8Array, fileName: string): Promise<Uint8Array | undefined> {
  const program = process.env.BIDFORGE_SOFFICE || 'soffice';
  const dir = await mkdtemp(join(tmpdir(), 'bidforge-word-'));
  try {
    const ext = /\.(doc|wps|wpt|dot)$/i.exec(fileName)?.[0] ?? '.doc';
    const input = join(dir, `input${ext}`);
    await writeFile(input, bytes);
    const ran = await new Promise<'ok' | 'missing' | Error>((done) =>
      execFile(
        program,
        [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'docx',
          '--outdir',
          dir,
          input,
        ],
        { timeout: CONVERT_TIMEOUT_MS, killSignal: 'SIGKILL' },
        (e) => done(!e ? 'ok' : (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : e),
      ),
    );
    if (ran === 'missing') return undefined;
    const out = await readFile(join(dir, 'input.docx')).catch(() => undefined);
    if (ran !== 'ok' || !out)
      throw wordError(
        'word_convert_failed',
        `LibreOffice 未能把 ${fileName} 转换为 DOCX：请在 Word 或 WPS 中“另存为” DOCX 后再导入`,
        { fileName },
      );
    return new Uint8Array(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
