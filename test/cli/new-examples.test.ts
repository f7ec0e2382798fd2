// A new project holds no example nobody typed either: a clause marks a wording default that is a promise or this
// project's fact (服务时间, 安装设备名称, 易损易耗件范围) as "example", and `new` leaves it out as it leaves out figures;
// `check` asks for it by its label. A wording default with a digit in it must be so marked (the guard below).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clausesOf } from '@core/assemble/assemble.js';
import { collectDeclarations, isSuggested, newProjectValues } from '@core/assemble/values.js';
import type { ClauseVersion } from '@core/model/library.js';
import { Proposals } from '@core/library/wordImport/template.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import type { Library } from '@core/model/library.js';
import { type VariableDecl, wordingWithFigure } from '@core/model/variables.js';
import { problemText } from '@core/i18n/problemText.js';
import { checkProject } from '@core/package/index.js';
import { parseProject } from '@core/project/parse.js';
import { SettingsStore } from '@core/settings/index.js';
import { runCli } from '../helpers/cli.js';
import { templatesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/tmp.js';

const COMPANY = { name: '滨江恒信机电工程有限公司', hotline: '400-800-9000', address: '杭州市滨江区江南大道 100 号' };
/** The wording defaults that are promises or this project's facts, as the brief of this change named them. */
const EXAMPLES = ['service_hours', 'install_device', 'install_spec_name', 'consumables'];

let lib: Library;
let data: string;
beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
  data = tempDir('bf-new-examples-');
  await new SettingsStore({ dataDir: data }).save({ company: COMPANY });
});

const declsOf = (blueprint: string): Map<string, VariableDecl> =>
  collectDeclarations(
    clausesOf(lib.blueprints.find((b) => b.id === blueprint)!, lib).flatMap((s) => s.clauses),
    [],
  );
const allDecls = () => lib.clauses.flatMap((c) => c.variables.map((v) => ({ clause: `${c.id}/${c.variant}`, v })));

describe('example defaults in the templates', () => {
  it('every declaration of the named keys is marked, and each marked default is a suggestion, not a value', () => {
    const named = allDecls().filter((d) => EXAMPLES.includes(d.v.key));
    expect(new Set(named.map((d) => d.v.key))).toEqual(new Set(EXAMPLES));
    for (const { clause, v } of named) {
      expect(v.example, `${clause} ${v.key}`).toBe(true);
      expect(isSuggested(v), `${clause} ${v.key}`).toBe(true);
    }
    // Those with a default agree on it (collectDeclarations keeps the first one the form then offers).
    for (const key of EXAMPLES) {
      const defaults = new Set(
        named.filter((d) => d.v.key === key && d.v.default !== undefined).map((d) => d.v.default),
      );
      expect(defaults.size, key).toBe(1);
    }
  });

  it('guard: every text/multiline default with a digit in it is marked example (no hours or amounts pre-filled)', () => {
    const files = readdirSync(join(templatesDir, 'clauses')).filter((f) => f.endsWith('.md'));
    expect(allDecls().length).toBeGreaterThan(files.length);
    const unmarked = allDecls()
      .filter(({ v }) => wordingWithFigure(v) && v.example !== true)
      .map(({ clause, v }) => `${clause} ${v.key}: ${String(v.default)}`);
    expect(unmarked).toEqual([]);
    // The guard sees the one it is about.
    expect(allDecls().some(({ v }) => v.key === 'service_hours' && wordingWithFigure(v))).toBe(true);
    expect(wordingWithFigure({ type: 'text', default: '周一至周五 9:00–18:00' })).toBe(true);
    expect(wordingWithFigure({ type: 'multiline', default: '７×２４小时' })).toBe(true);
    expect(wordingWithFigure({ type: 'text', default: '以客户为中心' })).toBe(false);
  });

  it('Word import marks a wording default with a digit as an example, not one without', () => {
    const p = new Proposals();
    p.declare({ key: 'hours', type: 'text', label: '服务时间', default: '7×24小时', required: false });
    p.declare({ key: 'slogan', type: 'text', label: '服务理念', default: '客户至上', required: false });
    p.declare({ key: 'count', type: 'integer', label: '人数', default: 3, required: false });
    expect(p.variables.map((v) => [v.key, v.example])).toEqual([
      ['hours', true],
      ['slogan', undefined],
      ['count', undefined],
    ]);
  });
});

describe('a key declared by two clauses', () => {
  it('offers a later clause’s example when the first declares no default, and still pre-fills nothing', () => {
    const c = (id: string, v: VariableDecl) => ({ ...lib.clauses[0]!, id, variables: [v] }) as ClauseVersion;
    const bare: VariableDecl = { key: 'service_hours', type: 'text', label: '服务时间', required: false };
    const hours = { ...bare, default: '9:00–18:00', example: true, required: true };
    const decls = collectDeclarations([c('a', bare), c('b', hours)], []);
    // The suggestion comes from the second, and so does being required (a clause that requires it prints it as is:
    // test/assemble/required-merge.test.ts); its label and the rest stay the first one's.
    expect(decls.get('service_hours')).toMatchObject({ default: '9:00–18:00', example: true, required: true });
    expect(newProjectValues(decls)).toEqual({});
    // A later wording that is no example is not taken: it would be pre-filled under the first one's name.
    const slogan = { ...bare, default: '客户至上', example: undefined };
    expect(collectDeclarations([c('a', bare), c('b', slogan)], []).get('service_hours')?.default).toBeUndefined();
  });
});

describe('bidforge new: no example nobody typed', () => {
  it.each(['install-agreement', 'service-plan', 'warranty-card'])(
    '%s: the file holds none of the marked values; other wordings stay',
    async (blueprint) => {
      const file = join(tempDir('bf-new-'), `${blueprint}.json`);
      const r = await runCli(['new', blueprint, '--out', file, '--data', data, '--lang', 'zh']);
      expect(r.code, r.all).toBe(0);
      const values = (JSON.parse(readFileSync(file, 'utf8')) as { values: Record<string, unknown> }).values;
      const decls = declsOf(blueprint);
      const marked = [...decls.values()].filter((d) => d.example);
      expect(marked.length, 'the blueprint declares a marked variable').toBeGreaterThan(0);
      for (const d of marked) expect(values, d.key).not.toHaveProperty(d.key);
      // Nowhere, under any key, does an example's default appear.
      const exampleTexts = lib.clauses.flatMap((c) => c.variables.filter((v) => v.example).map((v) => v.default));
      for (const [key, v] of Object.entries(values)) expect(exampleTexts, key).not.toContainEqual(v);
      // Wordings that are the company's own voice are still pre-filled.
      for (const [key, d] of decls)
        if (d.default !== undefined && !isSuggested(d)) expect(values[key]).toEqual(d.default);
    },
  );

  it('install agreement: check names the required examples by label as missing, in both languages, and export refuses', async () => {
    const file = join(tempDir('bf-new-'), 'agreement.json');
    expect((await runCli(['new', 'install-agreement', '--out', file, '--data', data])).code).toBe(0);
    const labels = [...declsOf('install-agreement').values()]
      .filter((d) => d.example && d.required)
      .map((d) => d.label);
    expect(labels).toEqual(expect.arrayContaining(['安装设备名称', '甲方安装技术规范名称（不含书名号）']));
    const zh = await runCli(['check', file, '--data', data, '--lang', 'zh']);
    const en = await runCli(['check', file, '--data', data, '--lang', 'en']);
    expect(zh.code).toBe(1);
    for (const label of labels) {
      expect(zh.all).toMatch(new RegExp(`错误：.*缺少必填变量「${label.replace(/[()（）]/g, '.')}」的值`));
      expect(en.all).toContain(`“${label}”`);
    }
    expect((await runCli(['render', file, '--out', tempDir('bf-new-out-'), '--data', data])).code).toBe(1);
  });

  it('an optional example left blank is asked for as a wording (not a 数值), in both languages; typed, it is not', () => {
    const decl: VariableDecl = {
      key: 'service_hours',
      type: 'text',
      label: '服务时间',
      default: '9:00–18:00',
      example: true,
      required: false,
    };
    const withDecl: Library = {
      ...lib,
      clauses: lib.clauses.map((c) =>
        c.id === 'contacts' && c.variant === '逐项承诺'
          ? {
              ...c,
              variables: [...c.variables, decl],
              body: `${c.body}\n\n{{#if service_hours}}服务时间：{{service_hours}}{{/if}}\n`,
            }
          : c,
      ),
    };
    const project = parseProject(
      {
        schema: 1,
        name: 'p',
        title: '方案',
        blueprint: 'service-plan',
        date: '2026-12-01',
        values: newProjectValues(declsOf('service-plan')),
      },
      'test',
    );
    const asked = (values: Record<string, unknown>) =>
      checkProject({ ...project, values: { ...project.values, ...values } }, withDecl).filter(
        (p) => p.code === 'undecided_figure' && p.field === 'values.service_hours',
      );
    const [p] = asked({});
    expect(p).toMatchObject({ severity: 'warning', params: { label: '服务时间', kind: 'text' } });
    expect(p!.message).toBe('「服务时间」未填写：文件中不含这项内容；如需写入，请填写');
    expect(problemText(p!, 'en')).toBe('“服务时间” is blank: the document leaves it out; to include it, fill it in');
    expect(asked({ service_hours: '' })).toHaveLength(1);
    expect(asked({ service_hours: '周一至周五 8:30–17:30' })).toEqual([]);
  });
});
