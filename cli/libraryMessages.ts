// What `bidforge library list|show|add|edit|submit|approve|reject|retire` says, in Chinese and English (--lang).
// A clause is named by its title, its id after it.
import type { Lang } from './messages.js';

type Words = {
  status: Record<string, string>;
  named: (title: string, id: string) => string;
  created: (c: string, v: string) => string;
  edited: (c: string, variant: string, version: number) => string;
  variantAdded: (c: string, variant: string) => string;
  metaUpdated: (c: string) => string;
  submitted: (c: string, variant: string, version: number) => string;
  approved: (c: string, variant: string, version: number, who: string) => string;
  approvedAlone: (c: string, variant: string, version: number, who: string) => string;
  rejected: (c: string, variant: string, version: number, reason: string) => string;
  retired: (c: string, n: number) => string;
  nothingIn: (c: string, wanted: string, latest: string) => string;
  ownVersion: (c: string, version: number, who: string) => string;
  storeInUse: (detail: string) => string;
  whichVariant: (c: string, variants: string) => string;
  noVariant: (c: string, variant: string) => string;
  noClause: (id: string) => string;
  needId: (action: string) => string;
  needFile: (action: string) => string;
  needReason: string;
  noUser: string;
  badFile: (file: string, why: string) => string;
  refused: (c: string, why: string) => string;
  none: string;
  head: { versions: string; body: string; rejectedBecause: (r: string) => string; alone: string; variant: string };
};

const ZH: Words = {
  status: { draft: '草稿', in_review: '待审核', approved: '已批准', retired: '已停用' },
  named: (title, id) => `“${title}”（${id}）`,
  created: (c, v) => `已新建条款 ${c}，${v} 第 1 版为草稿`,
  edited: (c, variant, version) => `已为 ${c} 的 ${variant} 写入第 ${version} 版草稿`,
  variantAdded: (c, variant) => `已为 ${c} 新增变体 ${variant}，第 1 版为草稿`,
  metaUpdated: (c) => `已更新 ${c} 的标题、分类或标签`,
  submitted: (c, variant, version) => `已提交审核：${c} ${variant} 第 ${version} 版`,
  approved: (c, variant, version, who) => `已批准：${c} ${variant} 第 ${version} 版（审核人 ${who}）`,
  approvedAlone: (c, variant, version, who) =>
    `已批准：${c} ${variant} 第 ${version} 版（单人审核：作者 ${who} 本人批准，已记入历史）`,
  rejected: (c, variant, version, reason) => `已退回：${c} ${variant} 第 ${version} 版，原因：${reason}`,
  retired: (c, n) => `已停用 ${c} 的 ${n} 个版本`,
  nothingIn: (c, wanted, latest) => `${c} 没有${wanted}的版本（最新版本：${latest}），未作改动`,
  ownVersion: (c, version, who) =>
    `不能批准：${c} 第 ${version} 版由 ${who} 撰写，作者不能批准自己的版本。请由另一位审核人批准（--as 其姓名），或在 设置 中开启单人审核`,
  storeInUse: (detail) => `条款库正在被其他程序使用，已等待但未能写入，未作改动，请稍后再试（${detail}）`,
  whichVariant: (c, variants) => `${c} 有多个变体，请用 --variant 指定：${variants}`,
  noVariant: (c, variant) => `${c} 没有变体“${variant}”`,
  noClause: (id) => `条款库中没有条款 ${id}（bidforge library list 可列出全部）`,
  needId: (action) => `library ${action}：请指定条款 id（bidforge library list 可查看）`,
  needFile: (action) => `library ${action}：请指定条款文件（.md，格式见 README“命令行上的条款工作流”）`,
  needReason: 'library reject：退回须用 --reason 写明原因',
  noUser: '请用 --as 姓名 说明是谁在操作（或在 设置 中填写姓名）',
  badFile: (file, why) => `${file}：${why}`,
  refused: (c, why) => `${c}：${why}`,
  none: '没有符合条件的条款',
  head: {
    versions: '版本',
    body: '正文（最新版本）',
    rejectedBecause: (r) => `退回原因：${r}`,
    alone: '单人审核',
    variant: '变体',
  },
};

const EN: Words = {
  status: { draft: 'draft', in_review: 'in review', approved: 'approved', retired: 'retired' },
  named: (title, id) => `“${title}” (${id})`,
  created: (c, v) => `created ${c}; ${v} version 1 is a draft`,
  edited: (c, variant, version) => `wrote draft version ${version} of ${c} ${variant}`,
  variantAdded: (c, variant) => `added variant ${variant} to ${c}; version 1 is a draft`,
  metaUpdated: (c) => `updated the title, category or tags of ${c}`,
  submitted: (c, variant, version) => `submitted for review: ${c} ${variant} version ${version}`,
  approved: (c, variant, version, who) => `approved: ${c} ${variant} version ${version} (reviewer ${who})`,
  approvedAlone: (c, variant, version, who) =>
    `approved: ${c} ${variant} version ${version} (single reviewer: approved by its author ${who}; the history records it)`,
  rejected: (c, variant, version, reason) => `rejected: ${c} ${variant} version ${version}, reason: ${reason}`,
  retired: (c, n) => `retired ${n} version(s) of ${c}`,
  nothingIn: (c, wanted, latest) => `${c} has no version that is ${wanted} (latest: ${latest}); nothing changed`,
  ownVersion: (c, version, who) =>
    `not approved: ${c} version ${version} was written by ${who}, and nobody approves their own version. Another reviewer approves it (--as their name), or turn on single-reviewer mode in 设置 (Settings)`,
  storeInUse: (detail) =>
    `the clause store is in use by another program; waited, nothing changed, try again (${detail})`,
  whichVariant: (c, variants) => `${c} has several variants; say which with --variant: ${variants}`,
  noVariant: (c, variant) => `${c} has no variant “${variant}”`,
  noClause: (id) => `no clause ${id} in the library (bidforge library list shows them)`,
  needId: (action) => `library ${action}: which clause id? (bidforge library list shows them)`,
  needFile: (action) =>
    `library ${action}: which clause file? (.md, format in the README's "Clauses on the command line")`,
  needReason: 'library reject: say why with --reason',
  noUser: 'say who is acting with --as NAME (or set your name in 设置 / Settings)',
  badFile: (file, why) => `${file}: ${why}`,
  refused: (c, why) => `${c}: ${why}`,
  none: 'no clauses match',
  head: {
    versions: 'Versions',
    body: 'Body (latest version)',
    rejectedBecause: (r) => `rejected because: ${r}`,
    alone: 'single reviewer',
    variant: 'Variant',
  },
};

export const libraryWords = (lang: Lang): Words => (lang === 'en' ? EN : ZH);
