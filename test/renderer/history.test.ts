// Undo/redo steps and autosave storage, without a browser.
import { describe, expect, it } from 'vitest';
import { clearAutosave, readAutosave, writeAutosave } from '../../renderer/src/lib/autosave.js';
import { COALESCE_MS, MAX_STEPS, record, redo, startHistory, undo } from '../../renderer/src/lib/history.js';

describe('undo/redo history', () => {
  it('undoes and redoes each step; a new edit drops the redo list', () => {
    let h = startHistory('a');
    h = record(h, 'ab', 'f1', 0);
    h = record(h, 'abc', 'f2', 10);
    h = undo(h);
    expect(h.present).toBe('ab');
    h = undo(h);
    expect(h.present).toBe('a');
    h = undo(h);
    expect(h.present).toBe('a');
    h = redo(h);
    expect(h.present).toBe('ab');
    h = record(h, 'abX', 'f3', 20);
    expect(h.future).toEqual([]);
    expect(redo(h).present).toBe('abX');
  });

  it('typing into one field without a pause is one step; a pause or another field starts a new one', () => {
    let h = startHistory('');
    h = record(h, '2', 'arrival', 0);
    h = record(h, '2小', 'arrival', 300);
    h = record(h, '2小时', 'arrival', 600);
    expect(undo(h).present).toBe('');
    h = record(h, '2小时内', 'arrival', 600 + COALESCE_MS + 1);
    expect(undo(h).present).toBe('2小时');
    h = record(h, 'x', 'other', 600 + COALESCE_MS + 2);
    expect(undo(h).present).toBe('2小时内');
  });

  it('keeps at most MAX_STEPS steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= MAX_STEPS + 50; i++) h = record(h, i, undefined, i * 10_000);
    expect(h.past).toHaveLength(MAX_STEPS);
    expect(h.past[0]).toBe(50);
  });
});

describe('autosave', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    };
  };

  it('keeps the project text and where it came from until cleared', () => {
    const s = memory();
    expect(writeAutosave(s, '{"name":"甲"}', '/p/甲.bfproj', new Date('2026-11-25T10:00:00Z'))).toBe(true);
    expect(readAutosave(s)).toEqual({
      text: '{"name":"甲"}',
      path: '/p/甲.bfproj',
      savedAt: '2026-11-25T10:00:00.000Z',
    });
    clearAutosave(s);
    expect(readAutosave(s)).toBeUndefined();
  });

  it('a full storage is reported, not thrown; a damaged entry reads as nothing', () => {
    const full = {
      getItem: () => '{broken',
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(writeAutosave(full, 'x', undefined, new Date())).toBe(false);
    expect(readAutosave(full)).toBeUndefined();
  });
});
