// The self-check's words in both languages: each row's finding and what to do, by its code and params. Chinese is
// what core writes into the row; English serves the CLI's --lang en and the app's English UI.
import type { TenderLang } from './messages.js';

type Params = Record<string, string | number>;
type Words = { text: (p: Params) => string; todo: (p: Params) => string };

export const SELF_CHECK_CODES = [
  'star_unanswered',
  'star_negative',
  'star_accepted',
  'star_not_confirmed',
  'disqualify_tripped',
  'disqualify_unchecked',
  'document_missing',
  'document_elsewhere',
  'section_missing',
  'figures_differ',
] as const;
export type SelfCheckCode = (typeof SELF_CHECK_CODES)[number];

const ZH: Record<SelfCheckCode, Words> = {
  star_unanswered: {
    text: (p) => `★实质性条款「${p.text}」在偏离表第${p.row}行尚无偏离结论`,
    todo: () => '在招标要求中为该行链接承诺的事实，或填写偏离情况',
  },
  star_negative: {
    text: (p) => `★实质性条款「${p.text}」为负偏离（我方：${p.ours}），投标可能被否决`,
    todo: () => '在承诺中改为满足招标要求的数值；确属无法满足的，须在该行写明接受理由',
  },
  star_accepted: {
    text: (p) => `★实质性条款「${p.text}」为负偏离，已注明接受理由：${p.reason}`,
    todo: () => '提交前再次确认该负偏离确可接受；★条款负偏离通常导致废标',
  },
  star_not_confirmed: {
    text: (p) => `招标文件的★实质性条款「${p.text}」未列入偏离表`,
    todo: () => '在导入招标文件的行中确认该条款，使其进入偏离表逐条应答',
  },
  disqualify_tripped: {
    text: (p) => `废标条款「${p.text}」被触发：我方承诺${p.ours}，招标文件要求${p.required}`,
    todo: () => '在承诺中改为满足该条款的数值，否则投标将被否决',
  },
  disqualify_unchecked: {
    text: (p) => `废标条款「${p.text}」无法核对：项目中没有对应的承诺`,
    todo: () => '在承诺中填写该项，或人工确认我方不触发该条款',
  },
  document_missing: {
    text: (p) => `招标文件要求的「${p.title}」不在本投标文件包中`,
    todo: (p) => `在编制中将「${p.blueprint}」加入投标文件包`,
  },
  document_elsewhere: {
    text: (p) => `招标文件要求的「${p.title}」不由本软件生成`,
    todo: () => '另行准备该部分，并按指定目录的顺序装订',
  },
  section_missing: {
    text: (p) => `招标文件要求的章节「${p.title}」在「${p.document}」中没有对应标题`,
    todo: () => '在大纲中加入该章节，或将现有章节标题改为招标文件的写法',
  },
  figures_differ: {
    text: (p) => `投标文件包内数字不一致：${p.message}`,
    todo: () => '统一各文件中的该项数值（在承诺或填写中修改一处即可）',
  },
};

const EN: Record<SelfCheckCode, Words> = {
  star_unanswered: {
    text: (p) => `★ substantive item “${p.text}” has no deviation in row ${p.row} of the deviation table`,
    todo: () => 'Link the row to the fact that answers it in Requirements, or state its deviation',
  },
  star_negative: {
    text: (p) => `★ substantive item “${p.text}” deviates negatively (ours: ${p.ours}): the bid may be rejected`,
    todo: () => 'Change the promise so it meets the tender; if it truly cannot, state in the row why it is accepted',
  },
  star_accepted: {
    text: (p) => `★ substantive item “${p.text}” deviates negatively, accepted because: ${p.reason}`,
    todo: () => 'Confirm once more that this deviation is acceptable: a negative ★ item usually rejects the bid',
  },
  star_not_confirmed: {
    text: (p) => `The tender’s ★ substantive item “${p.text}” is not in the deviation table`,
    todo: () => 'Confirm the row among the imported tender rows so the deviation table answers it',
  },
  disqualify_tripped: {
    text: (p) => `Disqualification “${p.text}” is tripped: we promise ${p.ours}, the tender requires ${p.required}`,
    todo: () => 'Change the promise so it meets this condition, or the bid will be rejected',
  },
  disqualify_unchecked: {
    text: (p) => `Disqualification “${p.text}” cannot be checked: the project promises nothing on it`,
    todo: () => 'State the promise among the facts, or confirm by hand that the bid does not trip it',
  },
  document_missing: {
    text: (p) => `“${p.title}”, required by the tender, is not in this bid package`,
    todo: (p) => `Add “${p.blueprint}” to the bid package in the composer`,
  },
  document_elsewhere: {
    text: (p) => `“${p.title}”, required by the tender, is not made by BidForge`,
    todo: () => 'Prepare that part separately and bind it in the order of the mandated contents',
  },
  section_missing: {
    text: (p) => `The mandated section “${p.title}” has no heading in “${p.document}”`,
    todo: () => 'Add the section in the outline, or title an existing section as the tender words it',
  },
  figures_differ: {
    text: (p) => `Figures differ within the bid package: ${p.message}`,
    todo: () => 'Make the figure the same everywhere (change it once in the facts or the form)',
  },
};

export function selfCheckWords(code: SelfCheckCode, params: Params, lang: TenderLang): { text: string; todo: string } {
  const w = (lang === 'en' ? EN : ZH)[code];
  return { text: w.text(params), todo: w.todo(params) };
}

/** The XLSX report's column headers. */
export const SELF_CHECK_HEADER: Record<TenderLang, string[]> = {
  zh: ['序号', '严重程度', '类别', '问题', '招标文件位置', '处理建议'],
  en: ['No.', 'Severity', 'Kind', 'Finding', 'Place in the tender', 'What to do'],
};
export const SEVERITY_LABEL: Record<'error' | 'warning', Record<TenderLang, string>> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '提示', en: 'warning' },
};
export const SELF_CHECK_KIND: Record<
  'star' | 'disqualify' | 'document' | 'section' | 'figures',
  Record<TenderLang, string>
> = {
  star: { zh: '★实质性条款', en: '★ item' },
  disqualify: { zh: '废标条款', en: 'disqualification' },
  document: { zh: '指定文件', en: 'mandated document' },
  section: { zh: '指定章节', en: 'mandated section' },
  figures: { zh: '数字一致', en: 'consistent figures' },
};
