// Full-text search for Chinese clause text with MiniSearch. Chinese has no spaces, so Han runs are indexed as single
// characters plus character bigrams, and queries are matched by their bigrams (all must occur: AND), which finds
// 压缩机 inside 压缩机包修六年 without a dictionary. Traditional input is folded to Simplified with OpenCC on both sides,
// and full-width forms are folded by NFKC, so 壓縮機 and ７×２４ find 压缩机 and 7×24.
import MiniSearch from 'minisearch';
import * as OpenCC from 'opencc-js';

const twToCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });

/** NFKC, lower case, Traditional (Taiwan and Hong Kong forms) → Simplified. */
export function normalizeText(text: string): string {
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

  constructor(docs: SearchDoc[]) {
    this.mini.addAll(docs);
    for (const d of docs) this.bodies.set(d.id, d.body);
  }

  /** The best `limit` hits that `accept` lets through; snippets (the costly part) only for those. */
  search(query: string, accept: (id: string) => boolean = () => true, limit = Infinity): { id: string; clauseId: string; variant: string; version: number; score: number; snippet: string }[] {
    if (!queryTokens(query).length) return [];
    return this.mini.search(query).filter((r) => accept(String(r.id))).slice(0, limit).map((r) => ({
      id: String(r.id),
      clauseId: r.clauseId as string,
      variant: r.variant as string,
      version: r.version as number,
      score: r.score,
      snippet: snippet(this.bodies.get(String(r.id)) ?? '', query),
    }));
  }
}

/** ±30 characters around the first place the body contains the whole query (compared after normalizing both). */
export function snippet(body: string, query: string, radius = 30): string {
  const plain = body.replace(/\{\{[^}]*\}\}/g, '…').replace(/[*_#>`]/g, '').replace(/\s+/g, ' ').trim();
  const chars = [...plain];
  const norm = chars.map((c) => normalizeText(c));
  const q = [...normalizeText(query).replace(/\s+/g, '')];
  let at = -1;
  if (q.length)
    outer: for (let i = 0; i + q.length <= norm.length; i++) {
      for (let j = 0; j < q.length; j++) if (norm[i + j] !== q[j]) continue outer;
      at = i;
      break;
    }
  if (at < 0) return chars.slice(0, radius * 2).join('') + (chars.length > radius * 2 ? '…' : '');
  const from = Math.max(0, at - radius);
  const to = Math.min(chars.length, at + q.length + radius);
  return (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
}
