// A small scanner for the WordprocessingML parts the numbering reader needs (numbering.xml, styles.xml, document.xml):
// tags with their offsets, so a label can be inserted into document.xml where it stands, without a DOM of a
// multi-megabyte part. Comments, processing instructions and CDATA are skipped; element names are compared by local
// name under the prefix the part binds to WordprocessingML's namespace.

export type Tag = {
  /** The element's local name when its prefix is WordprocessingML's, else its full qualified name. */
  name: string;
  close: boolean;
  selfClose: boolean;
  attrs: string;
  start: number;
  end: number;
};

const TAG =
  /<(?:!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|[?!][^>]*>|(\/)?([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/)?>)/g;

const WML = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The prefixes the part's root binds to WordprocessingML and to markup compatibility (w and mc by default). */
export function prefixes(xml: string): { w: string; mc: string } {
  const root = /<([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (s) => ' '.repeat(s.length)),
  );
  const out = { w: 'w', mc: 'mc' };
  for (const m of (root?.[2] ?? '').matchAll(/xmlns:([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const uri = m[2] ?? m[3] ?? '';
    if (WML.has(uri)) out.w = m[1]!;
    else if (uri === MC) out.mc = m[1]!;
  }
  return out;
}

/** The part's tags in order; WordprocessingML elements by local name, markup-compatibility ones as `mc:…`. */
export function* tags(xml: string): Generator<Tag> {
  const { w, mc } = prefixes(xml);
  const wp = `${w}:`;
  const mcp = `${mc}:`;
  for (const m of xml.matchAll(TAG)) {
    const qname = m[2];
    if (!qname) continue;
    const name = qname.startsWith(wp)
      ? qname.slice(wp.length)
      : qname.startsWith(mcp)
        ? `mc:${qname.slice(mcp.length)}`
        : qname.includes(':')
          ? `:${qname}`
          : qname;
    yield { name, close: !!m[1], selfClose: !!m[4], attrs: m[3] ?? '', start: m.index, end: m.index + m[0].length };
  }
}

/** The value of an attribute by its local name (w:val → val), entities decoded. */
const attrRes = new Map<string, RegExp>();
export function attr(t: Tag, local: string): string | undefined {
  let re = attrRes.get(local);
  if (!re) {
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrRes.set(local, re);
  }
  const m = re.exec(t.attrs);
  return m ? decode(m[1] ?? m[2] ?? '') : undefined;
}

/** An on/off property (w:isLgl, w:b): present without a value, or with true/1/on. */
export function onOff(t: Tag): boolean {
  const v = attr(t, 'val');
  return v === undefined || v === 'true' || v === '1' || v === 'on';
}

export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] ?? '';
  });
}

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
