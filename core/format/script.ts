// Simplified → Traditional output (Taiwan standard characters) with OpenCC, plus a glossary for terms it gets wrong.
import * as OpenCC from 'opencc-js';
import type { Block, Document } from '../model/document.js';

// Built on first use (its dictionaries are ~40 MB): most documents are never converted.
let toTaiwan: ((text: string) => string) | undefined;

/** After OpenCC: forms that Taiwan and Hong Kong tenders actually write. */
const GLOSSARY: [string, string][] = [
  ['發佈', '發布'],
  ['包乾', '包幹'],
  ['髮揮', '發揮'],
  ['公佈', '公布'],
  ['宣佈', '宣布'],
  ['分佈', '分布'],
  ['佈置', '布置'],
  ['週一', '周一'],
  ['週二', '周二'],
  ['週三', '周三'],
  ['週四', '周四'],
  ['週五', '周五'],
  ['週六', '周六'],
  ['週日', '周日'],
  ['週末', '周末'],
];

export function toTraditional(text: string): string {
  toTaiwan ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  let out = toTaiwan(text);
  for (const [from, to] of GLOSSARY) out = out.split(from).join(to);
  return out;
}

function convertBlock(b: Block, t: (s: string) => string): Block {
  switch (b.kind) {
    case 'heading':
      return { ...b, number: t(b.number), text: t(b.text) };
    case 'paragraph':
    case 'listItem':
      return { ...b, runs: b.runs.map((r) => ({ ...r, text: t(r.text) })) };
    case 'table':
      return { ...b, header: b.header.map(t), rows: b.rows.map((r) => r.map(t)) };
    case 'signature':
      return { ...b, parties: b.parties.map((p) => ({ role: t(p.role), lines: p.lines.map(t) })) };
  }
}

export function documentToTraditional(doc: Document): Document {
  const m = doc.meta;
  return {
    meta: { ...m, title: toTraditional(m.title), projectName: toTraditional(m.projectName), bidder: toTraditional(m.bidder) },
    blocks: doc.blocks.map((b) => convertBlock(b, toTraditional)),
  };
}
