// Every UI string of the renderer, per language (zh-CN by default), and the translator. No React here, so Node tests
// and tools can read the catalog; the React context is in i18n.ts.
import { selectPlurals } from '@core/i18n/plural.js';
// cards, settings, home: their strings live beside those screens
import { appMessagesEn, appMessagesZh } from './settings/messages.js';
// library: the shell's navigation and 条款库
import { libraryMessagesEn, libraryMessagesZh } from './library/messages.js';
// composer: its newer strings live beside the screen
import { composerMessagesEn, composerMessagesZh } from './composer/messages.js';
// projects as documents: 首页's continue, file names, the save state
import { projectMessagesEn, projectMessagesZh } from './home/messages.js';
// tender: 导入招标文件 in 招标要求
import { tenderMessagesEn, tenderMessagesZh } from './composer/requirements/tenderMessages.js';
// 设置 → 团队库
import { teamMessagesEn, teamMessagesZh } from './settings/teamMessages.js';

const zhCN = {
  'app.name': '标书工坊',
  'app.subtitle': 'BidForge',
  'app.loading': '正在加载…',
  'app.loadFailed': '加载失败',
  'app.retry': '重试',
  'app.noProject': '尚未打开项目',
  'app.noProjectHint': '在首页新建项目，或打开最近项目、示例；也可以打开已有的项目文件。',

  'nav.composer': '编制',

  'toolbar.sample': '示例',
  'toolbar.samplePlaceholder': '选择示例项目',
  'toolbar.open': '打开项目',
  'toolbar.save': '保存项目',
  'toolbar.exportDocx': '导出 DOCX',
  'toolbar.exportPdf': '导出 PDF',
  'toolbar.unsaved': '未保存',
  'toolbar.saved': '已保存',
  'toolbar.language': '界面语言',
  'toolbar.shortcutSave': '保存项目（Ctrl+S）',
  'toolbar.shortcutPdf': '导出 PDF（Ctrl+E）',
  'toolbar.shortcutDocx': '导出 Word 文档',
  'toolbar.shortcutOpen': '打开 .bfproj.json 项目文件',

  'msg.opened': '已打开：{name}',
  'msg.openFailed': '无法打开项目：{message}',
  'msg.notRemembered': '项目已打开，但未加入「最近项目」：{message}',
  'msg.saved': '已保存为 {file}',
  'msg.saveFailed': '保存失败：{message}',
  'msg.autosaveFailed': '自动保存失败（浏览器存储已满），请尽快手动保存',
  'msg.restored': '已恢复上次未保存的修改（{time}），请检查后保存',
  'toolbar.undo': '撤销',
  'toolbar.redo': '重做',
  'msg.openFile': '打开',
  'msg.showInFolder': '在文件夹中显示',
  'msg.exporting': '正在导出 {format}…',
  'msg.exported': '已导出 {file}',
  'msg.exportedWithWarnings': '已导出 {file}（{count} 条警告）',
  'msg.exportFailed': '导出失败：{message}',
  'msg.exportCheckFailed': '导出失败：检查发现 {count} 个错误，请先修正“检查结果”中的错误。',
  'msg.describeFailed': '无法读取变量清单：{message}',
  'msg.discardConfirm': '当前项目有未保存的修改，确定要放弃并打开其他项目吗？',

  'meta.card': '项目信息',
  'meta.title': '文档标题',
  'meta.bidder': '投标人',
  'meta.projectNo': '项目编号',
  'meta.date': '编制日期',
  'meta.typesetting': '版式',
  'meta.bodySize': '正文',
  'meta.copyMark': '封面标注',
  'meta.copyNone': '不标注',
  'meta.copyOriginal': '正本',
  'meta.copyDuplicate': '副本',
  'meta.profile.bid': '投标文件通用格式',
  'meta.profile.gbt9704': 'GB/T 9704 公文格式',
  'meta.size': '{name}（{pt} 磅）',
  'meta.sizePt': '{pt} 磅',
  'meta.sealEveryPage': '每页盖章处',
  'meta.blueprint': '蓝本',
  'meta.required': '「{label}」不能为空',
  'meta.tooLong': '「{label}」过长（最多 {max} 个字符）',
  'meta.badDate': '请填写有效的日期，例如 2026-11-24',

  'fields.title': '变量',
  'fields.count': '{count} 项',
  'fields.expandAll': '全部展开',
  'fields.collapseAll': '全部折叠',
  'fields.empty': '此蓝本没有需要填写的变量。',
  'fields.errorsInSection': '{count} 个问题',
  'fields.optional': '选填',
  'fields.rmb': '大写：',
  // A figure a clause suggests: shown in its empty field, taken only when the writer says so (采用建议值).
  'fields.suggested': '建议：{value}',
  'fields.useSuggestion': '采用建议值',
  'fields.useSuggestionAria': '「{label}」采用建议值：{value}',
  'unit.n.minutes': '{count} 分钟',
  'unit.n.hours': '{count} 小时',
  'unit.n.workdays': '{count} 个工作日',
  'unit.n.days': '{count} 天',
  'unit.n.months': '{count} 个月',
  'unit.n.years': '{count} 年',

  'control.select': '请选择',
  'control.yuan': '元',
  'unit.minutes': '分钟',
  'unit.hours': '小时',
  'unit.workdays': '工作日',
  'unit.days': '天',
  'unit.months': '个月',
  'unit.years': '年',
  'control.tagsPlaceholder': '输入后按回车添加',
  'control.yes': '是',
  'control.no': '否',
  'control.addRow': '添加一行',
  'control.removeRow': '删除此行',
  'control.rows': '共 {count} 行',
  'control.actions': '操作',
  'control.empty': '暂无数据',
  'control.enlarge': '放大编辑',
  'control.done': '完成',

  'problems.title': '检查结果',
  'problems.none': '检查通过，未发现问题',
  'problems.errors': '{count} 个错误',
  'problems.warnings': '{count} 个警告',
  'problems.error': '错误',
  'problems.warning': '警告',
  'problems.locate': '定位到字段',

  'preview.title': '预览',
  'preview.updating': '正在更新…',
  'preview.upToDate': '已是最新',
  'preview.failed': '预览失败：{message}',
  'preview.empty': '暂无预览内容',
  'preview.zoom': '缩放',

  // cards, settings, home
  ...appMessagesZh,
  // library
  ...libraryMessagesZh,
  // composer: outline, tender requirements, package documents
  ...composerMessagesZh,
  ...projectMessagesZh,
  // tender
  ...tenderMessagesZh,
  ...teamMessagesZh,
} as const;

export type MessageKey = keyof typeof zhCN;
type Dictionary = Record<MessageKey, string>;

const en: Dictionary = {
  'app.name': 'BidForge',
  'app.subtitle': '标书工坊',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load',
  'app.retry': 'Retry',
  'app.noProject': 'No project open',
  'app.noProjectHint':
    'Create a project on Home, or open a recent project or a sample; or open an existing project file.',

  'nav.composer': 'Compose',

  'toolbar.sample': 'Sample',
  'toolbar.samplePlaceholder': 'Choose a sample project',
  'toolbar.open': 'Open project',
  'toolbar.save': 'Save project',
  'toolbar.exportDocx': 'Export DOCX',
  'toolbar.exportPdf': 'Export PDF',
  'toolbar.unsaved': 'Unsaved',
  'toolbar.saved': 'Saved',
  'toolbar.language': 'Language',
  'toolbar.shortcutSave': 'Save project (Ctrl+S)',
  'toolbar.shortcutPdf': 'Export PDF (Ctrl+E)',
  'toolbar.shortcutDocx': 'Export a Word document',
  'toolbar.shortcutOpen': 'Open a .bfproj.json project file',

  'msg.opened': 'Opened: {name}',
  'msg.openFailed': 'Could not open the project: {message}',
  'msg.notRemembered': 'The project is open, but it was not added to Recent projects: {message}',
  'msg.saved': 'Saved as {file}',
  'msg.saveFailed': 'Could not save: {message}',
  'msg.autosaveFailed': 'Autosave failed (browser storage is full): save by hand soon',
  'msg.restored': 'Restored unsaved changes from last time ({time}); check them and save',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'msg.openFile': 'Open',
  'msg.showInFolder': 'Show in folder',
  'msg.exporting': 'Exporting {format}…',
  'msg.exported': 'Exported {file}',
  'msg.exportedWithWarnings': 'Exported {file} ({count, plural, one {# warning} other {# warnings}})',
  'msg.exportFailed': 'Export failed: {message}',
  'msg.exportCheckFailed':
    'Export failed: the checks found {count, plural, one {# error} other {# errors}}. Fix them under Checks first.',
  'msg.describeFailed': 'Could not read the variables: {message}',
  'msg.discardConfirm': 'The current project has unsaved changes. Discard them and open another project?',

  'meta.card': 'Project',
  'meta.title': 'Document title',
  'meta.bidder': 'Bidder',
  'meta.projectNo': 'Project No.',
  'meta.date': 'Date',
  'meta.typesetting': 'Layout',
  'meta.bodySize': 'body',
  'meta.copyMark': 'Cover marking',
  'meta.copyNone': 'None',
  'meta.copyOriginal': 'Original',
  'meta.copyDuplicate': 'Copy',
  'meta.profile.bid': 'Bid document format',
  'meta.profile.gbt9704': 'GB/T 9704 official document format',
  'meta.size': '{pt} pt',
  'meta.sizePt': '{pt} pt',
  'meta.sealEveryPage': 'Seal box on every page',
  'meta.blueprint': 'Blueprint',
  'meta.required': '{label} may not be empty',
  'meta.tooLong': '{label} is too long (at most {max} characters)',
  'meta.badDate': 'Enter a valid date such as 2026-11-24',

  'fields.title': 'Variables',
  'fields.count': '{count, plural, one {# field} other {# fields}}',
  'fields.expandAll': 'Expand all',
  'fields.collapseAll': 'Collapse all',
  'fields.empty': 'This blueprint has no variables to fill in.',
  'fields.errorsInSection': '{count, plural, one {# problem} other {# problems}}',
  'fields.optional': 'optional',
  'fields.rmb': 'In words: ',
  'fields.suggested': 'Suggested: {value}',
  'fields.useSuggestion': 'Use suggestion',
  'fields.useSuggestionAria': 'Use the suggested {value} for “{label}”',
  'unit.n.minutes': '{count, plural, one {# minute} other {# minutes}}',
  'unit.n.hours': '{count, plural, one {# hour} other {# hours}}',
  'unit.n.workdays': '{count, plural, one {# working day} other {# working days}}',
  'unit.n.days': '{count, plural, one {# day} other {# days}}',
  'unit.n.months': '{count, plural, one {# month} other {# months}}',
  'unit.n.years': '{count, plural, one {# year} other {# years}}',

  'control.select': 'Select',
  'control.yuan': 'yuan',
  'unit.minutes': 'minutes',
  'unit.hours': 'hours',
  'unit.workdays': 'working days',
  'unit.days': 'days',
  'unit.months': 'months',
  'unit.years': 'years',
  'control.tagsPlaceholder': 'Type and press Enter',
  'control.yes': 'Yes',
  'control.no': 'No',
  'control.addRow': 'Add row',
  'control.removeRow': 'Remove row',
  'control.rows': '{count, plural, one {# row} other {# rows}}',
  'control.actions': 'Actions',
  'control.empty': 'No rows',
  'control.enlarge': 'Enlarge',
  'control.done': 'Done',

  'problems.title': 'Checks',
  'problems.none': 'All checks passed',
  'problems.errors': '{count, plural, one {# error} other {# errors}}',
  'problems.warnings': '{count, plural, one {# warning} other {# warnings}}',
  'problems.error': 'Error',
  'problems.warning': 'Warning',
  'problems.locate': 'Go to field',

  'preview.title': 'Preview',
  'preview.updating': 'Updating…',
  'preview.upToDate': 'Up to date',
  'preview.failed': 'Preview failed: {message}',
  'preview.empty': 'Nothing to preview',
  'preview.zoom': 'Zoom',

  // cards, settings, home
  ...appMessagesEn,
  // library
  ...libraryMessagesEn,
  // composer
  ...composerMessagesEn,
  ...projectMessagesEn,
  // tender
  ...tenderMessagesEn,
  ...teamMessagesEn,
};

export const LOCALES = { 'zh-CN': zhCN as Dictionary, en } as const;
export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const dict = LOCALES[locale];
  return (key, params) => {
    const text = params ? selectPlurals(dict[key] ?? zhCN[key], params, locale) : (dict[key] ?? zhCN[key]);
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
