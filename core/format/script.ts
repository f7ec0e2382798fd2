// Simplified → Traditional output (Taiwan standard characters) with OpenCC, plus a glossary for terms it gets wrong.
import * as OpenCC from 'opencc-js';
import type { Block, Document } from '../model/document.js';

// Built on first use (its dictionaries are ~40 MB): most documents are never converted.
let toTaiwan: ((text: string) => string) | undefined;

/**
 * After OpenCC (`cn` → `tw`, i.e. s2tw: Taiwan-standard characters, mainland wording kept): the forms that Taiwan
 * tenders write where OpenCC picks the wrong character for an after-sales bid. Applied in order to OpenCC's output;
 * each rule is as narrow as the fault it fixes, guarded by look-behind/ahead where a wider match would break a word.
 * Decisions: 臺 throughout (OpenCC's and the official Taiwan form; 颱風, 櫃檯, 檯面 keep their own characters),
 * 週 throughout (週期, 每週, 週一至週五), 帳 for accounts (帳戶, 帳號, 臺帳), 包乾 (OpenCC's, right; 包幹 is wrong).
 * test/core/script-glossary.test.ts holds the terms and the near-misses these rules must leave alone.
 */
const GLOSSARY: [RegExp, string][] = [
  // Taiwan writes 發布, 公布, 宣布, 分布, 布置.
  [/發佈/g, '發布'],
  [/公佈/g, '公布'],
  [/宣佈/g, '宣布'],
  [/分佈/g, '分布'],
  [/佈置/g, '布置'],
  [/髮揮/g, '發揮'],
  // 并为 is "and for" (並為) unless it is 合并/归并/兼并/吞并 + 为 (合併為).
  [/(?<![合歸兼吞])併為/g, '並為'],
  // 并发送/发出/发放/发给/发布/发函: "and send", not 併發 (concurrency, 併發症 keep 併).
  [/併(?=發[送出放給布函])/g, '並'],
  // OpenCC writes 復核/復查… after 進行 (and 複核 elsewhere): always 複 for a second check, except 恢復/修復… + 核心/查詢.
  [/(?<![恢修康光收往反平報克興匡])復(?=[核查檢測驗審試評])/g, '複'],
  // Accounts: 帳戶, 帳號, 轉帳, 臺帳 (賬 is a variant in Taiwan).
  [/賬/g, '帳'],
  // 隻 is the measure word for items: after a digit (10只, 10 只) and as a unit (單位：只, a cell holding only 只);
  // the adverb 只 (只有, 只要, 只需…) stays. OpenCC already writes 一隻, 三隻, 幾隻, 每隻.
  [/(?<=[0-9０-９]\s?)只(?![有是要需能限可在會得收用讀允對不為])/g, '隻'],
  [/(?<=單位\s?[:：]\s?)只/g, '隻'],
  [/^(\s*)只(\s*)$/, '$1隻$2'],
  // HVAC: 製熱 like 製冷 (not 控制熱水, 壓制熱…); 回風/回風口 (OpenCC writes 迴風).
  [/(?<![控抑限管編體強節克牽專法遏規壓])制熱/g, '製熱'],
  [/迴風/g, '回風'],
  // Charging a circuit (加注製冷劑/冷媒/氟/潤滑油) is 注, not 註 (annotate: 加註釋, 加註說明 keep 註).
  [/註(?=[製冷氟潤機油液])/g, '注'],
];

export function toTraditional(text: string): string {
  toTaiwan ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  let out = toTaiwan(text);
  for (const [from, to] of GLOSSARY) out = out.replace(from, to);
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
    meta: {
      ...m,
      title: toTraditional(m.title),
      projectName: toTraditional(m.projectName),
      bidder: toTraditional(m.bidder),
    },
    blocks: doc.blocks.map((b) => convertBlock(b, toTraditional)),
  };
}
