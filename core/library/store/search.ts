// Full-text search for Chinese clause text with MiniSearch. Chinese has no spaces, so Han runs are indexed as single
// characters plus character bigrams, and queries are matched by their bigrams (all must occur: AND), which finds
// 压缩机 inside 压缩机包修六年 without a dictionary. Traditional input is folded to Simplified with OpenCC on both sides,
// and full-width forms are folded by NFKC, so 壓縮機 and ７×２４ find 压缩机 and 7×24.
import MiniSearch from 'minisearch';
import * as OpenCC from 'opencc-js';

// Built on first use: OpenCC builds its dictionaries when a converter is made (~0.2 s), a cost every program that
// opens the store (the CLI, a child saving in a test) would otherwise pay at start-up even when it never searches.
let converters: { twToCn: (s: string) => string; hkToCn: (s: string) => string; cnToTw: (s: string) => string; cnToHk: (s: string) => string } | undefined;
function opencc() {
  return (converters ??= {
    twToCn: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    hkToCn: OpenCC.Converter({ from: 'hk', to: 'cn' }),
    cnToTw: OpenCC.Converter({ from: 'cn', to: 'tw' }),
    cnToHk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
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
  for (const m of normalizeText(text).matchAll(RUN)) out.push(m[1] ? { han: true, text: m[1] } : { han: false, text: m[2]! });
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
  private readonly bodies = new Map<string, string>();
  /** Each body prepared for snippets, made on its first hit: the same clauses come up again and again. */
  private readonly prepared = new Map<string, PreparedBody>();

  constructor(docs: SearchDoc[]) {
    this.mini.addAll(docs);
    for (const d of docs) this.bodies.set(d.id, d.body);
  }

  /** The best `limit` hits that `accept` lets through; snippets (the costly part) only for those. */
  search(query: string, accept: (id: string) => boolean = () => true, limit = Infinity): { id: string; clauseId: string; variant: string; version: number; score: number; snippet: string }[] {
    if (!queryTokens(query).length) return [];
    const q = foldQuery(query);
    return this.mini.search(query).filter((r) => accept(String(r.id))).slice(0, limit).map((r) => ({
      id: String(r.id),
      clauseId: r.clauseId as string,
      variant: r.variant as string,
      version: r.version as number,
      score: r.score,
      snippet: snippetOf(this.preparedBody(String(r.id)), q),
    }));
  }

  private preparedBody(id: string): PreparedBody {
    let p = this.prepared.get(id);
    if (!p) this.prepared.set(id, (p = prepareBody(this.bodies.get(id) ?? '')));
    return p;
  }
}

/**
 * A body as shown in a snippet (markup and {{ }} dropped), split into characters, and `folded` for matching: each
 * character NFKC-folded and lower-cased (one for one, so positions line up). Traditional text is matched by looking
 * for the query's Taiwan and Hong Kong forms too: two OpenCC conversions per search instead of one per hit, which
 * (at ~0.15 ms a body) was most of a search's time at 10,000 clauses. A body mixing both scripts inside the matched
 * words gets no highlighted snippet (it shows its start); the hit itself is still found by the index.
 */
type PreparedBody = { chars: string[]; folded: string };
/** The query folded like the index, without spaces (`q`), and the forms it may have in a Traditional body. */
type FoldedQuery = { q: string; forms: string[] };

function prepareBody(body: string): PreparedBody {
  const plain = body.replace(/\{\{[^}]*\}\}/g, '…').replace(/[*_#>`]/g, '').replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  const folded = chars
    .map((c) => {
      const f = c.normalize('NFKC').toLowerCase();
      return [...f].length === 1 ? f : c; // keep one character per character (… would become ...)
    })
    .join('');
  return { chars, folded };
}

/** Where the folded query starts in the body, in characters; -1 when it does not occur. */
function findIn(p: PreparedBody, { q, forms }: FoldedQuery): number {
  if (!q) return -1;
  for (const form of forms) {
    const at = p.folded.indexOf(form);
    if (at >= 0) return [...p.folded.slice(0, at)].length;
  }
  return -1;
}

/** The query as snippets look for it: folded like the index, without spaces. */
function foldQuery(query: string): FoldedQuery {
  const q = normalizeText(query).replace(/\s+/g, '');
  const { cnToTw, cnToHk } = opencc();
  return { q, forms: [...new Set([q, cnToTw(q), cnToHk(q)])].filter((f) => [...f].length === [...q].length) };
}

/** ±30 characters around the first place the body contains the whole query (compared after normalizing both). */
export function snippet(body: string, query: string, radius = 30): string {
  return snippetOf(prepareBody(body), foldQuery(query), radius);
}

function snippetOf(p: PreparedBody, fq: FoldedQuery, radius = 30): string {
  const { chars } = p;
  const at = findIn(p, fq);
  if (at < 0) return chars.slice(0, radius * 2).join('') + (chars.length > radius * 2 ? '…' : '');
  const from = Math.max(0, at - radius);
  const to = Math.min(chars.length, at + [...fq.q].length + radius);
  return (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
}
