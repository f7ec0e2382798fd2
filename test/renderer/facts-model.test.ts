// The 承诺 panel's model: grouping, the catalogue of kinds not stated, adding / copying / removing facts, scopes,
// and the fault-level table (2–5 levels, each with its own times). Every list it returns must pass the schema.
import { describe, expect, it } from 'vitest';
import { levelsOf } from '@core/commitments/levels.js';
import { factLabel } from '@core/commitments/phrase.js';
import { commitmentsSchema, type Commitment, type Deadline, type Price } from '@core/commitments/schema.js';
import { FACT_KINDS } from '@core/library/sampleFacts.js';
import { factsMessagesEn, factsMessagesZh } from '../../renderer/src/composer/facts/messages.js';
import {
  addFact,
  addLevel,
  addLevelKind,
  cellKey,
  confirmFact,
  duplicateFact,
  FACT_GROUPS,
  fillLevelCell,
  groupFacts,
  levelKindEvent,
  levelTable,
  MAX_LEVELS,
  nextLevelName,
  removeFact,
  removeLevel,
  removeLevelKind,
  renameLevel,
  replaceFact,
  setLevelKindEvent,
  shapeOf,
  startLevelTable,
  unstatedKinds,
  withScope,
} from '../../renderer/src/composer/facts/factsModel.js';

/** A service plan's facts: a general arrival and fix, an emergency level with its own, a component warranty … */
const sample = (): Commitment[] =>
  commitmentsSchema.parse([
    {
      id: 'hotline_hours',
      kind: 'service_hours',
      schedule: 'stated',
      text: '周一至周五 9:00–18:00',
      scope: { channel: 'hotline' },
    },
    { id: 'respond', kind: 'respond', within: { value: 30, unit: '分钟' }, from: 'notice' },
    { id: 'arrive', kind: 'arrive', within: { value: 4, unit: '小时' }, from: 'notice' },
    {
      id: 'arrive_emergency',
      kind: 'arrive',
      within: { value: 2, unit: '小时' },
      from: 'notice',
      scope: { level: '紧急' },
    },
    { id: 'fix_emergency', kind: 'fix', within: { value: 4, unit: '小时' }, from: 'arrival', scope: { level: '紧急' } },
    { id: 'fix', kind: 'fix', within: { value: 24, unit: '小时' }, from: 'arrival' },
    { id: 'warranty', kind: 'warranty', period: { value: 3, unit: '年' }, from: 'acceptance', covers: ['parts'] },
    {
      id: 'warranty_compressor',
      kind: 'warranty',
      period: { value: 5, unit: '年' },
      separate: true,
      scope: { component: '压缩机' },
    },
    { id: 'annual_fee', kind: 'annual_fee', amount: '18000.00', per: '年' },
    { id: 'remote_fix', kind: 'remote_fix', within: { value: 2, unit: '小时' }, from: 'notice' },
    {
      id: 'arrive_software',
      kind: 'arrive',
      within: { value: 8, unit: '小时' },
      from: 'notice',
      scope: { component: '楼宇自控软件' },
    },
  ]);
const valid = (facts: Commitment[]) => commitmentsSchema.parse(facts);
const general = (kind: string, value: number, unit: '小时' | '天' = '小时'): Commitment =>
  ({ id: kind, kind, offered: true, within: { value, unit }, from: 'notice' }) as Commitment;

describe('承诺面板：分组与目录', () => {
  it('每种承诺恰在一组，且每种都有中英文名称', () => {
    const grouped = FACT_GROUPS.flatMap((g) => g.kinds as readonly string[]);
    expect([...grouped].sort()).toEqual([...FACT_KINDS].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    for (const k of FACT_KINDS) {
      expect(factsMessagesZh).toHaveProperty([`facts.kind.${k}`]);
      expect(factsMessagesEn).toHaveProperty([`facts.kind.${k}`]);
    }
  });

  it('示例的承诺按组排列，分级时限单列，每项只出现一次', () => {
    const facts = sample();
    const groups = groupFacts(facts);
    const inGroups = groups.flatMap((g) => g.items.map((i) => i.index));
    const table = levelTable(facts);
    const inTable = [...table.cells.values()];
    expect([...inGroups, ...inTable].sort((a, b) => a - b)).toEqual(facts.map((_, i) => i));
    expect(table.levels).toEqual(['紧急']);
    expect(table.kinds).toEqual(['arrive', 'fix']);
    const response = groups.find((g) => g.id === 'response')!;
    expect(response.items.map((i) => i.fact.id)).toEqual(['respond', 'remote_fix', 'arrive', 'arrive_software']);
    // An index names the fact in project.commitments, as problems do (commitments.<index>).
    for (const g of groups) for (const { fact, index } of g.items) expect(facts[index]).toBe(fact);
  });

  it('目录只列尚未写入的种类；添加后该种类离开目录', () => {
    const facts = sample();
    const before = unstatedKinds(facts);
    expect(before).not.toContain('arrive');
    expect(before).toContain('standby');
    const after = addFact(facts, 'standby');
    valid(after);
    expect(unstatedKinds(after)).not.toContain('standby');
    const added = after.at(-1)!;
    expect(added).toMatchObject({ id: 'standby', kind: 'standby', offered: true, from: 'arrival' });
  });

  it('每种承诺都能添加为合法的一项（含服务时间和收费）', () => {
    let facts: Commitment[] = [];
    for (const k of FACT_KINDS) facts = addFact(facts, k as Commitment['kind']);
    expect(valid(facts)).toHaveLength(FACT_KINDS.length);
    expect(facts.find((f) => f.kind === 'service_hours')).toMatchObject({
      id: 'hotline_hours',
      scope: { channel: 'hotline' },
    });
    for (const f of facts) expect(shapeOf(f.kind)).toBeTypeOf('string');
  });

  it('复制得到同种、新 id、不带范围的一项，紧随原项；删除只删那一项', () => {
    const facts = sample();
    const i = facts.findIndex((f) => f.id === 'warranty_compressor');
    const copied = valid(duplicateFact(facts, i));
    expect(copied).toHaveLength(facts.length + 1);
    expect(copied[i + 1]).toMatchObject({ kind: 'warranty', id: 'warranty_2', period: { value: 5, unit: '年' } });
    expect(copied[i + 1]!.scope).toBeUndefined();
    const removed = removeFact(copied, i + 1);
    expect(removed).toEqual(facts);
  });

  it('设置和清除范围；空范围整个去掉', () => {
    const f = general('arrive', 4);
    const scoped = withScope(withScope(f, 'region', 'county'), 'product', '冷水机组');
    expect(scoped.scope).toEqual({ region: 'county', product: '冷水机组' });
    expect(factLabel(scoped)).toBe('冷水机组县（区）到达现场时限');
    const cleared = withScope(withScope(scoped, 'region', undefined), 'product', '');
    expect(cleared).not.toHaveProperty('scope');
  });
});

describe('承诺面板：故障分级表', () => {
  it('新建分级表：一级、二级，各有响应、到场、修复时限，取总承诺的数值', () => {
    const facts = [general('arrive', 4), general('fix', 24)];
    const out = valid(startLevelTable(facts));
    const table = levelTable(out);
    expect(table.levels).toEqual(['一级', '二级']);
    expect(table.kinds).toEqual(['respond', 'arrive', 'fix']);
    const cell = out[table.cells.get(cellKey('一级', 'arrive'))!]!;
    expect(cell).toMatchObject({ id: 'arrive_l1', within: { value: 4, unit: '小时' }, scope: { level: '一级' } });
    expect(levelsOf(out)).toEqual(['一级', '二级']);
  });

  it('最多五级；名称依次取下一个，满五级后不再添加', () => {
    let facts = startLevelTable([general('arrive', 4)]);
    for (let name = nextLevelName(levelTable(facts).levels); name; name = nextLevelName(levelTable(facts).levels))
      facts = addLevel(facts, name);
    valid(facts);
    expect(levelTable(facts).levels).toEqual(['一级', '二级', '三级', '四级', '五级']);
    expect(levelTable(facts).levels).toHaveLength(MAX_LEVELS);
    expect(addLevel(facts, '六级')).toEqual(facts);
  });

  it('每级有自己的时限：改一级不影响二级', () => {
    const facts = startLevelTable([general('arrive', 4)]);
    const table = levelTable(facts);
    const i = table.cells.get(cellKey('一级', 'arrive'))!;
    const edited = facts.map((c, j) =>
      j === i && 'within' in c ? { ...c, within: { value: 2, unit: '小时' as const } } : c,
    );
    const t2 = levelTable(edited);
    expect(edited[t2.cells.get(cellKey('一级', 'arrive'))!]).toMatchObject({ within: { value: 2 } });
    expect(edited[t2.cells.get(cellKey('二级', 'arrive'))!]).toMatchObject({ within: { value: 4 } });
  });

  it('改名改到该级每一项；重名或空名不改', () => {
    const facts = startLevelTable([general('arrive', 4)]);
    const renamed = renameLevel(facts, '一级', '紧急');
    expect(levelTable(renamed).levels).toEqual(['紧急', '二级']);
    expect(renamed.filter((c) => c.scope?.level === '紧急')).toHaveLength(levelTable(facts).kinds.length);
    // Ids of the level convention follow the name (clauses name levels by id: arrive_l1, arrive_emergency).
    expect(renamed.filter((c) => c.scope?.level === '紧急').map((c) => c.id)).toEqual([
      'respond_emergency',
      'arrive_emergency',
      'fix_emergency',
    ]);
    valid(renamed);
    expect(renameLevel(facts, '一级', '二级')).toEqual(facts);
    expect(renameLevel(facts, '一级', '  ')).toEqual(facts);
  });

  it('删除一级；只剩两级时再删则整表删除，总承诺留下', () => {
    let facts = startLevelTable([general('arrive', 4)]);
    facts = addLevel(facts, '三级');
    const two = removeLevel(facts, '二级');
    expect(levelTable(two).levels).toEqual(['一级', '三级']);
    const none = removeLevel(two, '一级');
    expect(levelTable(none).levels).toEqual([]);
    expect(none).toEqual([general('arrive', 4)]);
  });

  it('加一列给每级一个该种时限，删一列去掉每级的该种时限；空格可单独补上', () => {
    const facts = startLevelTable([general('arrive', 4)]);
    const withStandby = valid(addLevelKind(facts, 'standby'));
    expect(levelTable(withStandby).kinds).toContain('standby');
    expect(withStandby.filter((c) => c.kind === 'standby')).toHaveLength(2);
    const without = removeLevelKind(withStandby, 'standby');
    expect(without).toEqual(facts);
    const holed = without.filter((c) => !(c.kind === 'fix' && c.scope?.level === '二级'));
    expect(levelTable(holed).cells.has(cellKey('二级', 'fix'))).toBe(false);
    const filled = valid(fillLevelCell(holed, '二级', 'fix'));
    expect(levelTable(filled).cells.has(cellKey('二级', 'fix'))).toBe(true);
  });

  it('一列的起算时点：各级相同时显示该时点，统一修改时每级都改', () => {
    const facts = startLevelTable([general('arrive', 4), general('fix', 24)]);
    expect(levelKindEvent(facts, 'fix')).toBe('notice');
    const fromArrival = valid(setLevelKindEvent(facts, 'fix', 'arrival'));
    expect(levelKindEvent(fromArrival, 'fix')).toBe('arrival');
    expect(
      fromArrival.filter((c) => c.kind === 'fix' && c.scope?.level).every((c) => 'from' in c && c.from === 'arrival'),
    ).toBe(true);
    // The general promise is not a level's: it keeps its own event.
    expect(fromArrival.find((c) => c.id === 'fix')).toMatchObject({ from: 'notice' });
    const i = fromArrival.findIndex((c) => c.id === 'fix_l2');
    const mixed = fromArrival.map((c, j) => (j === i ? { ...c, from: 'notice' as const } : c));
    expect(levelKindEvent(mixed, 'fix')).toBeUndefined();
  });

  it('示例的紧急级：加一级后表有两级，ID 不与已有重复', () => {
    const facts = sample();
    const out = valid(addLevel(facts, '一般'));
    expect(levelTable(out).levels).toEqual(['紧急', '一般']);
    expect(out.find((c) => c.scope?.level === '一般' && c.kind === 'arrive')).toMatchObject({
      id: 'arrive_general',
      within: { value: 4, unit: '小时' },
    });
  });
});

describe('承诺面板：目录给的示例数值须经确认', () => {
  const added = () => {
    const facts = addFact(sample(), 'standby');
    return { facts, index: facts.length - 1 };
  };

  it('从目录添加的一项带示例数值，标为未确认，且能照常保存', () => {
    const { facts, index } = added();
    expect(facts[index]).toMatchObject({ kind: 'standby', unconfirmed: true, within: { value: 2, unit: '小时' } });
    expect(valid(facts)[index]!.unconfirmed).toBe(true);
    // Every kind of the catalogue, service hours and fees included.
    let all: Commitment[] = [];
    for (const k of FACT_KINDS) all = addFact(all, k as Commitment['kind']);
    expect(all.every((f) => f.unconfirmed === true)).toBe(true);
    // The facts already there keep no mark.
    expect(facts.slice(0, index).some((f) => 'unconfirmed' in f)).toBe(false);
  });

  it('改动数值（数字、单位、服务时间、收费方式）即为确认', () => {
    const { facts, index } = added();
    const f = facts[index]! as Deadline;
    const typed = replaceFact(facts, index, { ...f, within: { value: 4, unit: '小时' } })[index]!;
    expect(typed).not.toHaveProperty('unconfirmed');
    expect(typed).toMatchObject({ within: { value: 4, unit: '小时' } });
    const unit = replaceFact(facts, index, { ...f, within: { value: 2, unit: '天' } })[index]!;
    expect(unit).not.toHaveProperty('unconfirmed');
    const hours = addFact([], 'service_hours');
    expect(replaceFact(hours, 0, { ...hours[0]!, schedule: '5x8' } as Commitment)[0]).not.toHaveProperty('unconfirmed');
    const fee = addFact([], 'onsite_fee');
    const { amount: _a, ...rest } = fee[0]! as Price;
    expect(replaceFact(fee, 0, { ...rest, free: true })[0]).not.toHaveProperty('unconfirmed');
    valid(replaceFact(facts, index, { ...f, within: { value: 4, unit: '小时' } }));
  });

  it('只改起算事件、范围、名称或开关，示例数值仍待确认', () => {
    const { facts, index } = added();
    const f = facts[index]! as Deadline;
    for (const other of [
      { ...f, from: 'notice' as const },
      withScope(f, 'region', 'county'),
      { ...f, label: '备用机提供时限' },
      { ...f, offered: false },
    ])
      expect(replaceFact(facts, index, other)[index]!.unconfirmed).toBe(true);
  });

  it('确认去掉标记（不写 false），其余不变', () => {
    const { facts, index } = added();
    const confirmed = replaceFact(facts, index, confirmFact(facts[index]!));
    expect(confirmed[index]).not.toHaveProperty('unconfirmed');
    const { unconfirmed: _u, ...rest } = facts[index]!;
    expect(confirmed[index]).toEqual(rest);
    expect(confirmed.slice(0, index)).toEqual(facts.slice(0, index));
  });

  it('复制已确认的一项得到已确认的副本；复制未确认的仍未确认', () => {
    const { facts, index } = added();
    const ofExample = duplicateFact(facts, index);
    expect(ofExample[index + 1]).toMatchObject({ kind: 'standby', unconfirmed: true });
    const confirmed = replaceFact(facts, index, confirmFact(facts[index]!));
    expect(duplicateFact(confirmed, index)[index + 1]).not.toHaveProperty('unconfirmed');
    const typed = facts.findIndex((f) => f.id === 'warranty_compressor');
    expect(duplicateFact(facts, typed)[typed + 1]).not.toHaveProperty('unconfirmed');
  });

  it('分级表：沿用总承诺的格随其标记；没有总承诺时示例数值未确认', () => {
    const table = startLevelTable([general('arrive', 4)]);
    const cells = table.filter((c) => c.scope?.level);
    expect(cells.find((c) => c.kind === 'arrive')).not.toHaveProperty('unconfirmed');
    expect(cells.filter((c) => c.kind !== 'arrive').every((c) => c.unconfirmed === true)).toBe(true);
    // The general promise is itself an example: every cell copied from it, or from the catalogue, is one too.
    const fromExample = startLevelTable(addFact([], 'arrive'));
    expect(fromExample.length).toBeGreaterThan(1);
    expect(fromExample.every((c) => c.unconfirmed === true)).toBe(true);
    expect(valid(fromExample)).toHaveLength(fromExample.length);
  });
});
