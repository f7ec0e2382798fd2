// A pack's author and reviewer names are written by whoever made the pack: the import preview shows them the way it shows
// the signer's — NFKC, each invisible character (right-to-left override, zero-width space …) as [U+XXXX], cut at 100
// characters — in the API's preview (what 条款库's import dialog lists) and in `bidforge library import --dry-run`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { ephemeralSigningKey, publicKeyText, signPack } from '@core/library/packSigning.js';
import { type BidForgePack, makePack, PACK_PERSON_SHOWN, showPackPerson } from '@core/library/store/pack.js';
import { templatesDir } from '../helpers/paths.js';

const AUTHOR = '法务\u202E部门'; // reads 法务门部 with the override applied
const REVIEWER = '\u200B法务负责人';

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await run(
    args,
    (s) => out.push(s),
    (s) => out.push(s),
  );
  return { code, text: out.join('\n') };
}

/**
 * A pack exported from a library, its versions revised and their author and reviewer written as a hostile maker would, signed by a
 * key the importing library (dir/branch) trusts — an untrusted pack's versions arrive as drafts, with no reviewer.
 */
async function hostilePack(dir: string): Promise<string> {
  const source = join(dir, 'legal');
  const file = join(dir, 'legal.bfpack.json');
  const r = await cli('library', 'export', '--out', file, '--clauses', 'warranty-terms', '--data', source);
  expect(r.code, r.text).toBe(0);
  const pack = JSON.parse(readFileSync(file, 'utf8')) as BidForgePack;
  for (const c of pack.payload.clauses)
    for (const v of c.variants)
      Object.assign(v.version, { author: AUTHOR, reviewer: REVIEWER, body: `${v.version.body}\n法务部修订本条款。\n` });
  const key = ephemeralSigningKey();
  writeFileSync(file, JSON.stringify(signPack(makePack(pack.payload, new Date(pack.createdAt)), key, '法务部')));
  const keyFile = join(dir, 'legal.key.txt');
  writeFileSync(keyFile, publicKeyText(key.publicKey, '法务部'));
  const trusted = await cli('library', 'trust', 'add', '法务部', keyFile, '--data', join(dir, 'branch'));
  expect(trusted.code, trusted.text).toBe(0);
  return file;
}

describe('作者、审核人名称在导入预览中可见地转义', () => {
  it('showPackPerson: invisible characters as [U+XXXX], NFKC, at most 100 characters', () => {
    expect(showPackPerson(AUTHOR)).toBe('法务[U+202E]部门');
    expect(showPackPerson(REVIEWER)).toBe('[U+200B]法务负责人');
    expect(showPackPerson('ＡＢＣ')).toBe('ABC');
    expect(showPackPerson('长'.repeat(1000))).toBe(`${'长'.repeat(PACK_PERSON_SHOWN)}…`);
    expect(showPackPerson(undefined)).toBeUndefined();
  });

  it('the API preview (the import dialog) and the CLI dry run show the escaped names, never the raw characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bf-pack-people-'));
    const file = await hostilePack(dir);
    const api = createLocalClient(createHandlers({ templatesDir, dataDir: join(dir, 'branch') }));
    const preview = await api.libraryPreviewImport({ pack: JSON.parse(readFileSync(file, 'utf8')) });
    expect(preview.items.length).toBeGreaterThan(0);
    for (const i of preview.items.filter((x) => x.kind === 'clause')) {
      expect(i.theirs.author).toBe('法务[U+202E]部门');
      expect(i.theirs.reviewer).toBe('[U+200B]法务负责人');
    }

    for (const lang of ['zh', 'en']) {
      const dry = await cli('library', 'import', file, '--dry-run', '--data', join(dir, 'branch'), '--lang', lang);
      expect(dry.code, dry.text).toBe(0);
      expect(dry.text).toContain(lang === 'zh' ? '作者：法务[U+202E]部门' : 'author: 法务[U+202E]部门');
      expect(dry.text).toContain(lang === 'zh' ? '审核人：[U+200B]法务负责人' : 'reviewer: [U+200B]法务负责人');
      expect(dry.text).not.toMatch(/[\u202E\u200B]/);
    }
  });
});
