// npm run snapshots: pages 1–3 of each sample's PDF and of LibreOffice's conversion of its DOCX, as PNGs side by
// side in snapshots/<sample>/ (plus snapshots/index.html), so a person can look at both routes at once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from '../core/api/handlers.js';
import { exportDocx } from '../core/export/docx.js';
import { exportPdf } from '../core/export/pdf.js';
import { combineDocuments } from '../core/package/combine.js';

const root = resolve(import.meta.dirname, '..');
const templatesDir = join(root, 'templates');
const out = join(root, 'snapshots');
const PAGES = 3;
/** Folder suffix of the GB/T 9704 variant (no '@' or spaces: image tools read those specially). */
const GBT = '-gbt9704';
/** Folder suffix of a bid package exported as one file. */
const COMBINED = '-combined';

async function main() {
  const api = createHandlers({ templatesDir });
  const names = readdirSync(join(templatesDir, 'samples'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    // One sample again in the GB/T 9704 profile, with 正本 and the per-page seal box, to see the other profile.
    .flatMap((n) => (n === 'service-plan-sample' ? [n, `${n}${GBT}`] : [n]))
    // The bid package again as one file (合订本): its cover, its 目录 over every part, its first page.
    .flatMap((n) => (n === 'bid-package-sample' ? [n, `${n}${COMBINED}`] : [n]));
  rmSync(out, { recursive: true, force: true });
  const docxFiles: string[] = [];
  for (const name of names) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    if (name.endsWith(COMBINED)) {
      const { project } = await api.openSample({ name: name.slice(0, -COMBINED.length) });
      const parts = [];
      for (const document of project.documents ?? []) parts.push((await api.preview({ project, document })).document);
      const pkg = combineDocuments(parts, 'continuous');
      writeFileSync(join(dir, `${name}.pdf`), await exportPdf(pkg));
      writeFileSync(join(dir, `${name}.docx`), await exportDocx(pkg));
      docxFiles.push(join(dir, `${name}.docx`));
      continue;
    }
    const [sample, profile] = name.endsWith(GBT) ? [name.slice(0, -GBT.length), 'gbt9704'] : [name];
    const { project } = await api.openSample({ name: sample! });
    const typeset = profile
      ? { ...project, typesetting: { profile: 'gbt9704' as const, copyMark: '正本' as const, sealEveryPage: true } }
      : project;
    const { document } = await api.preview({ project: typeset });
    writeFileSync(join(dir, `${name}.pdf`), await exportPdf(document));
    writeFileSync(join(dir, `${name}.docx`), await exportDocx(document));
    docxFiles.push(join(dir, `${name}.docx`));
  }
  // One LibreOffice start for all samples (it takes most of the time); a private profile avoids clashing with a running office.
  const lo = join(out, '.libreoffice');
  const profile = mkdtempSync(join(tmpdir(), 'bidforge-snap-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        lo,
        ...docxFiles,
      ],
      { stdio: 'ignore', timeout: 300_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const rows: string[] = [];
  for (const name of names) {
    const dir = join(out, name);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      String(PAGES),
      '-png',
      join(dir, `${name}.pdf`),
      join(dir, 'pdf'),
    ]);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      String(PAGES),
      '-png',
      join(lo, `${name}.pdf`),
      join(dir, 'docx-via-libreoffice'),
    ]);
    // pdftoppm pads page numbers to the page count's width (pdf-01.png): name them pdf-1.png … in every folder alike.
    for (const f of readdirSync(dir)) {
      const m = /^(.*-)0+(\d+)\.png$/.exec(f);
      if (m) renameSync(join(dir, f), join(dir, `${m[1]}${m[2]}.png`));
    }
    const pngs = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    const pair = (n: number) =>
      [`pdf-${n}.png`, `docx-via-libreoffice-${n}.png`]
        .filter((f) => pngs.includes(f))
        .map((f) => `<img src="${name}/${f}" title="${f}">`)
        .join('');
    rows.push(`<h2>${name}</h2>${Array.from({ length: PAGES }, (_, i) => `<div>${pair(i + 1)}</div>`).join('')}`);
    console.log(
      `${name}: ${pngs.length} PNGs in snapshots/${name}/ (pdf-N.png = our PDF, docx-via-libreoffice-N.png = the DOCX)`,
    );
  }
  rmSync(lo, { recursive: true, force: true });
  writeFileSync(
    join(out, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>BidForge snapshots</title><style>img{border:1px solid #ccc;margin:4px}</style><p>Left: our PDF. Right: LibreOffice's PDF of our DOCX.</p>${rows.join('\n')}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
