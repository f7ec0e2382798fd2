// What a document's layout (core/model/document.ts: report, letter, form, card) changes in its blocks: a report's
// sections are 一、 chapters; a letter has no headings at all (its sections run on as one body, its first line is the
// addressee); a form and a card name their parts in unnumbered second-level headings, and a form of one part names
// none (its title says it). The seal in a signature is worded as the typesetting profile asks.
import { chineseNumeral } from '../format/zh.js';
import type { Block, DocumentLayout } from '../model/document.js';
import type { TypesettingChoice } from '../model/typesetting.js';

/** The heading a section opens with in a layout (none in a letter, nor in a form of one section). */
export function sectionHeading(
  layout: DocumentLayout,
  title: string,
  chapter: number,
  sections: number,
): Block | undefined {
  if (layout === 'report') return { kind: 'heading', level: 1, number: `${chineseNumeral(chapter)}、`, text: title };
  if (layout === 'letter' || (layout === 'form' && sections === 1)) return undefined;
  // A part's name, not a chapter: unnumbered, one level down (a bid package's 目录 lists only chapters and annexes).
  return { kind: 'heading', level: 2, number: '', text: title };
}

/**
 * A section's numbered blocks as its layout prints them: a letter's subheadings become bold lines of its body (a
 * letter has no headings); a form's and a card's go one level down, unnumbered.
 */
export function forLayout(layout: DocumentLayout, blocks: Block[]): Block[] {
  if (layout === 'report') return blocks;
  return blocks.map((b): Block => {
    if (b.kind !== 'heading' || b.annex) return b;
    if (layout === 'letter') return { kind: 'paragraph', runs: [{ text: b.text, bold: true }] };
    return { ...b, level: 3, number: '' };
  });
}

/** A salutation: 致：某某（采购人）, or a short line ending in a colon (某某中学：). */
const ADDRESSEE = /^\s*(致\s*[:：]|[^。；;]{1,60}[:：]\s*$)/;

/** A letter's first paragraph, when it is a salutation, marked as its addressee. */
export function markAddressee(layout: DocumentLayout, blocks: Block[]): Block[] {
  if (layout !== 'letter') return blocks;
  const first = blocks[0];
  if (first?.kind !== 'paragraph' || !ADDRESSEE.test(first.runs.map((r) => r.text).join(''))) return blocks;
  return [{ ...first, role: 'addressee' }, ...blocks.slice(1)];
}

/**
 * The seal placeholder a signature line carries: 「（盖单位章）」, as tender documents word it, in the bid profile;
 * 「（盖章）」 in GB/T 9704 official documents.
 */
export const sealMarkOf = (choice: TypesettingChoice | undefined): string =>
  choice?.profile === 'gbt9704' ? '（盖章）' : '（盖单位章）';

const SEAL = /[（(]\s*盖\s*(单位)?\s*(公)?章\s*[）)]/g;

/** A signature line with its seal placeholder worded as the profile asks. */
export const withSealMark = (line: string, mark: string): string => line.replace(SEAL, mark);
