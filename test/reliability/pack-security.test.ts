// 来自他人的条款包: a pack whose templates try prototype access, raw HTML or script, partials, or huge expansion is
// inert end to end — imported through the API into the store, used by a project, previewed and exported — not just
// when the template function is called on its own (that part is test/core/template-safety.test.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../core/api/handlers.js';
import { createLocalClient } from '../../core/api/localClient.js';
import { makePack } from '../../core/library/store/index.js';
import type { VariableDecl } from '../../core/model/variables.js';
import { templatesDir } from '../helpers/paths.js';

/** A pack replacing the built-in warranty-terms/标准 (which the sample project uses) with `body`, approved. */
const feeItems: VariableDecl = { key: 'fee_items', type: 'table', label: '收费项目', required: true, columns: [{ key: 'item', type: 'text', label: '服务项目' }, { key: 'price', type: 'money', label: '收费标准' }, { key: 'unit', type: 'text', label: '计价单位' }, { key: 'note', type: 'text', label: '说明' }] };
type Decl = VariableDecl;
const evilPack = (body: string, variables: Decl[] = []) =>
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
          variants: [{ name: '标准', version: { version: 1, body, variables: [...variables], status: 'approved', author: '外部', createdAt: '2026-11-01T00:00:00.000Z', changeNote: '外部条款包' } }],
        },
      ],
      blueprints: [],
    },
    new Date('2026-11-01T00:00:00Z'),
  );

async function importAndPreview(body: string, opts: { variables?: Decl[]; feeRows?: number } = {}) {
  const api = createLocalClient(createHandlers({ templatesDir, dataDir: mkdtempSync(join(tmpdir(), 'bf-pack-sec-')) }));
  await api.libraryApplyImport({ pack: evilPack(body, opts.variables), resolutions: { 'clause:warranty-terms/标准': 'take-theirs' } });
  const sample = (await api.openSample({ name: 'service-plan-sample' })).project;
  const row = { item: '上门服务', price: '300.00', unit: '元/次', note: '无' };
  const project = opts.feeRows ? { ...sample, values: { ...sample.values, fee_items: Array.from({ length: opts.feeRows }, () => row) } } : sample;
  const { document, problems } = await api.preview({ project });
  const text = JSON.stringify(document);
  const exported = await api.exportDocument({ project, format: 'docx' }).then(
    () => null,
    (e: { code: string; message: string }) => e,
  );
  return { text, problems, exported };
}

describe('外部条款包中的危险模板', () => {
  it.each([
    ['{{constructor}}', /constructor/],
    ['{{__proto__}}', /__proto__/],
    ['{{constructor.constructor "return process"}}', /constructor/],
    ['{{#with constructor}}{{this}}{{/with}}', /constructor/],
    ['{{lookup this "constructor"}}', /lookup/],
    ['{{{company_name}}}', /\{\{\{ \}\}\}/],
    ['{{> evil}}', /局部模板/],
    ['{{#*inline "x"}}a{{/inline}}', /局部模板|装饰器/],
    ['{{log "x"}}', /log/],
  ])('%s: imported, but the clause is refused when used — named, and nothing of it rendered', async (body, named) => {
    const { text, problems, exported } = await importAndPreview(`保修条款正文。${body}`);
    const template = problems.filter((p) => p.code === 'template');
    expect(template.map((p) => p.message).join(' ')).toMatch(named);
    expect(text).not.toContain('保修条款正文'); // the clause's text is left out, not half-rendered
    expect(text).not.toMatch(/function|\[object Object\]|native code/);
    expect(exported?.code).toBe('check_failed'); // and it blocks export
  });

  it('raw HTML and script in a clause body end up as plain text, never as markup', async () => {
    const { text, problems } = await importAndPreview('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<a href="javascript:alert(1)">点此</a>');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(text).toContain('"text":"<script>alert(1)</script>"');
    expect(text).not.toMatch(/"kind":"html"/);
  });

  it('huge expansion (a loop over a 300-row table inside a loop over it, 9 million characters) is stopped, named', async () => {
    const body = `{{#each fee_items}}{{#each ../fee_items}}${'展开'.repeat(50)}{{/each}}{{/each}}`;
    const { problems, exported } = await importAndPreview(body, { variables: [feeItems], feeRows: 300 });
    expect(problems.map((p) => p.message).join(' ')).toMatch(/模板展开后过长（\d+ 字符，上限 5000000）/);
    expect(exported?.code).toBe('check_failed');
  });

  // Found while writing the test above: the output limit is checked after Handlebars has rendered everything, so
  // nested loops over the largest allowed tables (5,000 rows) are not bounded in time — three nested {{#each}} with an
  // empty body are 1.25e11 iterations producing no output at all. core/assemble/template.ts should count iterations
  // (or output) while rendering, e.g. with a wrapped each helper, and stop at a limit.
  it.todo('three nested {{#each}} over 5,000-row tables are stopped within a second');

  // Found while writing this file: previewing the import of a pack whose clause body was 300,000 characters did not
  // finish within 60 s (the conflict preview diffs whole bodies). Packs now refuse bodies over the template limit.
  it('a pack with a 300,000-character body is refused (naming the length) within seconds, and changes nothing', async () => {
    const api = createLocalClient(createHandlers({ templatesDir, dataDir: mkdtempSync(join(tmpdir(), 'bf-pack-long-')) }));
    const before = await api.libraryClause({ clauseId: 'warranty-terms' });
    const started = Date.now();
    const pack = evilPack('条'.repeat(300_000));
    await expect(api.libraryPreviewImport({ pack })).rejects.toThrow(/200000/);
    await expect(api.libraryApplyImport({ pack, resolutions: { 'clause:warranty-terms/标准': 'take-theirs' } })).rejects.toThrow(/200000/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await api.libraryClause({ clauseId: 'warranty-terms' })).toEqual(before);
  }, 30_000);

  // Not done yet: a pack with such templates could be refused at import (previewImport listing why), so that it never
  // reaches the store. Today it is imported and made inert when used, as the tests above show.
  it.todo('previewImport lists a pack clause whose template uses a forbidden construct, and applyImport refuses it');
});
