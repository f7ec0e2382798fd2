// What the atomic-library suites share: the full service-plan sample (on facts) with only its chapters — its 偏离表
// annex and the tender's requirements left out, since these suites look at what each chapter says — and the checks
// run on a chapter's text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Commitment } from '@core/commitments/schema.js';
import type { Block } from '@core/model/document.js';
import type { Project } from '@core/model/project.js';
import { parseProjectText } from '@core/project/parse.js';
import { textOf } from '../helpers/library.js';
import { templatesDir } from '../helpers/paths.js';

export const SAMPLE = join(templatesDir, 'samples', 'service-plan-full-sample.json');
/** Projects saved before facts: the samples as they were shipped then, their promises in variables. */
export const LEGACY = join(import.meta.dirname, 'fixtures', 'legacy');

/** The full service-plan sample without its 偏离表 annex and requirements. */
export function sample(): Project {
  const p = parseProjectText(readFileSync(SAMPLE, 'utf8'), 'full-sample');
  const outline = p.outline!['service-plan-full']!.filter((s) => !s.title.endsWith('偏离表'));
  const { requirements: _r, ...rest } = p;
  return { ...rest, outline: { 'service-plan-full': outline } };
}

/** The text of one chapter, by its title. */
export function chapter(blocks: Block[], title: string): string {
  // A report's chapters are level-1 headings; a card's sections are level 2 (it has no chapters).
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.text === title);
  if (start < 0) return '';
  const level = (blocks[start] as Extract<Block, { kind: 'heading' }>).level;
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level <= level);
  // The signature block after the last chapter is the document's, not the chapter's.
  return textOf(blocks.slice(start + 1, end < 0 ? undefined : end).filter((b) => b.kind !== 'signature'));
}

export const setFact = (p: Project, id: string, patch: Partial<Commitment>): Project => ({
  ...p,
  commitments: p.commitments!.map((c) => (c.id === id ? ({ ...c, ...patch } as Commitment) : c)),
});
export const drop = (p: Project, id: string): Project => setFact(p, id, { offered: false });

/** Numbered items run 1, 2, 3 … in every list of the text: none is skipped, none is empty. */
export function expectNumberingClosed(text: string): void {
  let prev = 0;
  for (const line of text.split('\n')) {
    const m = /^(\d+)\.(.*)$/.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    expect([line, n === 1 || n === prev + 1]).toEqual([line, true]);
    expect(m[2]!.trim().length).toBeGreaterThan(1);
    prev = n;
  }
}

/**
 * Every number in the chapters is a figure a fact states (3, 18000.00, 9:00 …), a value computed from one (the amount
 * with its thousands separator), numbering or an annex number — never a figure the clause wrote. Phone numbers,
 * addresses and the like are the project's typed values, not figures.
 */
export function expectTraced(p: Project, doc: Block[], titles: string[]): void {
  const figures = new Set(p.commitments!.flatMap((c) => JSON.stringify(c).match(/\d+(\.\d+)?/g) ?? []));
  const values = Object.values(p.values)
    .flat()
    .filter((v): v is string => typeof v === 'string')
    .sort((a, b) => b.length - a.length);
  for (const title of titles) {
    let text = chapter(doc, title)
      .replace(/^\d+\./gm, '')
      .replace(/附件\d+/g, '');
    expect([title, text.length > 0]).toEqual([title, true]);
    for (const v of values) text = text.split(v).join('');
    text = text.replace(/(\d),(?=\d{3})/g, '$1');
    for (const n of text.match(/\d+(\.\d+)?/g) ?? []) expect([title, n, figures.has(n)]).toEqual([title, n, true]);
  }
}
