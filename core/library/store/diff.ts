// Diff of two clause bodies for Chinese text: no whitespace words, so by dictionary word (Intl.Segmenter) or by character.
import { diffArrays, diffChars } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';
export type DiffSegment = { op: DiffOp; text: string };
export type DiffGranularity = 'word' | 'char';

// Made on first use: loading ICU's word dictionary costs every command's start ~10 ms, and few commands diff.
let segmenter: Intl.Segmenter | undefined;

/** Word tokens: the segmenter's words, with punctuation and whitespace as their own tokens. Joined, they give `text` back. */
export function wordTokens(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function push(out: DiffSegment[], op: DiffOp, text: string) {
  if (!text) return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Segments that rebuild `a` (equal + delete) and `b` (equal + insert). */
export function diffText(a: string, b: string, granularity: DiffGranularity = 'word'): DiffSegment[] {
  const out: DiffSegment[] = [];
  if (granularity === 'char') {
    for (const c of diffChars(a, b)) push(out, c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value);
    return out;
  }
  for (const c of diffArrays(wordTokens(a), wordTokens(b)))
    push(out, c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value.join(''));
  return out;
}

export function diffStats(segments: DiffSegment[]): { inserted: number; deleted: number; unchanged: number } {
  const count = (op: DiffOp) => segments.filter((s) => s.op === op).reduce((n, s) => n + [...s.text].length, 0);
  return { inserted: count('insert'), deleted: count('delete'), unchanged: count('equal') };
}
