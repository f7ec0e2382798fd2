// The facts a clause cites, as the sample render prints them: each fact's label and the texts it prints there (its
// whole promise, its deadline, its figure), and a highlighter that marks those texts in the rendered preview with the
// CSS Custom Highlight API — ranges over the preview's text, so the preview's DOM (React's) is never touched.
import { factDeadline, factFigure, factLabel, factPhrase } from '@core/commitments/phrase.js';
import { sampleFactsFor } from '@core/library/sampleFacts.js';

export type CitedFact = { id: string; label: string; figure: string; texts: string[] };

/** The facts a body names, with the sample figures the render gives them (core/library/sampleFacts.ts). */
export function citedFacts(body: string): CitedFact[] {
  return sampleFactsFor(body).map((c) => ({
    id: c.id,
    label: factLabel(c),
    figure: factFigure(c),
    texts: [...new Set([factPhrase(c), factDeadline(c), factFigure(c)])].filter(Boolean),
  }));
}

type HighlightApi = {
  highlights: Map<string, unknown>;
  Highlight: new (...ranges: Range[]) => unknown;
};

/** Ranges over `root`'s text where any of the texts occurs, longest first, none overlapping. */
export function rangesOf(root: Element, texts: string[]): Range[] {
  const wanted = [...new Set(texts)].filter((t) => t.length >= 2).sort((a, b) => b.length - a.length);
  const ranges: Range[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const taken: [number, number][] = [];
    for (const w of wanted)
      for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + w.length)) {
        const end = at + w.length;
        if (taken.some(([s, e]) => s < end && at < e)) continue;
        taken.push([at, end]);
        const r = root.ownerDocument.createRange();
        r.setStart(node, at);
        r.setEnd(node, end);
        ranges.push(r);
      }
  }
  return ranges;
}

/** Marks the texts under `root` as the highlight `name` (styled by ::highlight(name)); returns the count marked. */
export function highlightTexts(name: string, root: Element | null, texts: string[]): number {
  const api = (globalThis as unknown as { CSS?: Partial<HighlightApi> }).CSS;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightApi['Highlight'] }).Highlight;
  if (!api?.highlights || !Highlight) return 0;
  if (!root || !texts.length) {
    api.highlights.delete(name);
    return 0;
  }
  const ranges = rangesOf(root, texts);
  api.highlights.set(name, new Highlight(...ranges));
  return ranges.length;
}
