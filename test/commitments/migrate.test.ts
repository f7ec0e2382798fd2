// Projects saved before facts name promises by variable key (test/commitments/fixtures/legacy: the samples as they
// were shipped then). Read as facts, each keeps every figure: the facts give back the very values they were read
// from, and a project rewritten on its facts assembles to the same document.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import type { ApiHandlers } from '@core/api/contract.js';
import { factsFromValues, LEGACY, LEGACY_KEYS, rawReader, valuesFromFacts } from '@core/commitments/legacy.js';
import { effectiveValues, withFacts } from '@core/commitments/resolve.js';
import { projectSchema, type Project } from '@core/model/project.js';
import { parseProjectText } from '@core/project/parse.js';
import { textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';

const samplesDir = join(import.meta.dirname, 'fixtures', 'legacy');
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.json'));
const read = (f: string): Project => parseProjectText(readFileSync(join(samplesDir, f), 'utf8'), f);

/** Normalises money the way project files may write it ("28000.00" and "28000" are one amount). */
const norm = (v: unknown) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v).toFixed(2) : v);

describe.each(samples)('%s 迁移为承诺', (f) => {
  it('每个表示承诺的变量都成为一项承诺，承诺还原出的值与原值完全一致', () => {
    const { values } = read(f);
    const facts = factsFromValues(rawReader(values));
    const back = valuesFromFacts(facts).values;
    const stated = Object.keys(values).filter((k) => LEGACY_KEYS.has(k));
    for (const key of stated) expect([key, norm(back[key])]).toEqual([key, norm(values[key])]);
    // Every legacy row whose keys the sample states became a fact.
    for (const row of LEGACY) if (row.keys.every((k) => k in values)) expect(facts.map((x) => x.id)).toContain(row.id);
  });

  it('写入承诺后的项目文件仍然有效，原来的变量一个不少', () => {
    const p = read(f);
    const migrated = projectSchema.parse(JSON.parse(JSON.stringify(withFacts(p))));
    expect(migrated.commitments?.length).toBeGreaterThan(0);
    expect(migrated.values).toEqual(p.values);
    for (const [k, v] of Object.entries(p.values))
      expect([k, norm(effectiveValues(migrated)[k])]).toEqual([k, norm(v)]);
  });
});

/** The basic service plan with its 服务承诺 on the clause written before facts, which reads the legacy keys. */
function withOldCommitmentClause(p: Project): Project {
  const bp = JSON.parse(readFileSync(join(templatesDir, 'blueprints', 'service-plan.json'), 'utf8')) as {
    sections: { title: string; clauses: { id: string; variant: string }[] }[];
  };
  const sections = bp.sections.map((s) => ({
    title: s.title,
    clauses: s.clauses.map((c) => (c.id === 'service-commitment' ? { ...c, variant: '标准' } : c)),
  }));
  return { ...p, outline: { 'service-plan': sections } };
}

describe('以承诺为准组装（经 API）', () => {
  let api: ApiHandlers;
  beforeAll(() => {
    api = createLocalClient(createHandlers({ templatesDir }));
  });

  it.each(samples)('%s 改写为承诺后，预览的文字与检查结果不变', async (f) => {
    const p = read(f);
    const before = await api.preview({ project: p });
    const after = await api.preview({ project: withFacts(p) });
    expect(textOf(after.document.blocks)).toBe(textOf(before.document.blocks));
    expect(after.problems.map((x) => x.code)).toEqual(before.problems.map((x) => x.code));
  });

  it('承诺改了，沿用变量的旧条款也跟着改：到场改为90分钟', async () => {
    const p = withFacts(read('service-plan-sample.json'));
    const commitments = p.commitments!.map((c) =>
      c.id === 'arrive' && 'within' in c ? { ...c, within: { value: 90, unit: '分钟' as const } } : c,
    );
    const { document } = await api.preview({ project: { ...p, commitments } });
    expect(textOf(document.blocks)).toContain('90分钟内到达现场');
  });

  it('项目列出承诺后，承诺中没有的事项也不会以旧数值印出', async () => {
    const p = withOldCommitmentClause(withFacts(read('service-plan-sample.json')));
    const commitments = p.commitments!.filter((c) => c.id !== 'standby');
    const { problems } = await api.preview({ project: { ...p, commitments } });
    expect(problems.some((x) => x.code === 'missing_value' && x.field === 'values.standby_after')).toBe(true);
  });

  it('不再提供的承诺不会以旧数值印出：沿用变量的条款报缺少该值', async () => {
    const p = withOldCommitmentClause(withFacts(read('service-plan-sample.json')));
    const commitments = p.commitments!.map((c) => (c.id === 'standby' ? { ...c, offered: false } : c));
    const { problems, document } = await api.preview({ project: { ...p, commitments } });
    expect(problems.some((x) => x.code === 'missing_value' && x.field === 'values.standby_after')).toBe(true);
    expect(textOf(document.blocks)).not.toMatch(/24小时内仍无法修复的/);
  });

  it('承诺写成旧变量表达不了的数值（整机保修400天）时，旧变量的原数值不再被沿用', () => {
    const p = withFacts(read('service-plan-sample.json'));
    expect(p.values.warranty_months).toBeDefined();
    const commitments = p.commitments!.map((c) =>
      c.id === 'warranty' && 'period' in c ? { ...c, period: { value: 400, unit: '天' as const } } : c,
    );
    expect(commitments).not.toEqual(p.commitments);
    expect(effectiveValues({ ...p, commitments })).not.toHaveProperty('warranty_months');
  });
});

describe('迁移表与内置条款一致', () => {
  /** The variable type each legacy row reads (a row's keys after the first are its companions, e.g. warranty_start). */
  const expected = (key: string): string[] => {
    if (['warranty_start', 'phone_check_cycle'].includes(key)) return ['choice'];
    if (['service_hours'].includes(key)) return ['text'];
    if (['annual_fee'].includes(key)) return ['money'];
    if (['satisfaction_target', 'parts_discount'].includes(key)) return ['percent'];
    const row = LEGACY.find((r) => r.keys.includes(key))!;
    const probe = row.toFact({ get: () => ({ value: 1, unit: '小时' }), fen: () => 100 });
    return probe ? ['duration'] : ['integer'];
  };

  it('每个表示承诺的变量，在内置条款中都按迁移所读的类型声明', async () => {
    const { loadTemplates } = await import('@core/library/loadTemplates.js');
    const lib = await loadTemplates(templatesDir);
    const declared = new Map(lib.clauses.flatMap((c) => c.variables.map((v) => [v.key, v.type] as const)));
    const mismatched = [...LEGACY_KEYS].filter((k) => declared.has(k) && !expected(k).includes(declared.get(k)!));
    expect(mismatched).toEqual([]);
    // Keys only the checks know (no clause declares them yet).
    expect([...LEGACY_KEYS].filter((k) => !declared.has(k)).sort()).toEqual([
      'critical_arrival',
      'resolution_from_report',
    ]);
  });
});
