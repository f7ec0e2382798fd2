// Undo steps in 承诺: edits to one control of a fact in quick succession are one step, edits to different controls
// are steps of their own — a time typed and then its unit chosen within the pause are undone one at a time.
import { describe, expect, it } from 'vitest';
import { commitmentsSchema, type Commitment } from '@core/commitments/schema.js';
import { changedPaths, factEditKey } from '../../renderer/src/composer/facts/editKey.js';
import { COALESCE_MS, record, startHistory, undo, type History } from '../../renderer/src/lib/history.js';

const facts = (): Commitment[] =>
  commitmentsSchema.parse([
    { id: 'arrive', kind: 'arrive', within: { value: 4, unit: '小时' }, from: 'notice' },
    {
      id: 'arrive_emergency',
      kind: 'arrive',
      within: { value: 2, unit: '小时' },
      from: 'notice',
      scope: { level: '紧急' },
    },
  ]);

type Deadline = Extract<Commitment, { within: unknown }>;
const emergencyOf = (list: Commitment[]) => list[1] as Deadline;

/** The 承诺 panel's edit of fact 1, recorded as the composer records it. */
function edit(h: History<Commitment[]>, change: (f: Deadline) => Deadline, at: number): History<Commitment[]> {
  const before = emergencyOf(h.present);
  const after = change(before);
  return record(
    h,
    h.present.map((f, i) => (i === 1 ? after : f)),
    factEditKey(1, before, after),
    at,
  );
}
const withValue = (value: number) => (f: Deadline) => ({ ...f, within: { ...f.within, value } });
const withUnit = (unit: Deadline['within']['unit']) => (f: Deadline) => ({ ...f, within: { ...f.within, unit } });

describe('undo keys of fact edits', () => {
  it('names the values that changed; a switch or no change is a step of its own', () => {
    const f = emergencyOf(facts());
    expect(changedPaths(f, withValue(5)(f))).toEqual(['within.value']);
    expect(factEditKey(1, f, withValue(5)(f))).toBe('commitments.1.within.value');
    expect(factEditKey(1, f, withUnit('工作日')(f))).toBe('commitments.1.within.unit');
    expect(factEditKey(1, f, withValue(5)(f))).not.toBe(factEditKey(1, f, withUnit('工作日')(f)));
    expect(factEditKey(1, f, { ...f, offered: false })).toBeUndefined();
    expect(factEditKey(1, f, { ...f })).toBeUndefined();
    expect(factEditKey(1, undefined, f)).toBeUndefined();
    // A scope that appears is read as its values: its first letter and the next ones are one control.
    const general = facts()[0] as Deadline;
    expect(factEditKey(0, general, { ...general, scope: { level: '一' } })).toBe('commitments.0.scope.level');
    expect(factEditKey(0, { ...general, scope: { level: '一' } }, { ...general, scope: { level: '一级' } })).toBe(
      'commitments.0.scope.level',
    );
    expect(changedPaths({ covers: ['parts'] }, { covers: ['parts'] })).toEqual([]);
    expect(changedPaths({ covers: ['parts'] }, { covers: ['parts', 'labour'] })).toEqual(['covers']);
  });

  it('a time typed and its unit chosen within the pause are undone one at a time', () => {
    let h = startHistory(facts());
    h = edit(h, withValue(5), 0);
    h = edit(h, withValue(2), 5_000);
    h = edit(h, withUnit('工作日'), 5_000 + COALESCE_MS / 2);
    h = undo(h);
    expect(emergencyOf(h.present).within).toEqual({ value: 2, unit: '小时' });
    h = undo(h);
    expect(emergencyOf(h.present).within).toEqual({ value: 5, unit: '小时' });
  });

  it('typing one figure without a pause is still one step', () => {
    let h = startHistory(facts());
    h = edit(h, withValue(1), 0);
    h = edit(h, withValue(12), 200);
    expect(emergencyOf(h.present).within.value).toBe(12);
    expect(emergencyOf(undo(h).present).within.value).toBe(2);
  });

  it('a switch flipped twice at once is two steps', () => {
    let h = startHistory(facts());
    h = edit(h, (f) => ({ ...f, offered: false }), 0);
    h = edit(h, (f) => ({ ...f, offered: true }), 100);
    expect(emergencyOf(undo(h).present).offered).toBe(false);
  });
});
