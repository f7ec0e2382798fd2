// Text comparison helpers for extracted PDF/DOCX text.
import { expect } from 'vitest';

/** Removes every whitespace character, so line wrapping and layout spacing do not matter. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

/** Asserts that each needle occurs in haystack, each one after the previous. */
export function expectInOrder(haystack: string, needles: readonly string[]): void {
  let from = 0;
  for (const n of needles) {
    const at = haystack.indexOf(n, from);
    expect(at, `"${n}" should appear after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + n.length;
  }
}

/** Asserts haystack contains needle; on failure shows the needle and the text around its longest matching prefix, not the whole text. */
export function expectContains(haystack: string, needle: string): void {
  if (haystack.includes(needle)) return;
  let n = needle.length;
  while (n > 1 && !haystack.includes(needle.slice(0, n))) n--;
  const at = haystack.indexOf(needle.slice(0, n));
  const near = at >= 0 ? haystack.slice(Math.max(0, at - 10), at + needle.length + 20) : '(no part of it found)';
  expect.fail(`expected the text to contain\n  ${needle}\nclosest: …${near}…`);
}
