// The clause library's refusals (a pack that cannot be imported; a library file that cannot be locked, read or
// written) are written in Chinese with their details as params, and core/library/store/storeText.ts words each in
// English with the same details. Real refusals, from real files; the English is filled here the way
// core/i18n/problemText.ts fills a template, so this file does not depend on the table being merged there.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '@core/library/store/index.js';
import { makePack } from '@core/library/store/pack.js';
import { STORE_EN } from '@core/library/store/storeText.js';
import { SettingsStore } from '@core/settings/store.js';
import type { BidForgeError, Problem } from '@core/model/problem.js';
import {
  libraryRefusals,
  packRefusals,
  settingsRefusals,
  storeRefusals,
  templateRefusals,
} from '../helpers/storeProblems.js';
import { tempDir } from '../helpers/tmp.js';

const HAN = /\p{Script=Han}/u;

/** The English text, or undefined when a placeholder has no param (problemText then falls back to the Chinese). */
function english(p: Problem): string | undefined {
  const t = STORE_EN[p.code];
  if (!t || !p.params) return undefined;
  const template = typeof t === 'function' ? t(p.params) : t;
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (Object.hasOwn(p.params!, name)) return String(p.params![name]);
    missing = true;
    return m;
  });
  return missing ? undefined : text;
}

/** Params that hold the same thing in each language (reason / reasonEn …): the values either text may word itself. */
const WORDED = new Set([
  ...['why', 'program', 'reason', 'reasonEn', 'detail', 'detailEn', 'leftovers', 'leftoversEn', 'what', 'whatEn'],
  ...['items', 'itemsEn', 'action', 'status', 'allowed'],
]);
const worded = (k: string) => WORDED.has(k) || k.startsWith('skipped');

/** Figures, hex prefixes and paths: details a reader compares between the two languages. */
const details = (text: string) => text.match(/\/[\w.\-/]+\w|[0-9a-f]{12}|\d+(?:\.\d+)?/g) ?? [];

const packs = await packRefusals();
const stores = await storeRefusals();
const all: BidForgeError[] = [
  ...packs,
  ...stores,
  ...(await libraryRefusals()),
  ...(await settingsRefusals()),
  ...(await templateRefusals()),
];
/** Not a refusal but worded from the same table: a pack preview's warning (merge.ts), from a real preview. */
const orphan = {
  id: 'orphan',
  docType: 'service-plan' as const,
  title: '孤立蓝本',
  sections: [{ title: '保修', clauses: [{ id: 'gone', variant: '标准' }] }],
};
const previewer = await openStore({ dataDir: tempDir('bf-store-text-'), program: 'BidForge app' });
const previewWarnings = (
  await previewer.previewImport(makePack({ clauses: [], blueprints: [orphan] }, new Date('2026-05-01T08:00:00Z')))
).warnings;
await previewer.close();

describe('every refusal is Chinese in core, with its details as params', () => {
  it('covers every code of the table, and each reason of bad_pack', () => {
    expect(new Set([...all.map((e) => e.problems[0]?.code), ...previewWarnings.map((w) => w.code)])).toEqual(
      new Set(Object.keys(STORE_EN)),
    );
    expect(new Set(packs.map((e) => e.problems[0]?.params?.why))).toEqual(
      new Set(['not_json', 'format', 'envelope', 'newer', 'checksum', 'payload']),
    );
  });

  it.each(all.map((e) => [e.code, e] as const))('%s', (_, e) => {
    expect(e.message).toMatch(HAN);
    expect(e.problems).toHaveLength(1);
    const p = e.problems[0]!;
    // A damaged signing key stays a bad_key error; its problem says which key.
    expect(p.code).toBe(e.code === 'bad_key' ? 'signing_key_corrupt' : e.code);
    expect(p.message.startsWith(e.message), p.message).toBe(true); // the UIs show the problem: it says all the error does
    // Each value the Chinese interpolates and the English shows, the Chinese shows too.
    for (const [k, v] of Object.entries(p.params ?? {}))
      if (!worded(k) && english(p)?.includes(String(v))) expect(p.message, k).toContain(String(v));
  });
});

describe('the English wording (storeText.ts)', () => {
  it.each([...all.map((e) => [e.code, e.problems[0]!] as const), ...previewWarnings.map((w) => [w.code, w] as const)])(
    '%s',
    (_, p) => {
      const en = english(p);
      expect(en, p.message).toBeDefined();
      // No Chinese but inside a value (a path, a program's own name).
      const values = Object.values(p.params ?? {}).map(String);
      expect(values.reduce((s, v) => s.split(v).join(''), en!)).not.toMatch(HAN);
      // The same figures, checksum prefixes and paths as the Chinese.
      expect(details(en!).sort()).toEqual(expect.arrayContaining(details(p.message).sort()));
    },
  );

  it('names the reason of a refused pack', () => {
    const text = packs.map((e) => english(e.problems[0]!)!);
    expect(text).toContain('Not a usable BidForge pack: the file is not valid JSON (error at line 3, column 3)');
    expect(text).toContain('Not a usable BidForge pack: the file is not valid JSON (the file ends too early)');
    expect(text).toContain('Not a usable BidForge pack: its “format” is "zip", it should be “bidforge-pack”');
    expect(text).toContain(
      'Not a usable BidForge pack: it was made by a newer BidForge (pack format 7; this version reads up to 1): update BidForge to import it',
    );
    expect(text).toContainEqual(
      expect.stringMatching(
        /^Not a usable BidForge pack: its checksum does not match: the contents were changed after export \(expected [0-9a-f]{12}…, found [0-9a-f]{12}…\)$/,
      ),
    );
    expect(text).toContainEqual(
      expect.stringMatching(
        /^Not a usable BidForge pack: in its contents, clauses\.0\.id: clause ids are lower-kebab-case/,
      ),
    );
    expect(text).toContain(
      'Not a usable BidForge pack: createdAt: Invalid input: expected string, received number; checksum: expected a sha256 checksum of 64 hex digits',
    );
  });

  it('names who holds the library, on this host and on another', () => {
    const [here, far] = stores.filter((e) => e.code === 'store_locked').map((e) => e.problems[0]!);
    expect(here!.message).toMatch(/^条款库正被 BidForge 应用（进程 \d+）使用，自 \S+ 起（锁文件 \S+）$/);
    expect(english(here!)).toBe(
      `The clause library is in use by BidForge app (pid ${process.pid}) since ${here!.params!.since} (lock file ${here!.params!.file})`,
    );
    expect(far!.message).toContain('（进程 7，计算机 ');
    expect(english(far!)).toMatch(
      /^The clause library is in use by BidForge app \(pid 7 on \S+-legal\) since 2026-04-30T09:00:00.000Z/,
    );
  });

  it('gives the file system’s reason in each language', () => {
    const save = stores.find((e) => e.code === 'store_write_failed' && e.problems[0]!.params!.why === 'save')!;
    expect(save.message).toContain('磁盘已满（ENOSPC）');
    expect(english(save.problems[0]!)).toMatch(
      /^The clause library could not be saved in \S+: the disk is full \(ENOSPC\)\. library\.json was left as it was; the change was not saved\.$/,
    );
  });
});

describe('a damaged settings file (a notice the settings screen shows)', () => {
  it('says why in Chinese: where its JSON breaks, or which field is wrong', async () => {
    const reasons: string[] = [];
    for (const text of ['{"userName": "王工",\n oops', '{"userName": 5}']) {
      const dir = tempDir('bf-store-text-');
      writeFileSync(join(dir, 'settings.json'), text);
      const { notices } = await new SettingsStore({ dataDir: dir }).get();
      reasons.push(notices[0]!.reason);
    }
    expect(reasons[0]).toBe('不是有效的 JSON（第 2 行第 2 列有误）');
    expect(reasons[1]).toMatch(/^userName：类型不对：应为 字符串$/);
  });
});
