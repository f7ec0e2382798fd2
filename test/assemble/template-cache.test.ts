// Compiled clause templates kept on disk for the CLI (core/assemble/templateCache.ts): a body compiled once is read
// back by the next process instead of compiled, a damaged file is ignored and the body compiled again, and the text a
// template renders is the same whichever way it was compiled.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  renderTemplate,
  Slots,
  setTemplateSpecStore,
  type TemplateContext,
  type TemplateSpecStore,
  TemplateError,
} from '@core/assemble/template.js';
import { templateSpecFolder } from '@core/assemble/templateCache.js';
import { tempDir } from '../helpers/tmp.js';

/** A folder store that counts what it was asked and keeps the last identity and JavaScript it was given. */
function counted(dir: string) {
  const store = templateSpecFolder(dir);
  const seen = { hits: 0, misses: 0, writes: 0, identity: '', spec: '' };
  const wrapped: TemplateSpecStore = {
    get(identity, source) {
      seen.identity = identity;
      const spec = store.get(identity, source);
      if (spec === undefined) seen.misses++;
      else seen.hits++;
      return spec;
    },
    set(identity, source, spec) {
      seen.writes++;
      seen.spec = spec;
      store.set(identity, source, spec);
    },
  };
  return { store: wrapped, seen };
}

/** A template body no other test compiles (a body compiled in this process is kept in memory as well). */
let n = 0;
const body = (tag = '') =>
  `${tag}第${++n}条 {{#each rows}}{{item}}：{{rmb price}}（{{#if @first}}首项{{else}}其后{{/if}}）{{/each}}合计{{sum rows "price"}}`;

function render(source: string): string {
  const slots = new Slots();
  const ctx: TemplateContext = {
    rows: [
      { item: slots.put('text', '压缩机'), price: slots.put('money', 1234500) },
      { item: slots.put('text', '冷凝器'), price: slots.put('money', 98000) },
    ],
  };
  return slots.fill(renderTemplate(source, ctx, slots));
}

afterEach(() => setTemplateSpecStore(undefined));

describe('条款模板编译结果存于缓存目录', () => {
  it('stores a body once compiled, and a later process renders from the stored JavaScript instead of compiling', () => {
    const dir = tempDir();
    const donor = counted(dir);
    setTemplateSpecStore(donor.store);
    const source = body('甲');
    const out = render(source);
    expect(out).toContain('压缩机：人民币壹万贰仟叁佰肆拾伍元整（首项）冷凝器');
    expect(donor.seen).toMatchObject({ hits: 0, misses: 1, writes: 1 });
    expect(readdirSync(dir)).toHaveLength(1);

    // A body this process never compiled, whose file holds another body's JavaScript: what renders is what the
    // file holds, so the file was read and nothing compiled.
    const reader = counted(dir);
    setTemplateSpecStore(reader.store);
    const other = body('乙');
    donor.store.set(donor.seen.identity, other, donor.seen.spec);
    expect(render(other)).toBe(out);
    expect(reader.seen).toMatchObject({ hits: 1, misses: 0, writes: 0 });
  });

  it('ignores a damaged file and compiles the body again, with the same text, and mends the file', () => {
    const dir = tempDir();
    const plain = body('丙');
    const expected = render(plain); // compiled in memory only: no store yet
    const store = counted(dir);
    setTemplateSpecStore(store.store);
    render(body('丁')); // learns the identity
    const { identity } = store.seen;

    // Bytes changed after the write (the hash line no longer matches).
    const torn = `${plain} `;
    store.store.set(identity, torn, '{"main": function () { return "错"; }, "useData": true}');
    const file = readdirSync(dir)
      .map((f) => join(dir, f))
      .find((f) => readFileSync(f, 'utf8').includes('错'))!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('错', '对'));
    expect(render(torn)).toBe(`${expected} `);
    expect(readFileSync(file, 'utf8')).not.toContain('return "对"');

    // A file whose hash is right but whose text is not a template.
    const broken = `${plain}  `;
    store.store.set(identity, broken, 'this is not { JavaScript');
    expect(render(broken)).toBe(`${expected}  `);
  });

  it('never stores a body it refuses', () => {
    const dir = tempDir();
    setTemplateSpecStore(templateSpecFolder(dir));
    expect(() => render(`${body()}{{{raw}}}`)).toThrow(TemplateError);
    expect(readdirSync(dir)).toHaveLength(0);
  });
});
