// A DOCX whose paragraphs carry Word's automatic numbers as text: each numbered paragraph gets its label ("3.7 ",
// "第一条 ") as a run of its own at its start, so mammoth reads it with the paragraph wherever the paragraph is (in a
// table, a content control, after skipped contents entries) and the recognisers that read typed numbers read these
// too. Only the parts mammoth itself parses are read (the main document, its numbering and styles), so the bounds on
// them (the file's size; checkZip for Word imports) stay in force. A document without numbering, or whose numbering
// cannot be read, is left as it is.
import { createRequire } from 'node:module';
import type JSZip from 'jszip';
import { NumberingDefs, Numberer } from './docxNumbering.js';
import { attr, escapeXml, prefixes, tags } from './docxXml.js';

/**
 * jszip is loaded when a Word file is first read, as mammoth is: the CLI loads neither for commands that read none.
 * Through require(), not import(): the CLI's bundle runs from V8's code cache, where import() cannot run.
 */
let zipModule: JSZip | undefined;
const openZip = (bytes: Uint8Array): Promise<JSZip> => {
  zipModule ??= createRequire(import.meta.url)('jszip') as JSZip;
  return zipModule.loadAsync(bytes);
};

/** The zip's main document part and the numbering and styles parts it relates to. */
async function partsOf(zip: JSZip) {
  const read = async (path: string | undefined) => (path ? zip.file(path)?.async('string') : undefined);
  const main = targetOf(await read('_rels/.rels'), '', /\/officeDocument$/) ?? 'word/document.xml';
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : '';
  const rels = await read(`${dir ? `${dir}/` : ''}_rels/${main.slice(dir ? dir.length + 1 : 0)}.rels`);
  return { read, main, numbering: targetOf(rels, dir, /\/numbering$/), styles: targetOf(rels, dir, /\/styles$/) };
}

/** The DOCX with numbering labels written into its paragraphs, or undefined when there is nothing to add. */
export async function withNumberLabels(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const zip = await openZip(bytes);
    const parts = await partsOf(zip);
    const numbering = await parts.read(parts.numbering);
    if (!numbering) return undefined;
    const defs = new NumberingDefs();
    defs.readNumbering(numbering);
    if (!defs.nums.size) return undefined;
    const styles = await parts.read(parts.styles);
    if (styles) defs.readStyles(styles);
    const document = await parts.read(parts.main);
    if (!document || !/^\uFEFF?\s*</.test(document)) return undefined;
    const labelled = labelParagraphs(document, new Numberer(defs));
    if (labelled === undefined) return undefined;
    // Stored, not deflated: mammoth unpacks it at once; the other parts keep their compressed bytes.
    zip.file(parts.main, labelled, { compression: 'STORE' });
    return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  } catch {
    // Numbering is an addition: a part that cannot be read leaves the document to mammoth as it is.
    return undefined;
  }
}

/** The DOCX without its numbering part (mammoth then reads no lists), or undefined when it has none. */
export async function withoutNumbering(bytes: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const zip = await openZip(bytes);
    const { numbering } = await partsOf(zip);
    if (!numbering || !zip.file(numbering)) return undefined;
    zip.remove(numbering);
    return await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  } catch {
    return undefined;
  }
}

/** The target of the first relationship of this type, as a path inside the zip. */
function targetOf(rels: string | undefined, dir: string, type: RegExp): string | undefined {
  for (const t of tags(rels ?? ''))
    if (!t.close && /(?:^|:)Relationship$/.test(t.name) && type.test(attr(t, 'Type') ?? '')) {
      if (attr(t, 'TargetMode') === 'External') continue;
      const target = attr(t, 'Target') ?? '';
      const parts = (target.startsWith('/') ? target.slice(1) : `${dir ? `${dir}/` : ''}${target}`).split('/');
      const out: string[] = [];
      for (const p of parts)
        if (p === '..') out.pop();
        else if (p && p !== '.') out.push(p);
      return out.join('/');
    }
  return undefined;
}

type Para = {
  /** Where the paragraph's content starts: after its w:pPr, else after its own tag. */
  at: number;
  style?: string;
  numId?: string;
  ilvl?: number;
  /** The paragraph mark is a tracked deletion: Word shows the paragraph merged into the next, unnumbered. */
  deleted: boolean;
  text: boolean;
  /** Inside mc:AlternateContent: a drawing's text, twice (the choice and its fallback); not counted. */
  skip: boolean;
};

/** document.xml with a run holding its label at the start of each numbered paragraph that has text. */
export function labelParagraphs(xml: string, numberer: Numberer): string | undefined {
  const w = prefixes(xml).w;
  const el = (name: string) => (w ? `${w}:${name}` : name);
  const path: string[] = [];
  const paras: Para[] = [];
  const inserts: { at: number; text: string }[] = [];
  let alternate = 0;
  let textFrom = -1;
  const under = (...names: string[]) => names.every((n, i) => path[path.length - 1 - i] === n);
  for (const t of tags(xml)) {
    const p = paras[paras.length - 1];
    if (t.close) {
      if (path[path.length - 1] === t.name) path.pop();
      if (t.name === 'mc:AlternateContent') alternate = Math.max(0, alternate - 1);
      else if (t.name === 'pPr' && p && under('p')) p.at = t.end;
      else if (t.name === 't' && p && textFrom >= 0) {
        if (xml.slice(textFrom, t.start).trim()) p.text = true;
        textFrom = -1;
      } else if (t.name === 'p' && p) {
        paras.pop();
        if (p.skip || p.deleted) continue;
        const label = numberer.next({ numId: p.numId, ilvl: p.ilvl }, p.style);
        if (label && p.text)
          inserts.push({
            at: p.at,
            text: `<${el('r')}><${el('t')} xml:space="preserve">${escapeXml(label)}</${el('t')}></${el('r')}>`,
          });
      }
      continue;
    }
    if (t.name === 'p') {
      if (!t.selfClose) paras.push({ at: t.end, deleted: false, text: false, skip: alternate > 0 });
    } else if (t.name === 'mc:AlternateContent' && !t.selfClose) alternate++;
    else if (p) {
      if (t.name === 'pPr' && t.selfClose && under('p')) p.at = t.end;
      else if (t.name === 'pStyle' && under('pPr', 'p')) p.style = attr(t, 'val');
      else if (t.name === 'numId' && under('numPr', 'pPr', 'p')) p.numId = attr(t, 'val');
      else if (t.name === 'ilvl' && under('numPr', 'pPr', 'p')) {
        const n = Number.parseInt(attr(t, 'val') ?? '', 10);
        if (Number.isFinite(n)) p.ilvl = n;
      } else if ((t.name === 'del' || t.name === 'moveFrom') && under('rPr', 'pPr', 'p')) p.deleted = true;
      else if (t.name === 't' && !t.selfClose) textFrom = t.end;
    }
    if (!t.selfClose) path.push(t.name);
  }
  if (!inserts.length) return undefined;
  let out = '';
  let from = 0;
  for (const i of inserts.sort((a, b) => a.at - b.at)) {
    out += xml.slice(from, i.at) + i.text;
    from = i.at;
  }
  return out + xml.slice(from);
}
