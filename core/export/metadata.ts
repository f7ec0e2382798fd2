// The metadata an exported file carries, and nothing else: the title, the subject, the project number and the
// bidder (the company from 设置, via the project) as author. No account or machine name, no template path, no
// edit-session identifier, and none of the docx library's defaults ("Un-named" as creator and last editor).
import type { DocumentMeta } from '../model/document.js';

/** The one name a file is attributed to: the bidder, else the program. */
const authorOf = (meta: DocumentMeta): string => meta.bidder.trim() || 'BidForge';

/** docx's core properties (docProps/core.xml); app.xml and custom.xml stay empty. */
export function docxProperties(meta: DocumentMeta) {
  const author = authorOf(meta);
  return {
    title: meta.title,
    subject: meta.projectName,
    creator: author,
    lastModifiedBy: author,
    revision: 1,
    description: `${meta.projectName} ${meta.projectNo}`.trim(),
  };
}

/** pdfmake's document information dictionary. */
export function pdfInfo(meta: DocumentMeta) {
  return {
    title: meta.title,
    author: authorOf(meta),
    subject: meta.projectName,
    keywords: meta.projectNo,
    creator: 'BidForge',
    producer: 'BidForge',
  };
}
