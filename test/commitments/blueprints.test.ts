// The built-in blueprints are on the atomic clauses: every clause they name is live, and no clause they name writes a
// figure, an hours claim or a count of its own. The bundled clauses the atomic ones replace are retired, not
// deleted: each retired variant leaves a live variant of its clause behind.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '@core/library/loadTemplates.js';
import { findClause, type Library } from '@core/model/library.js';
import { templatesDir } from '../helpers/paths.js';
import { untracedNumbers } from './trace.js';

let lib: Library;
beforeAll(async () => {
  lib = await loadTemplates(templatesDir);
});

/**
 * A clause body's own words: Handlebars expressions, table rulers and list numbering taken out, and the names of
 * the fault levels (一级 … 四级), which a row prints only for the facts scoped to that level.
 */
const ownWords = (body: string) =>
  body
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/^\s*\d+\.\s/gm, '')
    .replace(/^\|[\s:|-]+\|$/gm, '')
    .replace(/^\| [一二三四五]级 \|/gm, '|');

describe('内置蓝本', () => {
  it('蓝本引用的每个条款都是可用（未停用）的版本', () => {
    const refs = lib.blueprints.flatMap((b) =>
      b.sections.flatMap((s) => s.clauses.map((c) => [b.id, c.id, c.variant])),
    );
    expect(refs.filter(([, id, variant]) => !findClause(lib, id!, variant!))).toEqual([]);
  });

  it('蓝本所用条款的正文不写数字、7×24 或汉字数字的时限和次数', () => {
    const used = new Set(
      lib.blueprints.flatMap((b) => b.sections.flatMap((s) => s.clauses.map((c) => `${c.id} ${c.variant}`))),
    );
    const found = lib.clauses
      .filter((c) => used.has(`${c.id} ${c.variant}`) && c.status !== 'retired')
      .flatMap((c) => untracedNumbers(ownWords(c.body), []).map((n) => `${c.id}（${c.variant}）：${n}`));
    expect(found).toEqual([]);
  });

  it('写死的数字在这项检查中被指出（对照）', () => {
    expect(untracedNumbers(ownWords('1. 工程师48小时内到场，经两次修理仍不能使用的予以调换。'), [])).toEqual([
      '48',
      '两',
    ]);
  });

  it('停用的条款保留在库中，且同一条款仍有可用的变体', () => {
    const retired = lib.clauses.filter((c) => c.status === 'retired');
    expect(retired.length).toBeGreaterThan(0);
    for (const r of retired) {
      expect([r.id, lib.clauses.some((c) => c.id === r.id && c.status === 'approved')]).toEqual([r.id, true]);
      expect(
        readFileSync(join(templatesDir, 'clauses', `${r.id}--${fileSuffix(r.id, r.variant)}.md`), 'utf8'),
      ).toContain('"status": "retired"');
    }
  });
});

/** Built-in variant files are named <id>--<suffix>.md; find the one holding this variant. */
function fileSuffix(id: string, variant: string): string {
  for (const f of readdirSync(join(templatesDir, 'clauses')))
    if (
      f.startsWith(`${id}--`) &&
      readFileSync(join(templatesDir, 'clauses', f), 'utf8').includes(`"variant": "${variant}"`)
    )
      return f.slice(id.length + 2, -3);
  return '';
}
