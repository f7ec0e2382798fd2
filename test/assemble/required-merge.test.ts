// A key shared by clauses is required when any of them requires it: 服务承诺 (逐项承诺) declares 服务时间 optional and
// prints it only under {{#if}}, 联系方式 (标准) requires it and prints it as is. Deciding by the first declaration alone
// let 联系方式 print "客服中心办公时间：" with nothing after it, and no check said so.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../core/api/handlers.js';
import { mergedLater } from '../../core/assemble/values.js';
import type { VariableDecl } from '../../core/model/variables.js';
import type { Project } from '../../core/model/project.js';
import { assembleOne, bodyBlocks, type Decl, textOf } from '../helpers/library.js';
import { repoRoot } from '../helpers/paths.js';
import { join } from 'node:path';

const api = createHandlers({ templatesDir: join(repoRoot, 'templates') });

async function planWithContacts(serviceHours: string | undefined): Promise<Project> {
  const { project } = await api.newProject({ blueprint: 'service-plan', title: '某医院项目' });
  const values: Record<string, unknown> = {
    ...project.values,
    company_name: '某机电公司',
    hotline: '400-000-0000',
    address: '滨江市东城区建设路 1 号',
    manager_name: '李工',
    manager_phone: '13800000000',
    email: 'service@example.cn',
  };
  if (serviceHours !== undefined) values.service_hours = serviceHours;
  else delete values.service_hours;
  return {
    ...project,
    values,
    outline: {
      'service-plan': [
        { title: '服务承诺', clauses: [{ id: 'service-commitment', variant: '逐项承诺' }] },
        { title: '联系方式', clauses: [{ id: 'contacts', variant: '标准' }] },
      ],
    },
  };
}

const errorsAbout = (problems: { severity: string; message: string }[], word: string) =>
  problems.filter((p) => p.severity === 'error' && p.message.includes(word)).map((p) => p.message);

describe('a key shared by clauses is required when any of them requires it', () => {
  it('服务时间 left out: an error names it, and 联系方式 prints no empty 办公时间', async () => {
    const project = await planWithContacts(undefined);
    const { problems, document } = await api.preview({ project });
    expect(errorsAbout(problems, '服务时间')).toEqual(['缺少必填变量「服务时间」的值']);
    expect(JSON.stringify(document.blocks)).not.toMatch(/客服中心办公时间[^一-龥]*："/);
  });

  it('服务时间 typed as nothing: an error names it (a blank would break the sentence)', async () => {
    const { problems } = await api.preview({ project: await planWithContacts('') });
    expect(errorsAbout(problems, '服务时间')).toHaveLength(1);
  });

  it('服务时间 typed: printed, no error', async () => {
    const { problems, document } = await api.preview({ project: await planWithContacts('每日 8:00—20:00') });
    expect(errorsAbout(problems, '服务时间')).toEqual([]);
    expect(JSON.stringify(document.blocks)).toContain('每日 8:00—20:00');
  });

  it('the form marks the field required too', async () => {
    const { fields } = await api.describeProject({ project: await planWithContacts(undefined) });
    expect(fields.find((f) => f.key === 'service_hours')?.required).toBe(true);
  });

  it('mergedLater: required and a suggestion from a later declaration; other types never merge', () => {
    const first: VariableDecl = { key: 'k', type: 'text', label: '服务时间', required: false };
    const later: VariableDecl = { ...first, required: true, default: '每日', example: true };
    expect(mergedLater(first, later)).toMatchObject({ required: true, default: '每日', example: true });
    expect(mergedLater(later, first)).toBeUndefined();
    expect(mergedLater(first, { ...later, type: 'multiline' })).toBeUndefined();
  });
});

describe('an optional text left empty is no value: never a blank in the bid', () => {
  const note: Decl = { key: 'note', type: 'text', label: '补充说明', required: false };
  const guarded = '服务内容如下。{{#if note}}补充：{{note}}。{{/if}}';
  const unguarded = '服务内容如下。补充：{{note}}。';

  it.each([undefined, ''])('printed under {{#if}} and left %j: the sentence is left out, no problem', (value) => {
    const a = assembleOne(guarded, [note], value === undefined ? {} : { note: value });
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(textOf(bodyBlocks(a))).toBe('服务内容如下。');
  });

  it.each([undefined, ''])('printed as is and left %j: asked for by its label, nothing printed blank', (value) => {
    const a = assembleOne(unguarded, [note], value === undefined ? {} : { note: value });
    expect(a.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
      '缺少必填变量「补充说明」的值',
    ]);
    expect(textOf(bodyBlocks(a))).not.toContain('补充：。');
  });

  it('typed: printed either way', () => {
    for (const body of [guarded, unguarded])
      expect(textOf(bodyBlocks(assembleOne(body, [note], { note: '含夜间巡检' })))).toContain('补充：含夜间巡检。');
  });
});
