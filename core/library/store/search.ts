// Full-text search for Chinese clause text with MiniSearch. Chinese has no spaces, so Han runs are indexed as single
// characters plus character bigrams, and queries are matched by their bigrams (all must occur: AND), which finds
// 压缩机 inside 压缩机包修六年 without a dictionary. Traditional input is folded to Simplified with OpenCC on both sides,
// and full-width forms are folded by NFKC, so 壓縮機 and ７×２４ find 压缩机 and 7×24.
import MiniSearch from 'minisearch';
import * as OpenCC from 'opencc-js';

// Built on first use: OpenCC builds its dictionaries when a converter is made, a cost every program that opens the
// store (the CLI, a child saving in a test) would otherwise pay at start-up even when it never searches. Only the
// Traditional → Simplified pair is needed (small dictionaries, ~5 MB): snippets fold the body the way the index does
// rather than turning the query into Traditional, whose Simplified → Traditional phrase dictionaries took ~80 MB of
// heap and ~0.8 s to build for the first search (see prepareBody).
let converters: { twToCn: (s: string) => string; hkToCn: (s: string) => string } | undefined;
function opencc() {
  return (converters ??= {
    twToCn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    hkToCn: OpenCC.Converter({ from: 'hk', to: 'cn' }),
  });
}

/** NFKC, lower case, Traditional (Taiwan and Hong Kong forms) → Simplified. */
export function normalizeText(text: string): string {
  const { twToCn, hkToCn } = opencc();
  return hkToCn(twToCn(text.normalize('NFKC').toLowerCase()));
}

const RUN = /(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;

function runs(text: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  for (const m of normalizeText(text).matchAll(RUN))
    out.push(m[1] ? { han: true, text: m[1] } : { han: false, text: m[2]! });
  return out;
}

/** Index terms: every Han character and every Han bigram; other words whole. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const r of runs(text)) {
    if (!r.han) {
      out.push(r.text);
      continue;
    }
    const chars = [...r.text];
    chars.forEach((c, i) => {
      out.push(c);
      if (i + 1 < chars.length) out.push(c + chars[i + 1]);
    });
  }
  return out;
}

/** Query terms: Han bigrams (a lone Han character stays a unigram); other words whole. */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const r of runs(text)) {
    if (!r.han) {
      out.push(r.text);
      continue;
    }
    const chars = [...r.text];
    if (chars.length === 1) out.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return [...new Set(out)];
}

export type SearchDoc = {
  id: string;
  clauseId: string;
  variant: string;
  version: number;
  title: string;
  category: string;
  tags: string;
  labels: string;
  body: string;
};

const isHanTerm = (t: string) => /^\p{Script=Han}+$/u.test(t);

const FIELDS = [
  'id',
  'clauseId',
  'variant',
  'version',
  'title',
  'category',
  'tags',
  'labels',
  'body',
] as const satisfies readonly (keyof SearchDoc)[];
const sameDoc = (a: SearchDoc, b: SearchDoc) => FIELDS.every((f) => a[f] === b[f]);

export class ClauseIndex {
  private readonly mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'category', 'tags', 'variant', 'labels', 'body'],
    storeFields: ['clauseId', 'variant', 'version'],
    tokenize: (text) => indexTokens(text),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (text) => queryTokens(text),
      processTerm: (term) => term,
      combineWith: 'AND',
      // Latin words and numbers may be typed partly (e.g. "hot" for hotline); Han bigrams are matched exactly.
      prefix: (term) => !isHanTerm(term),
      boost: { title: 4, tags: 3, category: 2, variant: 2, labels: 1.5, body: 1 },
    },
  });
  /** The documents indexed, by id: what an update compares with, and what MiniSearch needs to take one out. */
  private readonly docs = new Map<string, SearchDoc>();
  /** Each body prepared for snippets, made on its first hit: the same clauses come up again and again. */
  private readonly prepared = new Map<string, PreparedBody>();

  constructor(docs: SearchDoc[]) {
    this.mini.addAll(docs);
    for (const d of docs) this.docs.set(d.id, d);
  }

  /**
   * Brings the index up to `docs` (all the library's documents as they are now), touching only the documents that
   * are new, changed or gone; returns how many that was. Why not a new index after each change: at 10,000 clauses
   * building one took ~1.5 s and ~50 MB (with the old one still alive until the new one was done), for an edit
   * that changes one document. A changed document is removed (its postings taken out at once, so scores are those
   * of an index built anew) and added again.
   */
  update(docs: SearchDoc[]): number {
    const now = new Set<string>();
    let changed = 0;
    for (const d of docs) {
      now.add(d.id);
      const old = this.docs.get(d.id);
      if (old && sameDoc(old, d)) continue;
      if (old) this.mini.remove(old);
      this.mini.add(d);
      this.docs.set(d.id, d);
      this.prepared.delete(d.id);
      changed++;
    }
    for (const [id, old] of this.docs) {
      if (now.has(id)) continue;
      this.mini.remove(old);
      this.docs.delete(id);
      this.prepared.delete(id);
      changed++;
    }
    return changed;
  }

  /** The best `limit` hits that `accept` lets through; snippets (the costly part) only for those. */
  search(
    query: string,
    accept: (id: string) => boolean = () => true,
    limit = Infinity,
  ): { id: string; clauseId: string; variant: string; version: number; score: number; snippet: string }[] {
    if (!queryTokens(query).length) return [];
    const q = foldQuery(query);
    return (
      this.mini
        .search(query)
        .filter((r) => accept(String(r.id)))
        // Equal scores in id order: an index updated in place answers in the same order as one built anew.
        .sort((a, b) => b.score - a.score || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0))
        .slice(0, limit)
        .map((r) => ({
          id: String(r.id),
          clauseId: r.clauseId as string,
          variant: r.variant as string,
          version: r.version as number,
          score: r.score,
          snippet: snippetOf(this.preparedBody(String(r.id)), q),
        }))
    );
  }

  private preparedBody(id: string): PreparedBody {
    let p = this.prepared.get(id);
    if (!p) this.prepared.set(id, (p = prepareBody(this.docs.get(id)?.body ?? '')));
    return p;
  }
}

/**
 * A body as shown in a snippet (markup and {{ }} dropped), and `folded` for matching: each character NFKC-folded and
 * lower-cased, then Traditional (Taiwan, Hong Kong) folded to Simplified as the index folds it, one for one, so
 * positions line up with the body's; a folding that would change the number of characters (a rare phrase) is left
 * out, and such a body is matched as written. Made once per body (~0.02 ms) and kept: the same clauses come up again
 * and again. A body of the Basic Multilingual Plane only (almost all) is kept as its text, whose UTF-16 positions are
 * its character positions; any other as an array of its characters (an array of one string per character is ~10×
 * the size of the text).
 */
type PreparedBody = { plain: string; chars?: string[]; folded: string };

const ASTRAL = /[\uD800-\uDFFF]/;

function prepareBody(body: string): PreparedBody {
  const plain = body
    .replace(/\{\{[^}]*\}\}/g, '…')
    .replace(/[*_#>`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...plain];
  const nfkc = chars
    .map((c) => {
      const f = c.normalize('NFKC').toLowerCase();
      return [...f].length === 1 ? f : c; // keep one character per character (… would become ...)
    })
    .join('');
  const { twToCn, hkToCn } = opencc();
  const simplified = hkToCn(twToCn(nfkc));
  const folded = [...simplified].length === chars.length ? simplified : nfkc;
  const bmp = !ASTRAL.test(plain) && !ASTRAL.test(folded);
  return bmp ? { plain, folded } : { plain, chars, folded };
}

/** Where the folded query starts in the body, in characters; -1 when it does not occur. */
function findIn(p: PreparedBody, q: string): number {
  if (!q) return -1;
  const at = p.folded.indexOf(q);
  return at < 0 || !p.chars ? at : [...p.folded.slice(0, at)].length;
}

/** The query as snippets look for it: folded like the index, without spaces. */
const foldQuery = (query: string) => normalizeText(query).replace(/\s+/g, '');

/** ±30 characters around the first place the body contains the whole query (compared after normalizing both). */
export function snippet(body: string, query: string, radius = 30): string {
  return snippetOf(prepareBody(body), foldQuery(query), radius);
}

function snippetOf(p: PreparedBody, q: string, radius = 30): string {
  const length = p.chars ? p.chars.length : p.plain.length;
  const slice = (from: number, to: number) => (p.chars ? p.chars.slice(from, to).join('') : p.plain.slice(from, to));
  const at = findIn(p, q);
  if (at < 0) return slice(0, radius * 2) + (length > radius * 2 ? '…' : '');
  const from = Math.max(0, at - radius);
  const to = Math.min(length, at + [...q].length + radius);
  return (from > 0 ? '…' : '') + slice(from, to) + (to < length ? '…' : '');
}
