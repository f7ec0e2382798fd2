// A corpus of bad (and oddly good) inputs, as project file texts. Each names what it breaks, and what an answer must
// mention: the field (or, for valid input, nothing: it must render). Variables (integers, durations, money, dates) are
// set on a project saved before facts (test/commitments/fixtures/legacy, on the clauses of its time), which still
// declares them; FACT_CORPUS sets the same hostile values on the facts (project.commitments) of the shipped sample.
import { readFileSync } from 'node:fs';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { samplePath } from '../helpers/paths.js';

type Json = Record<string, unknown>;
const legacy = (): Json => JSON.parse(JSON.stringify(legacyProject('service-plan-sample', { outline: true }))) as Json;
export function withValues(change: (values: Json, project: Json) => void): string {
  const p = legacy();
  change(p.values as Json, p);
  return JSON.stringify(p);
}

export type Case = {
  name: string;
  text: string;
  /** Error messages must name this (a field by its label, a value); undefined: the input is valid and must render. */
  names?: RegExp;
  /** Large inputs: the CLI check/render runs only for the smaller ones (the API and parser take all). */
  heavy?: boolean;
};

const feeRow = { item: '上门服务', price: '300.00', unit: '元/次', note: '' };
const oneMb = '长'.repeat(350_000); // 1 MB as UTF-8

export const CORPUS: Case[] = [
  { name: 'not JSON', text: '{ "schema": 1, "name": ', names: /不是有效的 JSON|not a valid JSON/ },
  { name: 'empty file', text: '', names: /不是有效的 JSON|not a valid JSON/ },
  { name: 'a JSON array', text: '[1, 2, 3]', names: /不是项目文件|not a project file/ },
  { name: 'a bare string', text: '"售后服务方案"', names: /不是项目文件|not a project file/ },
  { name: 'byte-order mark then garbage', text: '\uFEFF\u0000\u0001', names: /不是有效的 JSON|not a valid JSON/ },
  {
    name: 'integer given as Chinese text',
    text: withValues((v) => (v.warranty_months = '三十六')),
    names: /整机保修期/,
  },
  { name: 'duration given as a number', text: withValues((v) => (v.onsite_arrival = 2)), names: /现场到达时间/ },
  {
    name: 'duration with an unknown unit',
    text: withValues((v) => (v.onsite_arrival = { value: 2, unit: '光年' })),
    names: /现场到达时间/,
  },
  {
    name: 'table given as text',
    text: withValues((v) => (v.fee_items = '上门服务 300 元')),
    names: /保修期外收费项目/,
  },
  {
    name: 'table row with a wrong cell type',
    text: withValues((v) => (v.fee_items = [{ ...feeRow, price: 300 }])),
    names: /保修期外收费项目/,
  },
  {
    name: 'schema as a string',
    text: withValues((_v, p) => (p.schema = '1')),
    names: /文件格式版本|file format version/,
  },
  { name: 'name as a number', text: withValues((_v, p) => (p.name = 42)), names: /项目名称|project name/ },
  {
    name: 'unknown blueprint',
    text: withValues((_v, p) => (p.blueprint = '../../etc/passwd')),
    names: /blueprint|passwd/,
  },
  { name: 'values is null', text: withValues((_v, p) => (p.values = null)), names: /变量值|values/ },
  { name: 'money 1e20 as a number', text: withValues((v) => (v.annual_fee = 1e20)), names: /年度维保服务费/ },
  {
    name: 'money 1e20 as a string',
    text: withValues((v) => (v.annual_fee = '100000000000000000000.00')),
    names: /年度维保服务费/,
  },
  { name: 'negative money', text: withValues((v) => (v.annual_fee = '-28000.00')), names: /年度维保服务费/ },
  { name: 'money with three decimals', text: withValues((v) => (v.annual_fee = '28000.005')), names: /年度维保服务费/ },
  { name: 'money NaN-like text', text: withValues((v) => (v.annual_fee = 'NaN')), names: /年度维保服务费/ },
  { name: 'date 2026-02-30', text: withValues((_v, p) => (p.date = '2026-02-30')), names: /编制日期|the date/ },
  { name: 'date 2026-13-01', text: withValues((_v, p) => (p.date = '2026-13-01')), names: /编制日期|the date/ },
  {
    name: 'acceptance date 2027-02-30',
    text: withValues((v) => (v.acceptance_date = '2027-02-30')),
    names: /验收日期/,
  },
  {
    name: 'date in another format',
    text: withValues((_v, p) => (p.date = '2026年11月24日')),
    names: /编制日期|the date/,
  },
  { name: 'integer 1e20', text: withValues((v) => (v.warranty_months = 1e20)), names: /整机保修期/ },
  { name: 'negative integer', text: withValues((v) => (v.warranty_months = -36)), names: /整机保修期/ },
  {
    name: 'prototype keys in values',
    text: '{"schema":1,"name":"p","blueprint":"service-plan","values":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}}',
    names: /./,
  },
  {
    name: '10,000-row table',
    text: withValues(
      (v) => (v.fee_items = Array.from({ length: 10_000 }, (_, i) => ({ ...feeRow, item: `服务${i}` }))),
    ),
    names: /保修期外收费项目.*(10000 行，超过上限 5000 行|10000 rows, more than the limit of 5000)/,
    heavy: true,
  },
  {
    name: '1 MB text value',
    text: withValues((v) => (v.service_slogan = oneMb)),
    names: /服务理念.*350000 (个字符|characters)/,
    heavy: true,
  },
  { name: 'emoji in text', text: withValues((v) => (v.company_name = '华瑞康泰😀机电👍有限公司')) },
  {
    name: 'control characters in text',
    text: withValues((v) => (v.service_slogan = '快速\u0000响应\u0007诚信\u001b[31m守约\u0008\u000b')),
  },
  {
    name: 'right-to-left text and overrides',
    text: withValues((v) => (v.service_slogan = 'شركة الخدمة \u202Eevil\u202C עברית')),
  },
  // (Not **粗体**: a run of asterisks is how writers mark a figure still to fill in, and is refused as a placeholder.)
  {
    name: 'markup in a value',
    text: withValues((v) => (v.service_slogan = '<script>alert(1)</script> *粗体* __强调__ # 标题 | a | b |')),
  },
  {
    name: 'template braces in a value',
    text: withValues((v) => (v.service_slogan = '{{constructor}} {{#each x}}')),
    names: /未替换的占位符|placeholder/,
  },
];

/** The shipped sample (on facts) with its fact `id` changed; `facts` is the whole list, for duplicates and size. */
export function withFact(id: string, change: (fact: Json, facts: Json[]) => void): string {
  const p = JSON.parse(readFileSync(samplePath, 'utf8')) as Json;
  const facts = p.commitments as Json[];
  const fact = facts.find((f) => f.id === id);
  if (!fact) throw new Error(`the sample has no fact ${id}`);
  change(fact, facts);
  return JSON.stringify(p);
}

const within = (value: unknown) => withFact('arrive', (f) => (f.within = { value, unit: '小时' }));
// The fact 「到达现场时限」 (arrive: within 2 小时 from notice); answers name it by this label, never by `arrive` or an index.
const ARRIVE = /到达现场时限/;

export const FACT_CORPUS: Case[] = [
  { name: 'fact: a deadline of "二小时"', text: within('二小时'), names: ARRIVE },
  { name: 'fact: a number as a string', text: within('2'), names: ARRIVE },
  // JSON has no NaN or Infinity: a file that had them carries null (JSON.stringify) or is not JSON at all.
  { name: 'fact: NaN (null in JSON)', text: within(Number.NaN), names: ARRIVE },
  { name: 'fact: Infinity written out', text: within('__INF__').replace('"__INF__"', 'Infinity'), names: /JSON/ },
  { name: 'fact: a negative deadline', text: within(-2), names: /到达现场时限.*(必须大于 0|more than 0)/ },
  { name: 'fact: 1e20 hours', text: within(1e20), names: /到达现场时限.*(不能大于 100000|more than 100000)/ },
  {
    name: 'fact: an unknown unit',
    text: withFact('arrive', (f) => (f.within = { value: 2, unit: '光年' })),
    names: /到达现场时限.*单位|unit of commitment “到达现场时限”/,
  },
  {
    name: 'fact: an unknown event',
    text: withFact('arrive', (f) => (f.from = 'doomsday')),
    names: /到达现场时限.*起算事件|starting event of commitment “到达现场时限”/,
  },
  {
    name: 'fact: an unknown region',
    text: withFact('arrive', (f) => (f.scope = { region: 'mars' })),
    names: /到达现场时限.*地区|region .*到达现场时限/,
  },
  {
    name: 'fact: an unknown channel',
    text: withFact('arrive', (f) => (f.scope = { channel: 'pigeon' })),
    names: /到达现场时限.*服务渠道|channel .*到达现场时限/,
  },
  {
    name: 'fact: an empty fault level',
    text: withFact('arrive', (f) => (f.scope = { level: '' })),
    names: /到达现场时限.*故障等级|fault level .*到达现场时限/,
  },
  {
    name: 'fact: a scope that is text',
    text: withFact('arrive', (f) => (f.scope = '全国')),
    names: /到达现场时限.*适用范围|scope .*到达现场时限/,
  },
  {
    name: 'fact: a duplicated fact id',
    text: withFact('fix', (f) => (f.id = 'arrive')),
    names: /修复时限.*(与承诺『到达现场时限』重复|same as that of commitment “到达现场时限”)/,
  },
  {
    name: 'fact: an unknown kind',
    text: withFact('arrive', (f) => (f.kind = 'teleport')),
    names: /第 \d+ 项承诺的类型|kind of commitment #\d+/,
  },
  {
    name: 'fact: 100,000 facts',
    text: withFact('arrive', (f, facts) =>
      facts.push(...Array.from({ length: 100_000 }, (_, i) => ({ ...f, id: `arrive_${i}` }))),
    ),
    names: /承诺事项.*100\d{3} 项，超过上限 500 项|commitments has 100\d{3} items, more than the limit of 500/,
    heavy: true,
  },
  {
    name: 'fact: a 1 MB text',
    text: withFact('after_hours_hours', (f) => (f.text = oneMb)),
    names: /非工作时间值班电话服务时间.*(350000 个字符|350000 characters)/,
    heavy: true,
  },
  {
    name: 'fact: a zero-width space in its name',
    text: withFact('arrive', (f) => (f.label = '到达\u200B现场时限')),
    names: /到达现场时限.*(U\+200B)/,
  },
  {
    name: 'fact: a right-to-left override in its name',
    text: withFact('arrive', (f) => (f.label = '到达现场\u202E限时')),
    names: /到达现场时限.*(U\+202E)/,
  },
];
