// The CLI's own messages and help, in Chinese and English (--lang zh|en).
export type Lang = 'zh' | 'en';

const MESSAGES = {
  cannotRead: { zh: '%s：无法读取文件（%s）', en: '%s: cannot read the file (%s)' },
  cannotWrite: { zh: '%s：无法写入（%s）', en: '%s: cannot write (%s)' },
  exists: { zh: '%s 已存在，不会覆盖', en: '%s already exists; not overwriting it' },
  whichProject: { zh: '%s：请指定项目文件（bidforge %s <project.json>）', en: '%s: which project file? (bidforge %s <project.json>)' },
  whichBlueprint: { zh: 'new：请指定蓝本（bidforge list blueprints 可列出全部）', en: 'new: which blueprint? (bidforge list blueprints shows them)' },
  needOut: { zh: 'render：请用 --out <目录> 指定输出位置', en: 'render: say where to write with --out <dir>' },
  needOutFile: { zh: 'new：请用 --out <文件> 指定新项目文件', en: 'new: name the new project file with --out <file>' },
  badOption: { zh: '%s 应为 %s，而不是“%s”', en: '%s must be %s, not "%s"' },
  noProblems: { zh: '%s：没有发现问题（no problems）', en: '%s: no problems' },
  wrote: { zh: '已写入 %s', en: 'wrote %s' },
  unknownCommand: { zh: '未知命令“%s”（--help 查看用法）', en: 'unknown command "%s" (try --help)' },
} as const;

export function say(lang: Lang, key: keyof typeof MESSAGES, ...args: string[]): string {
  let i = 0;
  const template = MESSAGES[key][lang];
  // whichProject repeats its one argument.
  return template.replace(/%s/g, () => args[Math.min(i++, args.length - 1)] ?? '');
}

const zh = `标书工坊 BidForge 命令行

用法：
  bidforge render <项目.json> --out <目录> [--format docx|pdf|both] [--script hans|hant]
      生成 <名称>.docx 与 <名称>.pdf
  bidforge check <项目.json> [--json]
      列出问题；有错误时退出码为 1
  bidforge new <蓝本> --out <项目.json> [--name <名称>]
      按蓝本及其默认值新建项目文件
  bidforge list blueprints|clauses [--json]
      列出蓝本或条款
  bidforge library export --out <包.bfpack.json> [--clauses a,b|all] [--blueprints x|all] [--data <目录>]
  bidforge library import <包.bfpack.json> [--dry-run] [--resolve keep-mine|take-theirs|keep-both] [--data <目录>]
      导出、导入条款包（与应用共用数据目录中的条款库和锁）
  bidforge cards <数据.csv|数据.xlsx> --out <目录> [--layout a5|a4x2|a4-grid] [--format pdf|docx|both] [--per-card] [--name-pattern "{serial}-{customer}"] [--qr] [--template standard]
      批量生成保修卡（CSV 可为 UTF-8 或 GBK）；有行出错时其余行照常导出，退出码为 1
通用选项：--lang zh|en  --help

退出码：0 成功；1 检查发现错误；2 输入有误（文件无法读取、不是 JSON、蓝本不存在、变量类型错误）。`;

const en = `BidForge 标书工坊 — command line

Usage:
  bidforge render <project.json> --out <dir> [--format docx|pdf|both] [--script hans|hant]
      writes <name>.docx and <name>.pdf into <dir>
  bidforge check <project.json> [--json]
      lists problems; exit 1 if any is an error
  bidforge new <blueprint> --out <project.json> [--name <name>]
      a new project file from a blueprint with its defaults
  bidforge list blueprints|clauses [--json]
  bidforge library export --out <pack.bfpack.json> [--clauses a,b|all] [--blueprints x|all] [--data <dir>]
  bidforge library import <pack.bfpack.json> [--dry-run] [--resolve keep-mine|take-theirs|keep-both] [--data <dir>]
      clause packs, on the same store and lock as the app
  bidforge cards <data.csv|data.xlsx> --out <dir> [--layout a5|a4x2|a4-grid] [--format pdf|docx|both] [--per-card] [--name-pattern "{serial}-{customer}"] [--qr] [--template standard]
      warranty cards in a batch (CSV in UTF-8 or GBK); rows with errors are reported, the rest still exported (exit 1)
Common options: --lang zh|en  --help

Exit codes: 0 success, 1 check errors, 2 bad input (unreadable file, not JSON, unknown blueprint, wrong value type).`;

const pick = (text: string, cmd: string) => text.split('\n').filter((l, i, all) => i < 3 || l.includes(`bidforge ${cmd}`) || (all[i - 1]?.includes(`bidforge ${cmd}`) ?? false) || /^(退出码|Exit codes|通用选项|Common options)/.test(l)).join('\n');

export const HELP: Record<Lang, Record<string, string>> = {
  zh: { '': zh, render: pick(zh, 'render'), check: pick(zh, 'check'), new: pick(zh, 'new'), list: pick(zh, 'list'), library: pick(zh, 'library'), cards: pick(zh, 'cards') },
  en: { '': en, render: pick(en, 'render'), check: pick(en, 'check'), new: pick(en, 'new'), list: pick(en, 'list'), library: pick(en, 'library'), cards: pick(en, 'cards') },
};
