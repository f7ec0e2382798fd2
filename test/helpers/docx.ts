// Reading a DOCX package: parts by name and the text of paragraphs and table cells.
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-f]+));/gi, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name.toLowerCase()] ?? '';
  });
}

/** The text of a fragment: every <w:t> joined, <w:br/> and <w:tab/> as \n and \t, a non-breaking hyphen as -. */
export function textOfXml(xml: string): string {
  let out = '';
  const re = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\s*\/>|<w:br\b[^>]*\/>|<w:tab\s*\/>|<w:noBreakHyphen\s*\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[0].startsWith('<w:noBreakHyphen')) out += '-';
    else if (m[0].startsWith('<w:br')) out += '\n';
    else if (m[0].startsWith('<w:tab')) out += '\t';
    else out += decodeXml(m[1] ?? '');
  }
  return out;
}

export type DocxParagraph = { style: string; text: string; xml: string; inTable: boolean };

/** Top-level and in-table paragraphs, in document order. */
export function paragraphs(documentXml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  let depth = 0;
  const re = /<w:tbl>|<\/w:tbl>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>|<w:p(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(documentXml))) {
    if (m[0] === '<w:tbl>') depth++;
    else if (m[0] === '</w:tbl>') depth--;
    else
      out.push({
        style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
        text: textOfXml(m[0]),
        xml: m[0],
        inTable: depth > 0,
      });
  }
  return out;
}

/** Tables → rows → cell texts. */
export function tables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOfXml(c[1]!)),
    ),
  );
}
