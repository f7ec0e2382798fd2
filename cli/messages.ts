// The CLI's own messages and help, in Chinese and English (--lang zh|en).
export type Lang = 'zh' | 'en';

const MESSAGES = {
  cannotRead: { zh: '%s：无法读取文件（%s）', en: '%s: cannot read the file (%s)' },
  cannotWrite: { zh: '%s：无法写入（%s）', en: '%s: cannot write (%s)' },
  exists: { zh: '%s 已存在，不会覆盖', en: '%s already exists; not overwriting it' },
  whichProject: {
    zh: '%s：请指定项目文件（bidforge %s <project.json>）',
    en: '%s: which project file? (bidforge %s <project.json>)',
  },
  whichBlueprint: {
    zh: 'new：请指定蓝本（bidforge list blueprints 可列出全部）',
    en: 'new: which blueprint? (bidforge list blueprints shows them)',
  },
  needOut: { zh: 'render：请用 --out <目录> 指定输出位置', en: 'render: say where to write with --out <dir>' },
  needOutFile: { zh: 'new：请用 --out <文件> 指定新项目文件', en: 'new: name the new project file with --out <file>' },
  badOption: { zh: '%s 应为 %s，而不是“%s”', en: '%s must be %s, not "%s"' },
  noProblems: { zh: '%s：没有发现问题（no problems）', en: '%s: no problems' },
  wrote: { zh: '已写入 %s', en: 'wrote %s' },
  unknownCommand: { zh: '未知命令“%s”（--help 查看用法）', en: 'unknown command "%s" (try --help)' },
} as const;

/** A message template's %s filled in order; when it has more %s than arguments, the last one repeats (whichProject). */
export function fillTemplate(template: string, args: readonly (string | number)[]): string {
  let i = 0;
  return template.replace(/%s/g, () => String(args[Math.min(i++, args.length - 1)] ?? ''));
}

export function say(lang: Lang, key: keyof typeof MESSAGES, ...args: string[]): string {
  return fillTemplate(MESSAGES[key][lang], args);
}

type CommandHelp = { usage: string; what: string; options: [string, string][] };

// One entry per command: `bidforge <command> --help` prints it with its options; `bidforge --help` prints all usages.
const COMMANDS: Record<Lang, Record<string, CommandHelp>> = {
  zh: {
    render: {
      usage:
        'bidforge render <项目.json> --out <目录> [--format docx|pdf|both] [--script hans|hant] [--combined [--page-numbers continuous|per-part]] [--forms tender|ours]',
      what: '把项目生成为 Word 与 PDF 文件（<名称>.docx、<名称>.pdf；投标文件包的每份文件另写 <名称>-<蓝本>.pdf）；检查发现错误时不生成，退出码为 1',
      options: [
        ['--out <目录>', '输出目录，不存在时自动创建'],
        ['--format docx|pdf|both', '输出格式，默认 both'],
        ['--script hans|hant', '简体或繁體输出，默认取项目设置'],
        ['--combined', '投标文件包另写一份合订本 <名称>-投标文件.*：一个封面、一个目录，各份文件按包内顺序从新页开始'],
        ['--page-numbers continuous|per-part', '合订本的页码：连续编号（默认），或每份文件从第 1 页起'],
        ['--forms tender|ours', '按招标文件规定的格式（默认，依项目中的选择），或一律用我方格式'],
      ],
    },
    check: {
      usage: 'bidforge check <项目.json> [--json] [--tender [--xlsx 自查表.xlsx]]',
      what: '列出缺失的值、未批准的条款和前后矛盾的承诺；有错误时退出码为 1',
      options: [
        ['--json', '以 JSON 输出问题列表（含严重程度、位置）'],
        ['--tender', '按项目中保存的招标文件自查：★条款、废标条款、指定文件和章节、文件间的数字'],
        ['--xlsx <文件>', '把自查结果写成 XLSX 自查表（含 --tender）'],
      ],
    },
    update: {
      usage: 'bidforge update <项目.json> [--json]',
      what: '把项目所用条款更新到最新的已批准版本（check 会列出有新版本的条款），新增变量填入默认值；更新后仍有错误时退出码为 1',
      options: [['--json', '以 JSON 输出更新了哪些条款和检查结果']],
    },
    new: {
      usage: 'bidforge new <蓝本> --out <项目.json> [--name <名称>]',
      what: '按蓝本及其默认值新建项目文件（不会覆盖已有文件）',
      options: [
        ['--out <文件>', '新项目文件的路径'],
        ['--name <名称>', '项目名称（亦用作导出文件名），默认取文件名'],
      ],
    },
    list: {
      usage: 'bidforge list blueprints|clauses [--json]',
      what: '列出蓝本或条款',
      options: [['--json', '以 JSON 输出']],
    },
    library: {
      usage: 'bidforge library list|show|add|edit|submit|approve|reject|retire|export|import|import-word|trust|sync …',
      what: '条款的起草、审核、批准、停用与条款包的导出导入（与应用共用数据目录中的条款库和锁）；被拒绝（本人批准、状态不对、库被占用）时退出码为 1',
      options: [
        ['list [文字] [--status draft|in_review|approved|retired]', '列出条款（按标题、id 或正文查找）'],
        ['show <id> [--md]', '条款的历史与正文；--md 打印可交给 edit 的条款文件'],
        ['add <条款.md>', '从条款文件新建草稿（id 自动生成；格式见 README）'],
        ['edit <id> <条款.md>', '把文件写成该条款的新草稿版本'],
        ['submit|approve <id>', '提交审核 / 批准（作者不能批准自己的版本，除非设置中开启单人审核）'],
        ['reject <id> --reason <原因>', '退回，原因记入历史'],
        ['retire <id>', '停用条款（或 --variant 指定的变体）'],
        [
          '  --as <姓名>  --variant <变体>  --wait <秒>',
          '操作人（默认取设置中的姓名）、变体、库被占用时的等待时间（默认 10）',
        ],
        ['  --json', 'list、show 以 JSON 输出'],
        ['export --out <包.bfpack.json>', '导出条款包'],
        ['  --clauses a,b|all  --blueprints x|all', '选择导出的条款与蓝本，默认全部'],
        ['import <包.bfpack.json>', '导入条款包；冲突须用 --resolve 指定处理方式'],
        ['  --dry-run', '只显示将新增、相同、冲突的条目，不作改动'],
        ['  --resolve keep-mine|take-theirs|keep-both', '冲突的处理方式'],
        [
          'import-word <文件.docx> [--dry-run]',
          '把 Word 文档拆成候选条款并新建为草稿（与条款库重复的跳过；.doc/.wps 需安装 LibreOffice）',
        ],
        [
          'trust [list] | add [名称] <公钥文件> | remove <指纹>',
          '本机签名公钥与受信任的签发人（其条款包导入时保留审批）',
        ],
        ['sync …', '与团队库同步及团队审核（bidforge library sync --help）'],
        ['publish|pull [--folder <目录>]', '无需服务器的团队库：向共享文件夹发布、从中导入签名条款包（--help 查看）'],
        ['--data <目录>', '数据目录，默认 ~/.bidforge 或 $BIDFORGE_DATA'],
      ],
    },
    'library publish': {
      usage: 'bidforge library publish [--folder <共享文件夹>] [--as <签发人>] [--json]',
      what: '把本库尚未发布的已批准版本和蓝本写成一个新的签名条款包文件放入共享文件夹（NAS、挂载的 WebDAV 盘）；文件只新增、从不修改；没有新内容时不写文件',
      options: [
        ['--folder <目录>', '共享文件夹（默认：设置中的共享文件夹）'],
        ['--as <名称>', '签发人名称，默认取 设置 中的姓名，其次公司名称'],
        ['--data <目录>', '数据目录，默认 ~/.bidforge 或 $BIDFORGE_DATA'],
      ],
    },
    'library pull': {
      usage: 'bidforge library pull [--folder <共享文件夹>] [--json]',
      what: '按时间先后导入共享文件夹中尚未导入的条款包：受信任签发人的包保留审批，其余作为草稿导入；发布后被改动的文件被拒绝，无法读取的文件被跳过并列出；有文件被拒绝或跳过时退出码为 1',
      options: [
        ['--folder <目录>', '共享文件夹（默认：设置中的共享文件夹）'],
        ['--json', '以 JSON 输出每个文件的结果'],
        ['--data <目录>', '数据目录，默认 ~/.bidforge 或 $BIDFORGE_DATA'],
      ],
    },
    'library sync': {
      usage:
        'bidforge library sync [--server <地址> --token <令牌>] [--pull-only] [--json] | review | approve|reject|retire <条款> <变体> <版本> | history [<条款>]',
      what: '与团队库同步：推送本机的草稿与待审版本，拉取团队已批准的版本和状态变更（地址与令牌默认取 设置 → 团队库）；同步未完成时退出码为 1，本地条款库照常可用',
      options: [
        ['--server <地址>  --token <令牌>', '团队库地址与个人令牌，默认取设置；令牌亦可用 $BIDFORGE_TEAM_TOKEN'],
        ['--pull-only', '只拉取，不推送本机的版本'],
        ['--json', '以 JSON 输出同步报告（review、history 亦然）'],
        ['review', '列出等待审核的版本'],
        ['approve|reject|retire <条款> <变体> <版本>', '在团队库中批准、退回或废止该版本，各应用下次同步时生效'],
        ['  --reason <理由>', '退回或废止的理由，记入审计记录'],
        ['history [<条款>]', '团队库的审计记录，最新的在前'],
        ['--data <目录>', '数据目录，默认 ~/.bidforge 或 $BIDFORGE_DATA'],
      ],
    },
    cards: {
      usage: 'bidforge cards <数据.csv|数据.xlsx> --out <目录> [选项]',
      what: '批量生成保修卡（CSV 可为 UTF-8 或 GBK）；有行出错时其余行照常导出，退出码为 1',
      options: [
        ['--out <目录>', '输出目录'],
        ['--layout a5|a4x2|a4-grid', '每页一张 A5、每张 A4 两张、或 A4 带维修记录表，默认 a5'],
        ['--format pdf|docx|both', '批量文件格式，默认 pdf'],
        [
          '--map "serial=机器码,date=开票日期"',
          '指定字段对应的表头（字段：customer phone address product model serial date dealer，或其中文名）',
        ],
        ['--per-card', '另外为每张卡各写一个文件'],
        ['--name-pattern "{serial}-{customer}"', '单卡文件名模式'],
        ['--qr', '印序列号与服务热线的二维码'],
        ['--template <名称>', 'templates/cards/ 中的保修卡模板，默认 standard'],
        ['--by product|model', '按产品名称或型号列为每行选择保修卡模板（一批含多种产品）'],
        ['--hide product,dealer', '不印这些字段的行（文件中没有对应列时）'],
        ['--script hans|hant', '简体或繁體保修卡'],
        ['--project <项目.json>', '按项目中的保修期（及简繁）印卡'],
        [
          '--period 整机=36个月',
          '逐项给出保修期（可重复；单位：个月、年、周、天）；未给 --project 或项目未写的模板按此印。内置模板不带保修期：两者都没有时不印卡',
        ],
        ['--data <目录>', '数据目录（公司信息取自其中的设置），默认 ~/.bidforge 或 $BIDFORGE_DATA'],
        ['--json', '以 JSON 输出结果与行错误'],
      ],
    },
    tender: {
      usage: 'bidforge tender read|diff <招标文件.docx|.pdf> [<澄清后的招标文件>] [--json]',
      what: '读取招标文件，逐行列出建议的招标要求（★/▲项、废标条款、评分项、指定格式与目录），附页码和段落号；服务章节中未能识别的要求句另列待复核。diff 列出澄清版新增、修改、删除的要求。扫描件、.doc/.wps 文件给出提示，退出码为 2',
      options: [['--json', '以 JSON 输出全部建议行与待复核句']],
    },
    server: {
      usage:
        'bidforge server [--db <地址>] [--port <端口>] [--host <地址>] [--allow-plain-http] | server add-user <姓名> --role admin|legal|writer | server revoke-user <姓名> | server migrate',
      what: '团队库服务器（PostgreSQL）：启动服务、添加用户并签发令牌、吊销令牌，或只创建/更新数据库结构；数据库地址用 --db 或 $BIDFORGE_DB',
      options: [
        ['--db postgres://用户:密码@主机/库名', '数据库地址，默认 $BIDFORGE_DB'],
        ['--port <端口>', '监听端口，默认 8720'],
        ['--host <地址>', '监听地址，默认 127.0.0.1（对外服务请置于 TLS 反向代理之后，见 server/deploy/）'],
        ['--allow-plain-http', '允许在非本机地址上以明文 HTTP 服务（仅限可信网络）'],
        ['add-user <姓名> --role admin|legal|writer', '添加用户并打印其令牌（只显示这一次），角色默认 writer'],
        ['revoke-user <姓名>', '吊销该用户的全部令牌'],
        ['migrate', '只创建或更新数据库结构'],
      ],
    },
  },
  en: {
    render: {
      usage:
        'bidforge render <project.json> --out <dir> [--format docx|pdf|both] [--script hans|hant] [--combined [--page-numbers continuous|per-part]] [--forms tender|ours]',
      what: 'writes <name>.docx and <name>.pdf (a bid package also <name>-<blueprint>.* for its other documents); nothing is written when checks find errors (exit 1)',
      options: [
        ['--out <dir>', 'output folder, created if missing'],
        ['--format docx|pdf|both', 'output format, default both'],
        ['--script hans|hant', 'Simplified or Traditional output, default from the project'],
        [
          '--combined',
          'a bid package also as one file, <name>-投标文件.*: one cover, one table of contents, each document from a new page in package order',
        ],
        [
          '--page-numbers continuous|per-part',
          'page numbers of the combined file: continuous (default), or from 1 in each document',
        ],
        [
          '--forms tender|ours',
          "the tender's mandated forms as the project follows them (default), or our own layout throughout",
        ],
      ],
    },
    check: {
      usage: 'bidforge check <project.json> [--json] [--tender [--xlsx self-check.xlsx]]',
      what: 'lists missing values, unapproved clauses and contradicting promises; exit 1 on any error',
      options: [
        ['--json', 'problems as JSON (severity, where)'],
        [
          '--tender',
          'self-check against the tender stored in the project: ★ items, disqualifications, mandated documents and sections, figures across documents',
        ],
        ['--xlsx <file>', 'write the self-check as an XLSX report (implies --tender)'],
      ],
    },
    update: {
      usage: 'bidforge update <project.json> [--json]',
      what: 'moves the project to the latest approved versions of its clauses (check lists the clauses that have one) and gives new variables their defaults; exit 1 when the updated document has errors',
      options: [['--json', 'what was updated and the checks, as JSON']],
    },
    new: {
      usage: 'bidforge new <blueprint> --out <project.json> [--name <name>]',
      what: 'a new project file from a blueprint with its defaults (never overwrites)',
      options: [
        ['--out <file>', 'path of the new project file'],
        ['--name <name>', 'project name (also the export file name), default from the file name'],
      ],
    },
    list: {
      usage: 'bidforge list blueprints|clauses [--json]',
      what: 'lists blueprints or clauses',
      options: [['--json', 'as JSON']],
    },
    library: {
      usage: 'bidforge library list|show|add|edit|submit|approve|reject|retire|export|import|import-word|trust|sync …',
      what: 'draft, review, approve and retire clauses, and clause packs, on the same store and lock as the app; exit 1 when refused (own version, wrong state, store in use)',
      options: [
        ['list [text] [--status draft|in_review|approved|retired]', 'list clauses (by title, id or text)'],
        ['show <id> [--md]', "a clause's history and body; --md prints a clause file ready for edit"],
        ['add <clause.md>', 'a new draft from a clause file (the id is generated; format in the README)'],
        ['edit <id> <clause.md>', 'the file becomes a new draft version of the clause'],
        [
          'submit|approve <id>',
          'submit for review / approve (nobody approves their own version unless 设置 turns on single-reviewer mode)',
        ],
        ['reject <id> --reason <text>', 'send back, the reason kept in the history'],
        ['retire <id>', 'retire the clause (or the --variant)'],
        [
          '  --as <name>  --variant <name>  --wait <seconds>',
          'who acts (default: the user name in 设置), the variant, how long to wait for the store (default 10)',
        ],
        ['  --json', 'list and show as JSON'],
        ['export --out <pack.bfpack.json>', 'export a pack'],
        ['  --clauses a,b|all  --blueprints x|all', 'what to export, default everything'],
        ['import <pack.bfpack.json>', 'import a pack; conflicts need --resolve'],
        ['  --dry-run', 'show new / identical / conflicting items, change nothing'],
        ['  --resolve keep-mine|take-theirs|keep-both', 'how to settle conflicts'],
        [
          'import-word <file.docx> [--dry-run]',
          'split a Word document into candidate clauses and create them as drafts (duplicates of library clauses are skipped; .doc/.wps need LibreOffice)',
        ],
        [
          'trust [list] | add [NAME] <key file> | remove <fingerprint>',
          "this library's signing key, and the signers whose packs keep their approvals",
        ],
        ['sync …', 'sync with the team library and review on it (bidforge library sync --help)'],
        [
          'publish|pull [--folder <dir>]',
          'a team library without a server: publish signed packs to, and import them from, a shared folder (--help)',
        ],
        ['--data <dir>', 'data folder, default ~/.bidforge or $BIDFORGE_DATA'],
      ],
    },
    'library publish': {
      usage: 'bidforge library publish [--folder <shared folder>] [--as <signer>] [--json]',
      what: 'writes the approved versions and blueprints this library has not published yet as one new signed pack file in the shared folder (a NAS, a mounted WebDAV drive); files are only ever added, never changed; nothing new, no file',
      options: [
        ['--folder <dir>', 'the shared folder (default: the one in Settings)'],
        ['--as <name>', "the signer's name, default the user name in Settings, else the company name"],
        ['--data <dir>', 'data folder, default ~/.bidforge or $BIDFORGE_DATA'],
      ],
    },
    'library pull': {
      usage: 'bidforge library pull [--folder <shared folder>] [--json]',
      what: "imports the shared folder's packs not imported yet, oldest first: a trusted signer's keep their approvals, others arrive as drafts; a file changed after publishing is refused, an unreadable one skipped and named; exit 1 when a file was refused or skipped",
      options: [
        ['--folder <dir>', 'the shared folder (default: the one in Settings)'],
        ['--json', "each file's result as JSON"],
        ['--data <dir>', 'data folder, default ~/.bidforge or $BIDFORGE_DATA'],
      ],
    },
    'library sync': {
      usage:
        'bidforge library sync [--server <url> --token <token>] [--pull-only] [--json] | review | approve|reject|retire <clause> <variant> <version> | history [<clause>]',
      what: "syncs with the team library: pushes this machine's drafts and versions in review, pulls the team's approved versions and status changes (server and token default to Settings → Team library); exit 1 when the sync did not finish, the local library works as usual",
      options: [
        [
          '--server <url>  --token <token>',
          'team server and personal token, default from Settings; the token also from $BIDFORGE_TEAM_TOKEN',
        ],
        ['--pull-only', "pull only, don't push local versions"],
        ['--json', 'the sync report as JSON (review and history too)'],
        ['review', 'list the versions waiting for a decision'],
        [
          'approve|reject|retire <clause> <variant> <version>',
          'approve, send back or retire a version on the team server; apps get it on their next sync',
        ],
        ['  --reason <text>', 'why it was sent back or retired, kept in the audit log'],
        ['history [<clause>]', "the team library's audit log, newest first"],
        ['--data <dir>', 'data folder, default ~/.bidforge or $BIDFORGE_DATA'],
      ],
    },
    cards: {
      usage: 'bidforge cards <data.csv|data.xlsx> --out <dir> [options]',
      what: 'warranty cards in a batch (CSV in UTF-8 or GBK); rows with errors are reported, the rest still exported (exit 1)',
      options: [
        ['--out <dir>', 'output folder'],
        ['--layout a5|a4x2|a4-grid', 'one A5 card per page, two per A4, or A4 with the repair grid; default a5'],
        ['--format pdf|docx|both', 'batch file format, default pdf'],
        [
          '--map "serial=SN,date=Invoice date"',
          'which header feeds which field (customer phone address product model serial date dealer)',
        ],
        ['--per-card', 'also write one file per card'],
        ['--name-pattern "{serial}-{customer}"', 'per-card file names'],
        ['--qr', 'print a QR code of the serial number and hotline'],
        ['--template <name>', 'card template in templates/cards/, default standard'],
        [
          '--by product|model',
          "pick each row's card template by its product or model column (several product types in one batch)",
        ],
        ['--hide product,dealer', 'leave these rows off the card (when the file has no such column)'],
        ['--script hans|hant', 'Simplified or Traditional cards'],
        ['--project <project.json>', "print the project's warranty periods (and script)"],
        [
          '--period 整机=36months',
          'a warranty period per component (repeatable; months, years, weeks or days), printed where no --project states one; the built-in templates carry none, so without either no card is printed',
        ],
        ['--data <dir>', 'data folder (the company comes from its settings), default ~/.bidforge or $BIDFORGE_DATA'],
        ['--json', 'result and row errors as JSON'],
      ],
    },
    tender: {
      usage: 'bidforge tender read|diff <tender.docx|.pdf> [<clarified tender>] [--json]',
      what: 'reads a tender and lists the requirements it proposes (★/▲ items, disqualification clauses, scoring items, mandated forms and contents) with page and paragraph; service sentences it could not read are listed for review; diff lists what a clarified version added, changed and removed. Scans and .doc/.wps files are refused with a message (exit 2)',
      options: [['--json', 'every proposed row and review sentence as JSON']],
    },
    server: {
      usage:
        'bidforge server [--db <url>] [--port <n>] [--host <address>] [--allow-plain-http] | server add-user <name> --role admin|legal|writer | server revoke-user <name> | server migrate',
      what: 'the team library server (PostgreSQL): serve, add a user and issue their token, revoke tokens, or only create/update the schema; the database from --db or $BIDFORGE_DB',
      options: [
        ['--db postgres://user:password@host/name', 'the database, default $BIDFORGE_DB'],
        ['--port <n>', 'port to listen on, default 8720'],
        [
          '--host <address>',
          'address to listen on, default 127.0.0.1 (put a TLS reverse proxy in front, see server/deploy/)',
        ],
        ['--allow-plain-http', 'serve plain HTTP on a non-loopback address (trusted networks only)'],
        [
          'add-user <name> --role admin|legal|writer',
          'add a user and print their token (shown only this once); role default writer',
        ],
        ['revoke-user <name>', "revoke all of the user's tokens"],
        ['migrate', 'only create or update the database schema'],
      ],
    },
  },
};

const TITLE: Record<Lang, string> = { zh: '标书工坊 BidForge 命令行', en: 'BidForge 标书工坊 — command line' };
const FOOTER: Record<Lang, string> = {
  zh: '通用选项：--lang zh|en  --data <目录>（条款库与设置所在的数据目录，默认 ~/.bidforge 或 $BIDFORGE_DATA）  --help（bidforge <命令> --help 查看该命令的选项）  --version（版本号）\n\n退出码：0 成功；1 检查发现错误；2 输入有误（文件无法读取、不是 JSON、蓝本不存在、变量类型错误）。',
  en: 'Common options: --lang zh|en  --data <dir> (the data folder with the clause store and settings, default ~/.bidforge or $BIDFORGE_DATA)  --help (bidforge <command> --help shows its options)  --version\n\nExit codes: 0 success, 1 check errors, 2 bad input (unreadable file, not JSON, unknown blueprint, wrong value type).',
};

function overview(lang: Lang): string {
  const lines = Object.values(COMMANDS[lang]).map((c) => `  ${c.usage}\n      ${c.what}`);
  return `${TITLE[lang]}\n\n${lang === 'zh' ? '用法：' : 'Usage:'}\n${lines.join('\n')}\n\n${FOOTER[lang]}`;
}

/** Terminal columns: CJK and full-width characters take two. */
const columns = (s: string) =>
  [...s].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );

function commandHelp(lang: Lang, c: CommandHelp): string {
  const width = Math.max(...c.options.map(([o]) => columns(o)));
  const opts = c.options.map(([o, d]) => `  ${o}${' '.repeat(width - columns(o))}  ${d}`).join('\n');
  return `${lang === 'zh' ? '用法：' : 'Usage:'} ${c.usage}\n\n${c.what}\n\n${opts}\n\n${FOOTER[lang]}`;
}

export const HELP: Record<Lang, Record<string, string>> = {
  zh: {
    '': overview('zh'),
    ...Object.fromEntries(Object.entries(COMMANDS.zh).map(([k, c]) => [k, commandHelp('zh', c)])),
  },
  en: {
    '': overview('en'),
    ...Object.fromEntries(Object.entries(COMMANDS.en).map(([k, c]) => [k, commandHelp('en', c)])),
  },
};
