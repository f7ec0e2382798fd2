// The API is the features' contracts combined: a channel belongs to one feature, and the channel list every shell
// uses is the combined contract's keys (core/api/combine.ts, core/api/contract.ts, core/api/channels.ts).
import { describe, expect, it } from 'vitest';
import { CHANNELS, isChannel } from '@core/api/channels.js';
import { combine, type Overlap } from '@core/api/combine.js';
import { requestSchemas } from '@core/api/contract.js';
import { createHandlers } from '@core/api/handlers.js';
import { defaultTemplatesDir } from '@core/cards/template.js';

describe('combine', () => {
  it('joins the parts, keeping each value', () => {
    const a = { one: 1 };
    const b = { two: 'x' };
    const both = combine(a, b);
    expect(both).toEqual({ one: 1, two: 'x' });
    expect(both.two).toBe('x');
  });

  it('refuses a channel two features declare, naming it', () => {
    expect(() => combine({ readTender: 1 }, { libraryInfo: 2 }, { readTender: 3 })).toThrow(/"readTender"/);
  });

  it('finds the overlap at compile time too', () => {
    const overlap: Overlap<[{ a: 1; b: 1 }, { c: 1 }, { b: 2 }]> = 'b';
    // @ts-expect-error: a, c are each declared once
    const none: Overlap<[{ a: 1 }, { c: 1 }]> = 'a';
    expect([overlap, none]).toEqual(['b', 'a']);
  });
});

describe('the channel list', () => {
  it('is the combined contract: every schema has a handler and every handler a schema', () => {
    const handlers = createHandlers({ templatesDir: defaultTemplatesDir });
    expect([...CHANNELS].sort()).toEqual(Object.keys(requestSchemas).sort());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('knows its own channels only (nothing from the prototype)', () => {
    expect(isChannel('readTender')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel('nope')).toBe(false);
  });
});
