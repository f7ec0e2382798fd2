// Whole sections in the writer's outline (project.outline): moved, removed with their clauses, or added under a title
// the writer types. The document follows (order, 一、二、三 numbering closing up), project files keep such outlines,
// and the checks say for a removed section what they say for its clauses removed one by one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { assemble } from '@core/assemble/assemble.js';
import {
  applyOutline,
  blueprintOutline,
  outlineView,
  type OutlineSectionView,
  type ProjectOutlineSection,
} from '@core/assemble/projectOutline.js';
import { assembleAndCheck } from '@core/check/rules.js';
import { loadTemplates } from '@core/library/loadTemplates.js';
import type { Library } from '@core/model/library.js';
import type { Project } from '@core/model/project.js';
import { parseProjectText } from '@core/project/parse.js';
import {
  addSection,
  moveSection,
  moveSectionBy,
  removeSection,
  SECTION_TITLE_MAX,
  sectionTitleError,
  withOutline as writeOutline,
} from '../../renderer/src/composer/outline/outlineOps.js';
import { templatesDir } from '../helpers/paths.js';
import { squash } from '../helpers/text.js';

let lib: Library;
let plan: Project;
const sample = (f: string) => parseProjectText(readFileSync(join(templatesDir, 'samples', f), 'utf8'), f);
/** The level-1 headings as the preview shows them: number and title. */
const headings = (p: Project) =>
  assemble(p, lib).document.blocks.flatMap((b) =>
    b.kind === 'heading' && b.level === 1 ? [`${b.number}${b.text}`] : [],
  );
const base = (): ProjectOutlineSection[] => blueprintOutline(lib.blueprints.find((b) => b.id === 'service-plan')!);
const withOutline = (sections: ProjectOutlineSection[], p: Project = plan): Project => ({
  ...p,
  outline: { [p.blueprint]: sections },
});
const titles = (o: ProjectOutlineSection[]) => o.map((s) => s.title);
/** Through the composer's own edits: the outline panel's view of the blueprint. */
const view = (p: Project = plan): OutlineSectionView[] => outlineView(p, lib)!.sections;
const save = (p: Project, sections: OutlineSectionView[]) => writeOutline(p, p.blueprint, sections);
/** Written to a .bfproj.json and read back, as Save and Open do. */
const roundTrip = (p: Project) => parseProjectText(JSON.stringify(p, null, 2), 'x.bfproj.json');

beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
  plan = sample('service-plan-sample.json');
});

describe('大纲：整节调整（组装）', () => {
  it('把最后一节移到最前：文件的章节随之调换，编号从一、重新排', () => {
    const moved = moveSection(view(), 9, 0);
    expect(moved.at).toBe(0);
    const h = headings(save(plan, moved.sections));
    expect(h.slice(0, 3)).toEqual(['一、联系方式', '二、服务宗旨', '三、服务承诺']);
    expect(h.at(-1)).toBe('十、投诉处理与回访');
  });

  it('删除一节（连同其条款）：标题和正文都不再出现，后面各节的编号依次前移', () => {
    const p = save(plan, removeSection(view(), 1)); // 服务承诺
    const h = headings(p);
    expect(h).toHaveLength(9);
    expect(h.slice(0, 3)).toEqual(['一、服务宗旨', '二、故障分级与响应', '三、保修条款']);
    expect(h.some((x) => x.includes('服务承诺'))).toBe(false);
    expect(p.outline!['service-plan']!.map((s) => s.title)).not.toContain('服务承诺');
  });

  it('新增一节并加入条款：它以新标题成为文件的一节，编号接续；条款的变量在表单中列在这一节下', async () => {
    let sections = addSection(view(), '技术资料交付');
    sections = sections.map((s, i) =>
      i === sections.length - 1
        ? {
            ...s,
            clauses: [{ id: 'documentation', variant: '标准', title: '技术资料与档案', category: '', found: true }],
          }
        : s,
    );
    // Move it up above 联系方式, as the writer would with Alt+↑.
    const up = moveSectionBy(sections, sections.length - 1, -1);
    expect(up.at).toBe(9);
    const p = save(plan, up.sections);
    expect(headings(p).slice(-2)).toEqual(['十、技术资料交付', '十一、联系方式']);
    const { fields } = await createHandlers({ templatesDir }).describeProject({ project: p });
    expect(fields.filter((f) => f.section === '技术资料交付').map((f) => f.key)).toEqual([
      'doc_copies',
      'doc_list',
      'records_keep_years',
    ]);
  });

  it('新增的空节不进入文件，但保存在项目中，打开后仍在大纲里', () => {
    const p = save(plan, addSection(view(), '  现场服务网点  '));
    expect(headings(p)).toEqual(headings(plan));
    expect(p.outline!['service-plan']!.at(-1)).toEqual({ title: '现场服务网点', clauses: [] });
    const reopened = roundTrip(p);
    expect(reopened.outline).toEqual(p.outline);
    expect(outlineView(reopened, lib)).toMatchObject({ custom: true });
    expect(view(reopened).at(-1)).toEqual({ title: '现场服务网点', annex: false, clauses: [] });
  });

  it('调序、删节、新增节后的项目文件读回来不变，组装结果也不变', () => {
    let sections = removeSection(moveSection(view(), 7, 2).sections, 4);
    sections = addSection(sections, '附件3 服务网点一览');
    sections[sections.length - 1] = {
      ...sections[sections.length - 1]!,
      clauses: [{ id: 'contacts', variant: '标准', title: '', category: '', found: true }],
    };
    const p = save(plan, sections);
    const reopened = roundTrip(p);
    expect(reopened.outline).toEqual(p.outline);
    expect(assemble(reopened, lib).document).toEqual(assemble(p, lib).document);
  });

  it('以“附件”开头的新节是附件；移到正文中间的节保留蓝本给它的条件', () => {
    expect(addSection(view(), '附件 服务网点').at(-1)!.annex).toBe(true);
    const agreement = lib.blueprints.find((b) => b.id === 'install-agreement')!;
    const conditional = agreement.sections.findIndex((s) => s.when); // 附件 安装费用测算表
    expect(conditional).toBeGreaterThan(0);
    const o = blueprintOutline(agreement);
    const [s] = o.splice(conditional, 1);
    o.unshift(s!);
    expect(applyOutline(agreement, o).sections[0]).toMatchObject({
      title: s!.title,
      annex: true,
      when: agreement.sections[conditional]!.when,
    });
  });

  it('删光所有节：文件没有正文章节，也不出错；项目文件照样读回', () => {
    const p = save(plan, []);
    expect(p.outline).toEqual({ 'service-plan': [] });
    expect(headings(p)).toEqual([]);
    expect(() => assembleAndCheck(p, lib)).not.toThrow();
    expect(roundTrip(p).outline).toEqual({ 'service-plan': [] });
  });

  it('删除一节时，检查结果与逐条删除该节的条款相同（偏离表关联的承诺仍由项目的数值回答）', () => {
    const p: Project = {
      ...plan,
      requirements: [
        {
          item: '3.4',
          text: '免费保修期不少于24个月',
          op: '>=',
          value: 24,
          unit: '个月',
          star: true,
          key: 'warranty_months',
        },
      ],
    };
    const at = base().findIndex((s) => s.title === '保修条款');
    const sectionRemoved = withOutline(
      base().filter((_, i) => i !== at),
      p,
    );
    const clausesRemoved = withOutline(
      base().map((s, i) => (i === at ? { ...s, clauses: [] } : s)),
      p,
    );
    const codes = (x: Project) =>
      assembleAndCheck(x, lib)
        .problems.map((q) => `${q.severity}:${q.code}:${q.field ?? ''}`)
        .sort();
    expect(codes(sectionRemoved)).toEqual(codes(clausesRemoved));
    // warranty_months states a fact (core/commitments): the 偏离表 still answers from it without the section.
    expect(codes(sectionRemoved)).not.toContain('error:requirement_unknown_variable:requirements.0');
    // And the removed section's text is gone from the document.
    expect(squash(JSON.stringify(assemble(sectionRemoved, lib).document.blocks))).not.toContain('保修条款');
  });
});

describe('大纲：整节调整（编辑操作）', () => {
  const s = (title: string, n = 1): OutlineSectionView => ({
    title,
    annex: false,
    clauses: Array.from({ length: n }, (_, i) => ({
      id: `${title}${i}`,
      variant: '标准',
      title: '',
      category: '',
      found: true,
    })),
  });
  const outline = () => [s('A'), s('B'), s('C', 2)];

  it('拖到另一节之前：落在它前面；拖到末尾；原地放下不变', () => {
    expect(titles(moveSection(outline(), 0, 2).sections)).toEqual(['B', 'A', 'C']);
    expect(moveSection(outline(), 0, 2).at).toBe(1);
    expect(titles(moveSection(outline(), 2, 0).sections)).toEqual(['C', 'A', 'B']);
    expect(titles(moveSection(outline(), 0, 3).sections)).toEqual(['B', 'C', 'A']);
    const o = outline();
    expect(moveSection(o, 1, 1).sections).toBe(o);
    expect(moveSection(o, 1, 2).sections).toBe(o);
    expect(moveSection(o, 5, 0).sections).toBe(o);
    expect(moveSection(o, 0, 9).sections).toBe(o);
  });

  it('Alt+↑/↓ 一次移一节；第一节不能上移，最后一节不能下移；节内条款随节移动', () => {
    const down = moveSectionBy(outline(), 0, 1);
    expect(titles(down.sections)).toEqual(['B', 'A', 'C']);
    expect(down.at).toBe(1);
    const up = moveSectionBy(outline(), 2, -1);
    expect(titles(up.sections)).toEqual(['A', 'C', 'B']);
    expect(up.sections[1]!.clauses.map((c) => c.id)).toEqual(['C0', 'C1']);
    const o = outline();
    expect(moveSectionBy(o, 0, -1).sections).toBe(o);
    expect(moveSectionBy(o, 2, 1).sections).toBe(o);
  });

  it('删除一节连同其条款；越界时不变', () => {
    expect(titles(removeSection(outline(), 1))).toEqual(['A', 'C']);
    const o = outline();
    expect(removeSection(o, 3)).toBe(o);
  });

  it('新节的标题：不能为空、不能过长、不能与已有的节同名（按去掉首尾空格后比较）', () => {
    expect(sectionTitleError(outline(), '   ')).toBe('empty');
    expect(sectionTitleError(outline(), ' B ')).toBe('duplicate');
    expect(sectionTitleError(outline(), 'x'.repeat(SECTION_TITLE_MAX + 1))).toBe('tooLong');
    expect(sectionTitleError(outline(), '新的一节')).toBeUndefined();
    const o = outline();
    expect(addSection(o, 'B')).toBe(o);
    expect(addSection(o, ' D ').at(-1)).toEqual({ title: 'D', annex: false, clauses: [] });
  });

  it('项目中保存新节的标题和（暂时为空的）条款列表', () => {
    const p = { name: 'p' } as unknown as Project;
    expect(writeOutline(p, 'plan', addSection(outline(), 'D')).outline?.plan?.at(-1)).toEqual({
      title: 'D',
      clauses: [],
    });
  });
});
