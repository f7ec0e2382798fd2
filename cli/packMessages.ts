// bidforge library export|import (clause packs): its words, in Chinese and English (--lang zh|en), with English plurals.
import { selectPlurals } from '../core/i18n/plural.js';
import { problemText } from '../core/i18n/problemText.js';
import { fingerprintOf } from '../core/library/packSigning.js';
import type { PackSigner } from '../core/library/packSigner.js';
import type { Problem } from '../core/model/problem.js';
import type { Lang } from './messages.js';

const MESSAGES = {
  needOut: {
    zh: 'library export：请用 --out <文件.bfpack.json> 指定条款包文件',
    en: 'library export: name the pack file with --out <file.bfpack.json>',
  },
  whichPack: {
    zh: 'library import：请指定条款包文件（bidforge library import <文件.bfpack.json>）',
    en: 'library import: which pack file? (bidforge library import <file.bfpack.json>)',
  },
  whichAction: {
    zh: 'library：请写 export 或 import，而不是“{action}”',
    en: 'library: say export or import, not "{action}"',
  },
  cannotRead: { zh: '{file}：无法读取文件（{reason}）', en: '{file}: cannot read the file ({reason})' },
  notJson: { zh: '{file}：不是有效的 JSON 文件', en: '{file}: not a valid JSON file' },
  badResolve: {
    zh: '--resolve 应为 keep-mine、take-theirs 或 keep-both，而不是“{value}”',
    en: '--resolve must be keep-mine, take-theirs or keep-both, not "{value}"',
  },
  wrote: {
    zh: '已写入 {file}（{clauses} 个条款，{blueprints} 个蓝本）',
    en: 'wrote {file} ({clauses, plural, one {# clause} other {# clauses}}, {blueprints, plural, one {# blueprint} other {# blueprints}})',
  },
  preview: {
    zh: '{file}：新增 {new}，相同 {identical}，冲突 {conflicting}',
    en: '{file}: {new} new, {identical} identical, {conflicting} conflicting',
  },
  warning: { zh: '  警告：{text}', en: '  warning: {text}' },
  people: { zh: '      作者：{author}', en: '      author: {author}' },
  reviewer: { zh: '，审核人：{reviewer}', en: ', reviewer: {reviewer}' },
  imported: { zh: '已导入：{counts}', en: 'imported: {counts}' },
  nothing: { zh: '已导入：没有需要改动的内容', en: 'imported: nothing to change' },
  signedAs: {
    zh: '  签名：签发人“{signer}”，指纹 {fingerprint}（请把本机公钥交给导入方：bidforge library trust list）',
    en: '  signed as “{signer}”, fingerprint {fingerprint} (give importers this key: bidforge library trust list)',
  },
  signedAnon: {
    zh: '  签名：指纹 {fingerprint}，未署名（在 设置 中填写公司名称或用户名后，导出的包将以此署名）',
    en: '  signed, fingerprint {fingerprint}, with no name (set the company or user name in Settings to sign with it)',
  },
  signer: { zh: '  签名：{text}', en: '  signature: {text}' },
} as const;

/** What an item of a pack preview is, and what an import did with each. */
const WORDS: Record<Lang, Record<string, string>> = {
  zh: {
    new: '新增',
    identical: '相同',
    conflicting: '冲突',
    added: '新增',
    'new-version': '新版本',
    replaced: '替换',
    'kept-both': '两者都保留',
    'kept-mine': '保留本地',
    conflict: '冲突',
  },
  en: {
    new: 'new',
    identical: 'identical',
    conflicting: 'conflicting',
    added: 'added',
    'new-version': 'new version',
    replaced: 'replaced',
    'kept-both': 'kept both',
    'kept-mine': 'kept mine',
    conflict: 'conflict',
  },
};

export function libSay(lang: Lang, key: keyof typeof MESSAGES, params: Record<string, string | number> = {}): string {
  const template = selectPlurals(MESSAGES[key][lang], params, lang === 'en' ? 'en' : 'zh-CN');
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
}

export const libWord = (lang: Lang, word: string): string => WORDS[lang][word] ?? word;

/** The export's signature line: who the pack is signed as, and the key's fingerprint. */
export function signedLine(lang: Lang, pack: unknown): string | undefined {
  const sig = (pack as { signature?: { publicKey?: unknown; signer?: unknown } }).signature;
  if (typeof sig?.publicKey !== 'string') return undefined;
  const fingerprint = fingerprintOf(sig.publicKey);
  return typeof sig.signer === 'string' && sig.signer
    ? libSay(lang, 'signedAs', { signer: sig.signer, fingerprint })
    : libSay(lang, 'signedAnon', { fingerprint });
}

/** The import's signature line: who signed the pack and whether its approvals are kept (else drafts), in plain words. */
export function signerLine(lang: Lang, signer: PackSigner | undefined): string | undefined {
  return signer && libSay(lang, 'signer', { text: problemText(signer.notice, lang === 'en' ? 'en' : 'zh-CN') });
}

/** A pack preview's warning (a Problem: Chinese message, English by code) in the chosen language. */
export function packWarningText(warning: Problem, lang: Lang): string {
  return problemText(warning, lang === 'en' ? 'en' : 'zh-CN');
}

const TRUST = {
  own: {
    zh: '本机的签名公钥（指纹 {fingerprint}）：把下面的文本交给导入本机条款包的同事',
    en: "This library's signing key (fingerprint {fingerprint}): give the text below to colleagues who import packs from here",
  },
  none: {
    zh: '尚未添加受信任的签发人：导入的条款包都将作为草稿导入',
    en: 'No trusted signers yet: every imported pack arrives as drafts',
  },
  list: { zh: '受信任的签发人（{count} 个）：', en: 'Trusted signers ({count}):' },
  added: {
    zh: '已添加受信任的签发人 {name}（指纹 {fingerprint}）',
    en: 'Trusted signer added: {name} (fingerprint {fingerprint})',
  },
  removed: { zh: '已移除指纹为 {fingerprint} 的签发人', en: 'Removed the signer with fingerprint {fingerprint}' },
  cannotRead: { zh: '{file}：无法读取文件（{reason}）', en: '{file}: cannot read the file ({reason})' },
  usage: {
    zh: '用法：bidforge library trust [list] | add [名称] <公钥文件> | remove <指纹>',
    en: 'usage: bidforge library trust [list] | add [NAME] <key file> | remove <fingerprint>',
  },
} as const;

/** bidforge library trust (cli/libraryTrust.ts): its words. */
export function trustSay(lang: Lang, key: keyof typeof TRUST, params: Record<string, string | number> = {}): string {
  return TRUST[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : m,
  );
}
