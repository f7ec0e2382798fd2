// The DOCX's named Word styles, from the project's typesetting profile: Title, Heading 1–3, body, list, table,
// signature, header, and the titles of a letter, a form, a card and a bid package's parts.
import { AlignmentType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import { gridCharSpacing, gridPitch, type TextStyle, type Typesetting } from '../model/typesetting.js';
import { HEADINGS } from './docxNumbering.js';
import { docxFont } from './faces.js';
import type { FontContext, Script } from './fontFamilies.js';

const half = (pt: number) => Math.round(pt * 2);

/** Run properties of a profile's text style (font names by the script and profile: fontFamilies.ts). */
export const runOf = (s: TextStyle, ctx?: FontContext) => ({
  font: docxFont(s.face, ctx),
  size: half(s.size),
  bold: s.bold,
});

/** Body line spacing: a multiple of single spacing, or exactly the grid's pitch (GB/T 9704: 22 lines a page). */
function lineSpacing(t: Typesetting) {
  const pitch = gridPitch(t);
  return pitch
    ? { line: Math.round(pitch * 20), lineRule: LineRuleType.EXACT }
    : { line: Math.round(240 * (t.spacing.kind === 'multiple' ? t.spacing.multiple : 1)), lineRule: LineRuleType.AUTO };
}

/** On a grid, the character spacing (twips) that fits its characters a line. */
function bodySpacing(t: Typesetting) {
  const cs = gridCharSpacing(t);
  return cs === undefined ? {} : { characterSpacing: Math.round(cs * 20) };
}

export function styles(t: Typesetting, script?: Script): IParagraphStyleOptions[] {
  const run = (s: TextStyle) => runOf(s, { script, profile: t.profile });
  const indent = t.body.size * 2 * 20; // two body characters, in twips
  const line = lineSpacing(t);
  // GB/T 9704 indents 一、 and （一） titles by two characters like the body; bid documents set them flush left.
  const headingIndent = t.profile === 'gbt9704' ? { indent: { firstLine: indent } } : {};
  const heading = (level: 1 | 2 | 3, s: TextStyle, before: number, after: number): IParagraphStyleOptions => ({
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'BodyText',
    quickFormat: true,
    run: run(s),
    paragraph: {
      spacing: { before, after, ...(gridPitch(t) ? line : {}) },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
      ...headingIndent,
      // Linking Heading 1 and 2 to the heading list is what makes Word number (and renumber) them.
      ...(level < 3 ? { numbering: { reference: HEADINGS, level: level - 1 } } : {}),
    },
  });
  const small = { ...run(t.body), size: 32 };
  return [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...run(t.title), size: half(t.title.size) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360, line: 360, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...run(t.h1), size: half(22) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
    },
    {
      id: 'CoverInfo',
      name: 'Cover Info',
      basedOn: 'Normal',
      run: small,
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { ...run(t.h1), size: half(t.h1.size) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 } },
    },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: run({ ...t.body, size: Math.min(t.body.size, 14) }),
      paragraph: { spacing: { before: 60, after: 60 } },
    },
    {
      id: 'TOC2',
      name: 'toc 2',
      basedOn: 'Normal',
      next: 'Normal',
      run: run({ ...t.body, size: Math.min(t.body.size, 14) }),
      paragraph: { indent: { left: 480 }, spacing: { before: 30, after: 30 } },
    },
    {
      // A letter's, a form's or a card's title atop its first page (小二 at most); not listed in a 目录.
      id: 'DocTitle',
      name: 'Document Title',
      basedOn: 'Normal',
      next: 'BodyText',
      run: { ...run(t.title), size: half(Math.min(t.title.size, 22)) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 }, keepNext: true },
    },
    {
      // A bid package's part title: each part starts on a new page under it, and the package's 目录 lists it.
      id: 'PartTitle',
      name: 'Part Title',
      basedOn: 'DocTitle',
      next: 'BodyText',
      run: { ...run(t.title), size: half(Math.min(t.title.size, 22)) },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 360 }, keepNext: true, outlineLevel: 0 },
    },
    heading(1, t.h1, 360, 240),
    heading(2, t.h2, 240, 120),
    heading(3, t.h3, 120, 60),
    {
      id: 'BodyText',
      name: 'Body Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { ...run(t.body), ...bodySpacing(t) },
      paragraph: { spacing: line, indent: { firstLine: indent }, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'ListText',
      name: 'List Paragraph',
      basedOn: 'BodyText',
      run: { ...run(t.body), ...bodySpacing(t) },
      paragraph: { spacing: line, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: run(t.table),
      paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 30, after: 30 } },
    },
    {
      id: 'Signature',
      name: 'Signature',
      basedOn: 'Normal',
      run: run(t.body),
      paragraph: { spacing: { line: 480, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'SignatureLine',
      name: 'Signature Line',
      basedOn: 'Signature',
      run: run(t.body),
      paragraph: { spacing: { line: 480, lineRule: LineRuleType.AUTO } },
    },
    {
      id: 'HeaderText',
      name: 'Header Text',
      basedOn: 'Normal',
      run: { ...run({ ...t.body, face: '宋体' }), size: 18 },
    },
  ];
}
