// A new project holds no figure nobody typed: `new` writes the clauses' wordings and 设置's company, never their
// suggested times, counts, amounts or dates; `check` then names every figure the clauses suggest, by its label.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clausesOf } from '@core/assemble/assemble.js';
import { collectDeclarations, isFigure, isSuggested, newProjectValues } from '@core/assemble/values.js';
import { checkProject } from '@core/package/index.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import type { Library } from '@core/model/library.js';
import { parseProject } from '@core/project/parse.js';
import { SettingsStore } from '@core/settings/index.js';
import type { VariableDecl } from '@core/model/variables.js';
import { runCli } from '../helpers/cli.js';
import { templatesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';
import { assembleOne } from '../helpers/library.js';

const COMPANY = { name: '滨江恒信机电工程有限公司', hotline: '400-800-9000', address: '杭州市滨江区江南大道 100 号' };
// Those whose clauses suggest figures (the warranty card's suggest none).
const BLUEPRINTS = ['service-plan', 'service-plan-full', 'commitment-letter', 'install-agreement'];

let lib: Library;
let data: string;
beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
  data = tempDir('bf-new-figures-');
  await new SettingsStore({ dataDir: data }).save({ company: COMPANY });
});

function declsOf(blueprint: string): Map<string, VariableDecl> {
  const bp = lib.blueprints.find((b) => b.id === blueprint)!;
  return collectDeclarations(
    clausesOf(bp, lib).flatMap((s) => s.clauses),
    [],
  );
}

/** A value that reads as a figure, whatever its key: a number, a duration, an amount or a day. */
const looksLikeFigure = (v: unknown): boolean =>
  typeof v === 'number' ||
  (typeof v === 'string' && (/^\d+(\.\d+)?$/.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v))) ||
  (!!v && typeof v === 'object' && !Array.isArray(v) && 'unit' in v);

describe('bidforge new: no figure nobody typed', () => {
  it.each(BLUEPRINTS)('%s: no figure in the file; wordings and 设置’s company kept', async (blueprint) => {
    const file = join(tempDir('bf-new-'), `${blueprint}.json`);
    const r = await runCli(['new', blueprint, '--out', file, '--data', data, '--lang', 'zh']);
    expect(r.code, r.all).toBe(0);
    const project = JSON.parse(readFileSync(file, 'utf8')) as { values: Record<string, unknown> };
    const decls = declsOf(blueprint);
    // The clauses do suggest figures (else this test proves nothing) …
    expect([...decls.values()].some((d) => isFigure(d) && d.default !== undefined)).toBe(true);
    // … and none of them reached the file, under any key.
    for (const [key, v] of Object.entries(project.values)) {
      expect(looksLikeFigure(v), `${key}: ${JSON.stringify(v)}`).toBe(false);
      expect(isFigure(decls.get(key)!), key).toBe(false);
    }
    // Defaults that are wordings stay (not an example's: test/cli/new-examples.test.ts); 设置's company fills its fields.
    for (const [key, d] of decls)
      if (d.default !== undefined && !isSuggested(d)) expect(project.values[key], key).toEqual(d.default);
    const company = Object.values(project.values).filter((v) => Object.values(COMPANY).includes(v as string));
    if (decls.has('company_name') || decls.has('party_b_name')) expect(company.length).toBeGreaterThan(0);
  });

  it('check on a fresh service plan names every figure the clauses suggest, by its label, in both languages', async () => {
    const file = join(tempDir('bf-new-'), 'plan.json');
    expect((await runCli(['new', 'service-plan', '--out', file, '--data', data])).code).toBe(0);
    const figures = [...declsOf('service-plan').values()].filter((d) => isFigure(d) && d.default !== undefined);
    expect(figures.map((d) => d.label)).toEqual(expect.arrayContaining(['电话响应时间', '现场到达时间']));
    const zh = await runCli(['check', file, '--data', data, '--lang', 'zh']);
    const en = await runCli(['check', file, '--data', data, '--lang', 'en']);
    for (const d of figures) {
      expect(zh.all).toContain(`「${d.label}」`);
      expect(en.all).toContain(`“${d.label}”`);
    }
    expect(en.all).toContain('to make it, fill in the figure');
  });

  it('a required figure left blank is an error by its label, and blocks the export', async () => {
    const file = join(tempDir('bf-new-'), 'agreement.json');
    expect((await runCli(['new', 'install-agreement', '--out', file, '--data', data])).code).toBe(0);
    const r = await runCli(['check', file, '--data', data, '--lang', 'zh']);
    expect(r.code).toBe(1);
    for (const label of ['单台安装费', '付款期限', '返工整改时限', '安装后通电试运行时长'])
      expect(r.all).toMatch(new RegExp(`错误：.*缺少必填变量「${label}」的值`));
    const out = tempDir('bf-new-out-');
    expect((await runCli(['render', file, '--out', out, '--data', data])).code).toBe(1);
  });

  it('a figure typed is no longer asked for; one not promised in 承诺 is not asked either', () => {
    const decls = declsOf('commitment-letter');
    const base = parseProject(
      {
        schema: 1,
        name: 'l',
        title: '承诺书',
        blueprint: 'commitment-letter',
        date: '2026-12-01',
        values: newProjectValues(decls),
      },
      'test',
    );
    const asked = (p: typeof base) =>
      checkProject(p, lib)
        .filter((x) => x.code === 'undecided_figure')
        .map((x) => x.field);
    expect(asked(base)).toContain('values.response_time');
    expect(asked({ ...base, values: { ...base.values, response_time: { value: 30, unit: '分钟' } } })).not.toContain(
      'values.response_time',
    );
    // With facts of its own, 承诺 says what is offered: its keys are decided there.
    expect(asked({ ...base, commitments: [] })).not.toContain('values.response_time');
  });
});

describe('which variables are figures', () => {
  it('times, counts, amounts, rates and days are; a choice only when it is a fact’s figure (电话回访周期)', () => {
    const figure = (key: string, type: VariableDecl['type']) => isFigure({ key, type });
    for (const type of ['integer', 'number', 'money', 'percent', 'date', 'duration'] as const)
      expect(figure('x', type), type).toBe(true);
    for (const type of ['text', 'multiline', 'list', 'table', 'boolean', 'choice'] as const)
      expect(figure('x', type), type).toBe(false);
    expect(figure('phone_check_cycle', 'choice')).toBe(true);
    // The warranty's start is a wording of the clause (验收合格之日), its months are the figure.
    expect(figure('warranty_start', 'choice')).toBe(false);
    expect(figure('dispute_method', 'choice')).toBe(false);
  });
});

describe('an optional figure a clause prints without {{#if}}', () => {
  it('is asked for by its label, never printed blank nor named by its key', () => {
    const a = assembleOne(
      '接到通知后{{onsite_arrival}}内到达现场。',
      [{ key: 'onsite_arrival', type: 'duration', label: '现场到达时间', required: false }],
      {},
    );
    const p = a.problems.filter((x) => x.severity === 'error');
    expect(p).toEqual([
      expect.objectContaining({
        code: 'missing_value',
        field: 'values.onsite_arrival',
        params: { label: '现场到达时间' },
      }),
    ]);
  });
});
