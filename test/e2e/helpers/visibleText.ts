// The text a person sees on the page: visible text nodes and the placeholders of empty inputs, outside what shows a
// document (the preview and the warranty-card preview print the document's own language, not the UI's).
import type { Page } from 'playwright-core';

export const DOCUMENT_AREAS = ['[data-testid="preview"]', '.bf-card', '.cm-editor', '[data-user-data]'];

// Runs in the page (the Node tsconfig has no DOM types, so the script is plain JavaScript).
const SCRIPT = `(skip) => {
  const out = [];
  const outside = (el) => !skip.some((s) => el.closest(s));
  const seen = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent || '').trim();
    if (text && el && outside(el) && seen(el) && !el.closest('script,style,svg')) out.push(text);
  }
  for (const el of document.querySelectorAll('input, textarea'))
    if (outside(el) && seen(el) && el.placeholder && !el.value) out.push(el.placeholder);
  return out;
}`;

export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(`(${SCRIPT})(${JSON.stringify(DOCUMENT_AREAS)})`) as Promise<string[]>;
}
