// What the PDF keeps on one page with what follows it (the layout rules in pdfKeepLayout.ts carry it out).
import type { Document } from '../model/document.js';
import type { KeepNode } from './pdfKeepLayout.js';
import type { PdfNode } from './pdfBlocks.js';

/**
 * A heading goes with the first lines after it (never alone at the foot of a page); the text before a table goes
 * with the table's header and first row (it introduces it); the closing words go with the signature block.
 * `body[i]` is the mapped `doc.blocks[i]`.
 */
export function keepWithNext(doc: Document, body: PdfNode[]): void {
  doc.blocks.forEach((b, i) => {
    const next = doc.blocks[i + 1];
    if (!next || !body[i + 1]) return;
    const keeps =
      b.kind === 'heading' ||
      ((b.kind === 'paragraph' || b.kind === 'listItem') && (next.kind === 'table' || next.kind === 'signature'));
    // Not enumerable: pdfmake walks and copies a node's own properties.
    if (keeps)
      Object.defineProperty(body[i] as KeepNode, 'keepNext', { value: body[i + 1], enumerable: false, writable: true });
  });
}
