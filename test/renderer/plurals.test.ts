// The English UI counts in English: "1 field", "2 fields"; the Chinese UI is unchanged.
import { describe, expect, it } from 'vitest';
import { translator } from '../../renderer/src/catalog.js';

describe('英文界面的单复数', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('1 field, 2 fields; 1 error, 3 errors', () => {
    expect(en('fields.count', { count: 1 })).toBe('1 field');
    expect(en('fields.count', { count: 2 })).toBe('2 fields');
    expect(en('problems.errors', { count: 1 })).toBe('1 error');
    expect(en('problems.errors', { count: 3 })).toBe('3 errors');
    expect(en('msg.exportedWithWarnings', { file: 'a.pdf', count: 1 })).toBe('Exported a.pdf (1 warning)');
  });

  it('中文界面不受影响：1 项、2 项', () => {
    expect(zh('fields.count', { count: 1 })).toBe('1 项');
    expect(zh('fields.count', { count: 2 })).toBe('2 项');
  });
});
