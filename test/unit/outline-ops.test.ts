// The outline panel's edits: moving a clause by drag (before another, or to a section's end) and by Alt+↑/↓ across
// section edges; removing; writing only references into the project.
import { describe, expect, it } from 'vitest';
import type { OutlineSectionView } from '@core/assemble/projectOutline.js';
import type { Project } from '@core/model/project.js';
import {
  addClause,
  moveBy,
  moveClause,
  removeClause,
  withOutline,
} from '../../renderer/src/composer/outline/outlineOps.js';

const c = (id: string) => ({ id, variant: '标准', title: id, category: '', found: true });
const outline = (): OutlineSectionView[] => [
  { title: 'A', annex: false, clauses: [c('a1'), c('a2'), c('a3')] },
  { title: 'B', annex: false, clauses: [c('b1')] },
];
const ids = (s: OutlineSectionView[]) => s.map((x) => x.clauses.map((y) => y.id));

describe('大纲编辑', () => {
  it('拖到同一节中后面的条款之前：落在它前面', () => {
    const r = moveClause(outline(), { s: 0, i: 0 }, { s: 0, i: 2 });
    expect(ids(r.sections)).toEqual([['a2', 'a1', 'a3'], ['b1']]);
    expect(r.at).toEqual({ s: 0, i: 1 });
  });

  it('拖到另一节的末尾', () => {
    expect(ids(moveClause(outline(), { s: 0, i: 1 }, { s: 1, i: 1 }).sections)).toEqual([
      ['a1', 'a3'],
      ['b1', 'a2'],
    ]);
  });

  it('Alt+↓ 在节内下移，到节末再下移进入下一节开头', () => {
    let r = moveBy(outline(), { s: 0, i: 1 }, 1);
    expect(ids(r.sections)).toEqual([['a1', 'a3', 'a2'], ['b1']]);
    r = moveBy(r.sections, r.at, 1);
    expect(ids(r.sections)).toEqual([
      ['a1', 'a3'],
      ['a2', 'b1'],
    ]);
    expect(r.at).toEqual({ s: 1, i: 0 });
  });

  it('Alt+↑ 在节首进入上一节末尾；第一条不能再上移', () => {
    expect(ids(moveBy(outline(), { s: 1, i: 0 }, -1).sections)).toEqual([['a1', 'a2', 'a3', 'b1'], []]);
    const first = outline();
    expect(moveBy(first, { s: 0, i: 0 }, -1).sections).toBe(first);
  });

  it('删除与添加', () => {
    expect(ids(removeClause(outline(), { s: 0, i: 1 }))).toEqual([['a1', 'a3'], ['b1']]);
    expect(ids(addClause(outline(), 1, c('x')))).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'x'],
    ]);
  });

  it('项目只保存条款引用；恢复蓝本时去掉该文件的大纲', () => {
    const p = {
      name: 'p',
      outline: { other: [{ title: 'O', clauses: [{ id: 'o', variant: '标准' }] }] },
    } as unknown as Project;
    const saved = withOutline(p, 'plan', outline());
    expect(saved.outline?.plan?.[1]).toEqual({ title: 'B', clauses: [{ id: 'b1', variant: '标准' }] });
    expect(saved.outline?.other).toEqual(p.outline?.other);
    expect(withOutline(saved, 'plan', undefined).outline).toEqual(p.outline);
    expect('outline' in withOutline(withOutline(saved, 'plan', undefined), 'other', undefined)).toBe(false);
  });
});
