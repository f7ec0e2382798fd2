// The writer's outline (project.outline): the document follows it — order, added and removed clauses — and the
// form lists the variables of the clauses it holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { assemble } from '@core/assemble/assemble.js';
import {
  applyOutline,
  blueprintOutline,
  outlineView,
  type ProjectOutlineSection,
} from '@core/assemble/projectOutline.js';
import { assembleAndCheck } from '@core/check/rules.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { blueprintSchema, type Library } from '@core/model/library.js';
import type { Project } from '@core/model/project.js';
import { assemblePackage, packageProblems } from '@core/package/index.js';
import { parseProjectText } from '@core/project/parse.js';
import { legacyProject } from '../commitments/legacyFixtures.js';
import { templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';

let lib: Library;
let plan: Project;
const LEGACY_BLUEPRINTS = join(import.meta.dirname, '..', 'commitments', 'fixtures', 'legacy-blueprints');
const sample = (f: string) => parseProjectText(readFileSync(join(templatesDir, 'samples', f), 'utf8'), f);
const headings = (p: Project) =>
  assemble(p, lib).document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
const text = (p: Project) => squash(JSON.stringify(assemble(p, lib).document.blocks));

beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
  plan = sample('service-plan-sample.json');
});

const base = (): ProjectOutlineSection[] => blueprintOutline(lib.blueprints.find((b) => b.id === 'service-plan')!);
const withOutline = (sections: ProjectOutlineSection[], p: Project = plan): Project => ({
  ...p,
  outline: { [p.blueprint]: sections },
});

describe('项目大纲', () => {
  it('没有大纲时按蓝本组装；与蓝本相同的大纲得到同样的文件', () => {
    expect(assemble(withOutline(base()), lib).document).toEqual(assemble(plan, lib).document);
  });

  it('调换两节的顺序，文件的章节随之调换，编号重新计算', () => {
    const o = base();
    [o[0], o[1]] = [o[1]!, o[0]!];
    expect(headings(withOutline(o)).slice(0, 2)).toEqual(['服务承诺', '服务宗旨']);
    const first = assemble(withOutline(o), lib).document.blocks[0];
    expect(first).toMatchObject({ kind: 'heading', number: '一、', text: '服务承诺' });
  });

  it('把条款移到另一节，它的正文出现在那一节', () => {
    const o = base();
    const moved = o[0]!.clauses.shift()!; // 服务宗旨 → 服务承诺
    o[1]!.clauses.push(moved);
    expect(headings(withOutline(o))).not.toContain('服务宗旨'); // an emptied section leaves no heading behind
    expect(headings(withOutline(o))[0]).toBe('服务承诺');
  });

  it('从条款库加入条款：正文出现，表单列出它的变量，未填的必填变量报错', async () => {
    const o = base();
    o.find((s) => s.title === '定期巡检与保养')!.clauses.push({ id: 'spare-parts', variant: '标准' });
    const p = withOutline(o);
    const { fields } = await createHandlers({ templatesDir }).describeProject({ project: p });
    // The added clause's variables follow the section's own, in the section where it was added.
    expect(
      fields
        .filter((f) => f.section === '定期巡检与保养')
        .map((f) => f.key)
        .slice(-4),
    ).toEqual(['parts_warehouses', 'parts_supply_years', 'parts_dispatch_within', 'onsite_spares']);
    // The sample as saved before facts: the added clause of that time reads its figures from values.
    const old = { ...legacyProject('service-plan-sample'), outline: p.outline };
    const withDefaults = {
      ...old,
      values: {
        ...old.values,
        parts_warehouses: 12,
        parts_supply_years: 8,
        parts_dispatch_within: { value: 2, unit: '天' },
        onsite_spares: [],
      },
    };
    expect(text(withDefaults)).toContain('备件仓库12个');
    expect(
      assembleAndCheck(old, lib).problems.some((x) => x.field === 'values.parts_warehouses' && x.severity === 'error'),
    ).toBe(true);
  });

  it('删除条款：正文和它的变量都不再出现', async () => {
    const o = base().map((s) => ({ ...s, clauses: s.clauses.filter((c) => c.id !== 'training-plan') }));
    const p = withOutline(o);
    expect(headings(p)).not.toContain('培训计划');
    const { fields } = await createHandlers({ templatesDir }).describeProject({ project: p });
    expect(fields.some((f) => f.section === '培训计划')).toBe(false);
  });

  it('条款在蓝本中的条件随条款移动', () => {
    // The full blueprint as shipped before facts, whose 潜在缺陷保证 clause had a condition.
    const full = blueprintSchema.parse(
      JSON.parse(readFileSync(join(LEGACY_BLUEPRINTS, 'service-plan-full.json'), 'utf8')),
    );
    const o = blueprintOutline(full);
    const latent = o.find((s) => s.title === '保修条款')!.clauses.pop()!;
    o[0]!.clauses.push(latent);
    const applied = applyOutline(full, o);
    expect(applied.sections[0]!.clauses.at(-1)).toEqual({
      id: 'latent-defect',
      variant: '标准',
      when: { key: 'warranty_months', op: 'gte', value: 24 },
    });
  });

  it('大纲中不存在的条款报错，指明所在的节', () => {
    const o = base();
    o[0]!.clauses.push({ id: 'no-such-clause', variant: '标准' });
    expect(assemble(withOutline(o), lib).problems).toContainEqual(
      expect.objectContaining({ code: 'unknown_clause', section: '服务宗旨', clause: 'no-such-clause' }),
    );
    expect(outlineView(withOutline(o), lib)!.sections[0]!.clauses.at(-1)).toMatchObject({
      id: 'no-such-clause',
      found: false,
    });
  });

  it('大纲只作用于它所属的文件：投标文件包中其他文件照旧', () => {
    const pkg = sample('bid-package-sample.json');
    const o = blueprintOutline(lib.blueprints.find((b) => b.id === 'commitment-letter')!);
    o.reverse();
    const p: Project = { ...pkg, outline: { 'commitment-letter': o } };
    const docs = assemblePackage(p, lib).documents;
    const before = assemblePackage(pkg, lib).documents;
    expect(docs.find((d) => d.blueprint === 'service-plan')!.document).toEqual(
      before.find((d) => d.blueprint === 'service-plan')!.document,
    );
    const h = (d: (typeof docs)[number]) =>
      d.document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    const letter = h(docs.find((d) => d.blueprint === 'commitment-letter')!);
    expect(letter).toEqual([...h(before.find((d) => d.blueprint === 'commitment-letter')!)].reverse());
    // Only the sample's accepted negative deviation, which stays visible as a warning.
    expect(packageProblems(assemblePackage(p, lib)).map((x) => x.code)).toEqual(['negative_deviation']);
  });
});
