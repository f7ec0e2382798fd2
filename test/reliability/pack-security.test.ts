// 来自他人的条款包: a pack whose templates try prototype access, raw HTML or script, partials, or huge expansion is
// refused at import or inert end to end — imported through the API into the store, used by a project, previewed and
// exported — not just when the template function is called on its own (that part is test/core/template-safety.test.ts
// and test/assemble/template-budget.test.ts).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { MAX_OUTPUT_CHARS } from '@core/assemble/template.js';
import { ephemeralSigningKey, signPack } from '@core/library/packSigning.js';
import { canonicalJson, makePack, type BidForgePack } from '@core/library/store/index.js';
import { sha256 } from '@core/library/store/pack.js';
import { TRUSTED_SIGNERS_FILE } from '@core/settings/trust.js';
import type { VariableDecl } from '@core/model/variables.js';
import { templatesDir } from '../helpers/paths.js';

/** A pack replacing the built-in warranty-terms/逐项承诺 (which the sample project uses) with `body`, approved. */
const feeItems: VariableDecl = {
  key: 'fee_items',
  type: 'table',
  label: '收费项目',
  required: true,
  columns: [
    { key: 'item', type: 'text', label: '服务项目' },
    { key: 'price', type: 'money', label: '收费标准' },
    { key: 'unit', type: 'text', label: '计价单位' },
    { key: 'note', type: 'text', label: '说明' },
  ],
};
type Decl = VariableDecl;
/** The packs come from a colleague whose key the library trusts: they arrive approved, so the templates are used. */
const colleague = ephemeralSigningKey();
const evilPack = (body: string, variables: Decl[] = [], status: 'approved' | 'in_review' | 'draft' = 'approved') =>
  signed(
    makePack(
      {
        clauses: [
          {
            id: 'warranty-terms',
            category: '保修',
            title: '保修条款',
            tags: [],
            docTypes: ['service-plan'],
            owner: '外部',
            reviewIntervalMonths: 12,
            variants: [
              {
                name: '逐项承诺',
                version: {
                  version: 1,
                  body,
                  variables: [...variables],
                  status,
                  author: '外部',
                  createdAt: '2026-11-01T00:00:00.000Z',
                  changeNote: '外部条款包',
                },
              },
            ],
          },
        ],
        blueprints: [],
      },
      new Date('2026-11-01T00:00:00Z'),
    ),
  );

function signed(pack: BidForgePack): BidForgePack {
  return signPack(pack, colleague, '外部法务');
}

const newApi = () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bf-pack-sec-'));
  const signers = [{ name: '外部法务', publicKey: colleague.publicKey, addedAt: '2026-11-01T00:00:00.000Z' }];
  writeFileSync(join(dataDir, TRUSTED_SIGNERS_FILE), JSON.stringify({ schema: 1, signers }));
  return createLocalClient(createHandlers({ templatesDir, dataDir }));
};
type Api = ReturnType<typeof newApi>;
const takeTheirs = { 'clause:warranty-terms/逐项承诺': 'take-theirs' } as const;
const failure = (e: { code: string; message: string }) => e;

/** The sample project (which uses warranty-terms/逐项承诺), its fee table optionally grown to `feeRows` rows. */
async function sampleProject(api: Api, feeRows?: number) {
  const sample = (await api.openSample({ name: 'service-plan-sample' })).project;
  const row = { item: '上门服务', price: '300.00', unit: '元/次', note: '无' };
  return feeRows
    ? { ...sample, values: { ...sample.values, fee_items: Array.from({ length: feeRows }, () => row) } }
    : sample;
}

async function previewAndExport(api: Api, feeRows?: number) {
  const project = await sampleProject(api, feeRows);
  const { document, problems } = await api.preview({ project });
  const text = JSON.stringify(document);
  const exported = await api.exportDocument({ project, format: 'docx' }).then(() => null, failure);
  return { text, problems, exported };
}

async function importAndPreview(body: string, opts: { variables?: Decl[]; feeRows?: number } = {}) {
  const api = newApi();
  await api.libraryApplyImport({ pack: evilPack(body, opts.variables), resolutions: takeTheirs });
  return previewAndExport(api, opts.feeRows);
}

/**
 * The same body written by someone in this library: saved as a draft, refused by submit ('bad_template'), and then
 * marked approved in library.json, as a BidForge from before that check could have left it. No pack, so no import
 * check: the render-time guard is the protection there.
 */
async function approveAndPreview(body: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bf-pack-sec-'));
  const api = createLocalClient(createHandlers({ templatesDir, dataDir }));
  const by = '法务部';
  const ref = await api.libraryEdit({
    clauseId: 'warranty-terms',
    variant: '逐项承诺',
    body,
    changeNote: '本地修改',
    by,
  });
  await expect(api.librarySubmit({ ref, by })).rejects.toMatchObject({ code: 'bad_template' });
  const path = join(dataDir, 'library.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    clauses: { id: string; variants: { name: string; versions: Record<string, unknown>[] }[] }[];
  };
  const v = data.clauses.find((c) => c.id === ref.clauseId)!.variants.find((x) => x.name === ref.variant)!.versions[
    ref.version - 1
  ]!;
  Object.assign(v, { status: 'approved', reviewer: by, decidedAt: '2026-11-02T00:00:00.000Z' });
  writeFileSync(path, JSON.stringify(data, null, 2));
  return previewAndExport(api);
}

/** Bodies no pack may carry; each with the part of the refusal that names it. */
const FORBIDDEN: [string, RegExp][] = [
  ['{{constructor}}', /constructor/],
  ['{{__proto__}}', /__proto__/],
  ['{{constructor.constructor "return process"}}', /constructor/],
  ['{{#with constructor}}{{this}}{{/with}}', /constructor/],
  ['{{lookup this "constructor"}}', /lookup/],
  ['{{{company_name}}}', /\{\{\{ \}\}\}/],
  ['{{> evil}}', /局部模板/],
  ['{{#*inline "x"}}a{{/inline}}', /局部模板|装饰器/],
  ['{{log "x"}}', /log/],
];

describe('外部条款包中的危险模板', () => {
  it.each(FORBIDDEN)(
    '%s: a pack carrying it is refused by previewImport and applyImport, naming the clause and why; nothing changes',
    async (body, named) => {
      const api = newApi();
      const before = await api.libraryClause({ clauseId: 'warranty-terms' });
      const pack = evilPack(`保修条款正文。${body}`);
      const previewed = await api.libraryPreviewImport({ pack }).then(() => null, failure);
      expect(previewed?.code).toBe('bad_pack');
      expect(previewed?.message).toContain('条款 warranty-terms/逐项承诺 第 1 版');
      expect(previewed?.message).toMatch(named);
      const applied = await api.libraryApplyImport({ pack, resolutions: takeTheirs }).then(() => null, failure);
      expect(applied?.code).toBe('bad_pack');
      expect(applied?.message).toMatch(named);
      expect(await api.libraryClause({ clauseId: 'warranty-terms' })).toEqual(before);
    },
  );

  // Packs can no longer bring these bodies, and submit/approve refuse them, but a library written before those checks
  // may still hold an approved one, so the render-time guard stays the protection there.
  it.each(FORBIDDEN)(
    '%s: approved in the library itself (before submit checked it), the clause is refused when used — named, and nothing of it rendered',
    async (body, named) => {
      const { text, problems, exported } = await approveAndPreview(`保修条款正文。${body}`);
      const template = problems.filter((p) => p.code === 'template');
      expect(template.map((p) => p.message).join(' ')).toMatch(named);
      expect(text).not.toContain('保修条款正文'); // the clause's text is left out, not half-rendered
      expect(text).not.toMatch(/function|\[object Object\]|native code/);
      expect(exported?.code).toBe('check_failed'); // and it blocks export
    },
  );

  it('raw HTML and script in a clause body end up as plain text, never as markup', async () => {
    const { text, problems } = await importAndPreview(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:alert(1)">点此</a>',
    );
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(text).toContain('"text":"<script>alert(1)</script>"');
    expect(text).not.toMatch(/"kind":"html"/);
  });

  it('huge expansion (a loop over a 300-row table inside a loop over it, 9 million characters) is stopped, named', async () => {
    const body = `{{#each fee_items}}{{#each ../fee_items}}${'展开'.repeat(50)}{{/each}}{{/each}}`;
    const { problems, exported } = await importAndPreview(body, { variables: [feeItems], feeRows: 300 });
    expect(problems.map((p) => p.message).join(' ')).toMatch(
      new RegExp(`模板展开后过长（\\d+ 字符，上限 ${MAX_OUTPUT_CHARS}）`),
    );
    expect(exported?.code).toBe('check_failed');
  });

  // The output limit alone was checked after Handlebars had rendered everything, so nested loops over the largest
  // allowed tables (5,000 rows) were not bounded in time: three nested {{#each}} with an empty body are 1.25e11
  // iterations producing no output at all. Rendering now counts loop steps as it goes.
  it('three nested {{#each}} over 5,000-row tables are stopped within a second, naming the limit', async () => {
    const api = newApi();
    // @root, not ../../: Handlebars does not stack a context equal to the one above, so ../../ can run off the top.
    const body = '{{#each fee_items}}{{#each @root.fee_items}}{{#each @root.fee_items}}{{/each}}{{/each}}{{/each}}';
    await api.libraryApplyImport({ pack: evilPack(body, [feeItems]), resolutions: takeTheirs });
    const project = await sampleProject(api, 5000);
    const started = Date.now();
    const { problems } = await api.preview({ project });
    const elapsed = Date.now() - started;
    expect(
      problems
        .filter((p) => p.code === 'template')
        .map((p) => p.message)
        .join(' '),
    ).toMatch(/模板循环次数过多（超过 1000000 次）/);
    expect(elapsed).toBeLessThan(30_000); // ~0.5 s here; unbounded it would run for hours (speed is the bench's to measure)
    expect((await api.exportDocument({ project, format: 'docx' }).then(() => null, failure))?.code).toBe(
      'check_failed',
    );
  }, 30_000);

  it('a single loop over a 5,000-row table with helpers, @index/@first/@last and ../ inside still renders in full', async () => {
    const body = [
      '{{#each fee_items}}',
      '{{@index}}号 {{item}} {{price}}（{{rmb price}}）{{#if @first}}首行{{/if}}{{#if @last}}末行{{/if}} 年费{{../annual_fee}}',
      '',
      '{{else}}无收费项目{{/each}}',
      '合计{{sum fee_items "price"}}，共{{cn (sum fee_items "price")}}元。',
    ].join('\n');
    const api = newApi();
    await api.libraryApplyImport({
      pack: evilPack(body, [feeItems, { key: 'annual_fee', type: 'money', label: '年费', required: true }]),
      resolutions: takeTheirs,
    });
    const { document, problems } = await api.preview({ project: await sampleProject(api, 5000) });
    const text = JSON.stringify(document);
    expect(problems.filter((p) => p.code === 'template')).toEqual([]);
    expect(text).toContain('0号 上门服务 ¥300.00（人民币叁佰元整）首行');
    expect(text).toContain('4999号 上门服务 ¥300.00（人民币叁佰元整）末行');
    expect(text).toContain('合计¥1,500,000.00');
  }, 60_000);

  // Found while writing this file: previewing the import of a pack whose clause body was 300,000 characters did not
  // finish within 60 s (the conflict preview diffs whole bodies). Packs now refuse bodies over the template limit.
  it('a pack with a 300,000-character body is refused (naming the length) within seconds, and changes nothing', async () => {
    const api = newApi();
    const before = await api.libraryClause({ clauseId: 'warranty-terms' });
    const started = Date.now();
    const pack = evilPack('条'.repeat(300_000));
    await expect(api.libraryPreviewImport({ pack })).rejects.toThrow(/200000/);
    await expect(api.libraryApplyImport({ pack, resolutions: takeTheirs })).rejects.toThrow(/200000/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await api.libraryClause({ clauseId: 'warranty-terms' })).toEqual(before);
  }, 30_000);

  it('one forbidden body refuses the whole pack: its harmless clauses are not imported either', async () => {
    const api = newApi();
    const good = evilPack('正常条款。').payload.clauses[0]!;
    const bad = evilPack('{{{company_name}}}').payload.clauses[0]!;
    const pack = makePack(
      {
        clauses: [
          { ...good, id: 'pack-good' },
          { ...bad, id: 'pack-bad' },
        ],
        blueprints: [],
      },
      new Date('2026-11-01T00:00:00Z'),
    );
    await expect(api.libraryPreviewImport({ pack })).rejects.toThrow(
      /条款 pack-bad\/逐项承诺 第 1 版：模板不允许使用 \{\{\{ \}\}\} 原样输出/,
    );
    await expect(api.libraryApplyImport({ pack, resolutions: {} })).rejects.toThrow(/pack-bad/);
    expect((await api.libraryClause({ clauseId: 'pack-good' }).then(() => null, failure))?.code).toBe('not_found');
  });

  it('an approved or in-review body that does not parse is refused at import, naming the clause', async () => {
    for (const status of ['approved', 'in_review'] as const) {
      const api = newApi();
      const before = await api.libraryClause({ clauseId: 'warranty-terms' });
      const pack = evilPack('保修条款正文。{{#if x}}未闭合', [], status);
      await expect(api.libraryPreviewImport({ pack })).rejects.toThrow(
        /warranty-terms\/逐项承诺 第 1 版：模板语法错误/,
      );
      await expect(api.libraryApplyImport({ pack, resolutions: takeTheirs })).rejects.toThrow(/模板语法错误/);
      expect(await api.libraryClause({ clauseId: 'warranty-terms' })).toEqual(before);
    }
  });

  it('a half-written draft that does not parse still travels (unapproved work), and is refused when used', async () => {
    const api = newApi();
    await api.libraryApplyImport({
      pack: evilPack('保修条款正文。{{#if x}}未闭合', [], 'draft'),
      resolutions: takeTheirs,
    });
    const clause = await api.libraryClause({ clauseId: 'warranty-terms' });
    const draft = clause.variants.find((v) => v.name === '逐项承诺')!.versions.at(-1)!;
    expect(draft).toMatchObject({ status: 'draft', body: '保修条款正文。{{#if x}}未闭合' });
    // Exporting it again with unapproved work is allowed too: a draft may be half-written.
    const { pack } = await api.libraryExportPack({
      clauseIds: ['warranty-terms'],
      blueprintIds: [],
      includeUnapproved: true,
    });
    expect(JSON.stringify(pack)).toContain('{{#if x}}未闭合');
  });
});

describe('签名不可信的条款包：审批状态不随包进入本库', () => {
  const approvedBy = (p: BidForgePack) => p.payload.clauses[0]!.variants[0]!.version;

  it.each([
    ['unsigned', (p: BidForgePack) => ({ ...p, signature: undefined }), 'pack_unsigned'],
    [
      'signed by a stranger',
      (p: BidForgePack) => signPack(p, ephemeralSigningKey(), '外部法务'),
      'pack_signed_untrusted',
    ],
    [
      'edited after signing (checksum recomputed)',
      (p: BidForgePack) => {
        const t = structuredClone(p);
        approvedBy(t).body = '外来修改：保修期缩短为三个月。';
        t.checksum = sha256(canonicalJson(t.payload));
        return t;
      },
      'pack_signature_invalid',
    ],
  ])('%s: take-theirs adds a draft with no reviewer; the document keeps the approved text', async (_, change, code) => {
    const api = newApi();
    const original = evilPack('外来的保修条款：保修期缩短为三个月。');
    expect(approvedBy(original)).toMatchObject({ status: 'approved' });
    const pack = change({ ...original, payload: structuredClone(original.payload) });
    const preview = await api.libraryPreviewImport({ pack });
    expect(preview.signer).toMatchObject({ keepsApprovals: false, notice: { code } });
    const report = await api.libraryApplyImport({ pack, resolutions: takeTheirs });
    expect(report.signer!.keepsApprovals).toBe(false);
    const clause = await api.libraryClause({ clauseId: 'warranty-terms' });
    const latest = clause.variants.find((v) => v.name === '逐项承诺')!.versions.at(-1)!;
    expect(latest).toMatchObject({ status: 'draft', origin: 'pack' });
    expect(latest.reviewer).toBeUndefined();
    const { text } = await previewAndExport(api);
    expect(text).not.toContain('保修期缩短为三个月');
  });

  it('the same pack signed by the trusted colleague is used as approved (the control for the cases above)', async () => {
    const api = newApi();
    const pack = evilPack('外来的保修条款：保修期缩短为三个月。');
    expect((await api.libraryPreviewImport({ pack })).signer).toMatchObject({
      state: 'trusted',
      trustedName: '外部法务',
    });
    await api.libraryApplyImport({ pack, resolutions: takeTheirs });
    expect((await previewAndExport(api)).text).toContain('保修期缩短为三个月');
  });

  it('an exported pack is signed with the data folder’s key, and comes back to the same folder approved', async () => {
    const api = newApi();
    const { pack } = await api.libraryExportPack({ clauseIds: ['warranty-terms'], blueprintIds: [] });
    expect((pack as BidForgePack).signature).toMatchObject({ algorithm: 'Ed25519' });
    const preview = await api.libraryPreviewImport({ pack });
    expect(preview.signer).toMatchObject({ state: 'trusted', trustedName: '本机' });
    const other = newApi();
    expect((await other.libraryPreviewImport({ pack })).signer).toMatchObject({ state: 'untrusted' });
  });
});
