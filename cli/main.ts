// bidforge: the command line on the same API as the app. Exit 0 ok, 1 check errors, 2 bad input.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiHandlers } from '../core/api/contract.js';
import { createHandlers, toApiError } from '../core/api/handlers.js';
import { ApiError } from '../core/api/envelope.js';
import { setTemplateSpecStore } from '../core/assemble/template.js';
import { templateSpecFolder } from '../core/assemble/templateCache.js';
import { createLocalClient } from '../core/api/localClient.js';
import { errorText } from '../core/i18n/errorText.js';
import { problemLine } from '../core/i18n/problemLine.js';
import type { Problem } from '../core/model/problem.js';
import type { Project } from '../core/model/project.js';
import { withOurForms } from '../core/tender/formsFollow.js';
import { appVersion, dataDir, templatesDir } from '../host/paths.js';
import { cardsCommand } from './cards.js';
import { isLibraryInputError, libraryCommand } from './library.js';
import { updateCommand } from './update.js';
import { tenderCheck, tenderCommand } from './tender.js';
import { HELP, type Lang, say } from './messages.js';

/** Problems that mean the input itself is wrong, not the document. */
const INPUT_CODES = new Set(['bad_project', 'bad_value', 'unknown_blueprint', 'conflicting_declaration']);

class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

type Io = { out: (s: string) => void; err: (s: string) => void; lang: Lang };

async function loadProject(api: ApiHandlers, file: string, lang: Lang): Promise<Project> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliExit(2, say(lang, 'cannotRead', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  try {
    return (await api.parseProject({ text, fileName: file })).project;
  } catch (e) {
    throw new CliExit(2, errorText(toApiError(e), lang === 'en' ? 'en' : 'zh-CN', '\n'));
  }
}

/** One problem as a line, worded in the CLI's language; a package's problems name their document after the file. */
const withFile = (file: string, lang: Lang) => (p: Problem) =>
  problemLine({ ...p, file: p.file ? `${file} [${p.file}]` : file }, lang === 'en' ? 'en' : 'zh-CN');

/** Loads a project and refuses input errors (exit 2) before anything else runs. */
async function projectWithProblems(
  api: ApiHandlers,
  file: string | undefined,
  command: string,
  io: Io,
  script?: string,
  forms?: string,
) {
  if (!file) throw new CliExit(2, say(io.lang, 'whichProject', command));
  let project = await loadProject(api, file, io.lang);
  // --forms ours: our own layout, whatever mandated forms the project follows (#18).
  if (forms !== undefined && forms !== 'ours' && forms !== 'tender')
    throw new CliExit(2, say(io.lang, 'badOption', '--forms', 'ours | tender', forms));
  if (forms === 'ours') project = { ...project, tender: withOurForms(project.tender) };
  if (script !== undefined) {
    if (script !== 'hans' && script !== 'hant')
      throw new CliExit(2, say(io.lang, 'badOption', '--script', 'hans | hant', script));
    project = { ...project, script };
  }
  // Every document of a bid package, not only the main one (the checks the app runs before an export).
  const { problems } = await api.checkProject({ project });
  const bad = problems.filter((p) => p.severity === 'error' && INPUT_CODES.has(p.code)).map(withFile(file, io.lang));
  if (bad.length) throw new CliExit(2, bad.join('\n'));
  return { project, problems };
}

async function check(api: ApiHandlers, file: string | undefined, json: boolean, io: Io): Promise<number> {
  const { problems } = await projectWithProblems(api, file, 'check', io);
  if (json)
    io.out(
      JSON.stringify(
        problems.map((p) => ({ ...p, file, ...(p.file ? { document: p.file } : {}) })),
        null,
        2,
      ),
    );
  else io.out(problems.length ? problems.map(withFile(file!, io.lang)).join('\n') : say(io.lang, 'noProblems', file!));
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

async function render(
  api: ApiHandlers,
  file: string | undefined,
  opts: { out?: string; format: string; script?: string; combined?: boolean; pageNumbers?: string; forms?: string },
  io: Io,
): Promise<number> {
  const pages = opts.pageNumbers ?? 'continuous';
  if (pages !== 'continuous' && pages !== 'per-part')
    throw new CliExit(2, say(io.lang, 'badOption', '--page-numbers', 'continuous | per-part', pages));
  const { project, problems } = await projectWithProblems(api, file, 'render', io, opts.script, opts.forms);
  if (!opts.out) throw new CliExit(2, say(io.lang, 'needOut'));
  const f = opts.format;
  // PDF first: the DOCX's 目录 and page count are filled from the PDF's pagination, which the DOCX export then reuses.
  const formats: ('docx' | 'pdf')[] | null = f === 'both' ? ['pdf', 'docx'] : f === 'docx' || f === 'pdf' ? [f] : null;
  if (!formats) throw new CliExit(2, say(io.lang, 'badOption', '--format', 'docx | pdf | both', f));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    io.err(errors.map(withFile(file!, io.lang)).join('\n'));
    return 1;
  }
  for (const p of problems) io.err(withFile(file!, io.lang)(p));
  // A bid package writes every one of its documents; they share the project's values. All are made before any is
  // written, so a failure leaves no half package behind.
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  try {
    for (const document of project.documents ?? [project.blueprint])
      for (const format of formats) files.push(await api.exportDocument({ project, format, document }));
    // --combined: the whole package in one file besides (one cover, one 目录, every document in order).
    if (opts.combined)
      for (const format of formats)
        files.push(await api.exportDocument({ project, format, combined: { pageNumbers: pages } }));
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'check_failed')) throw e;
    const found = (e.params.problems ?? []) as Problem[];
    io.err(found.length ? found.map(withFile(file!, io.lang)).join('\n') : e.message);
    return 1;
  }
  await mkdir(opts.out, { recursive: true });
  for (const { fileName, bytes } of files) {
    const target = join(opts.out, basename(fileName));
    await writeFile(target, bytes);
    io.out(say(io.lang, 'wrote', resolve(target)));
  }
  return 0;
}

async function newProject(
  api: ApiHandlers,
  blueprint: string | undefined,
  opts: { out?: string; name?: string },
  io: Io,
): Promise<number> {
  if (!blueprint) throw new CliExit(2, say(io.lang, 'whichBlueprint'));
  if (!opts.out) throw new CliExit(2, say(io.lang, 'needOutFile'));
  const { project } = await api.newProject({
    blueprint,
    name: opts.name ?? basename(opts.out).replace(/\.(bfproj\.)?json$|\.bfproj$/, ''),
  });
  await writeFile(opts.out, `${JSON.stringify(project, null, 2)}\n`, { flag: 'wx' }).catch(
    (e: NodeJS.ErrnoException) => {
      throw new CliExit(
        2,
        e.code === 'EEXIST' ? say(io.lang, 'exists', opts.out!) : say(io.lang, 'cannotWrite', opts.out!, e.message),
      );
    },
  );
  io.out(say(io.lang, 'wrote', resolve(opts.out)));
  return 0;
}

async function list(api: ApiHandlers, what: string | undefined, json: boolean, io: Io): Promise<number> {
  if (what === 'blueprints') {
    const items = await api.listBlueprints({});
    io.out(json ? JSON.stringify(items, null, 2) : items.map((b) => `${b.id}\t${b.docType}\t${b.title}`).join('\n'));
  } else if (what === 'clauses') {
    const items = await api.listClauses({});
    io.out(
      json
        ? JSON.stringify(items, null, 2)
        : items.map((c) => `${c.id}\t${c.variant}\tv${c.version}\t${c.status}\t${c.title}`).join('\n'),
    );
  } else throw new CliExit(2, say(io.lang, 'badOption', 'list', 'blueprints | clauses', what ?? ''));
  return 0;
}

/** --wait SECONDS: how long a library write waits for the app to finish its own write. */
function waitMs(value: string, lang: Lang): number {
  const s = Number(value);
  if (!Number.isFinite(s) || s < 0 || s > 600) throw new CliExit(2, say(lang, 'badOption', '--wait', '0–600', value));
  return s * 1000;
}

export async function run(
  argv: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): Promise<number> {
  // The team library (cli/sync.ts): `server …` and `library sync`, with their own options.
  if (argv[0] === 'server' || (argv[0] === 'library' && argv[1] === 'sync'))
    return (await import('./sync.js')).teamCommand(argv, out, err);
  // A team library without a server: a shared folder of signed packs (cli/teamFolder.ts).
  if (argv[0] === 'library' && (argv[1] === 'publish' || argv[1] === 'pull'))
    return (await import('./teamFolder.js')).teamFolderCommand(argv[1], argv.slice(2), out, err);
  let lang: Lang = /^en/i.test(process.env.LANG ?? '') && !/^zh/i.test(process.env.LANG ?? '') ? 'en' : 'zh';
  // Clause bodies compiled once, kept in the user's cache folder for the next command (BIDFORGE_CACHE=0: not).
  if (process.env.BIDFORGE_CACHE !== '0') setTemplateSpecStore(templateSpecFolder());
  try {
    const { values: opts, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        format: { type: 'string', default: 'both' },
        combined: { type: 'boolean', default: false },
        'page-numbers': { type: 'string' },
        forms: { type: 'string' },
        script: { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean', default: false },
        tender: { type: 'boolean', default: false },
        xlsx: { type: 'string' },
        lang: { type: 'string' },
        data: { type: 'string' },
        clauses: { type: 'string' },
        blueprints: { type: 'string' },
        resolve: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        template: { type: 'string' },
        layout: { type: 'string' },
        'per-card': { type: 'boolean', default: false },
        'name-pattern': { type: 'string' },
        qr: { type: 'boolean', default: false },
        map: { type: 'string' },
        project: { type: 'string' },
        by: { type: 'string' },
        hide: { type: 'string' },
        period: { type: 'string', multiple: true },
        // library list|show|add|edit|submit|approve|reject|retire (cli/libraryWork.ts)
        as: { type: 'string' },
        reason: { type: 'string' },
        variant: { type: 'string' },
        status: { type: 'string' },
        md: { type: 'boolean', default: false },
        wait: { type: 'string', default: '10' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    if (opts.lang !== undefined) {
      if (opts.lang !== 'zh' && opts.lang !== 'en')
        throw new CliExit(2, say(lang, 'badOption', '--lang', 'zh | en', opts.lang));
      lang = opts.lang;
    }
    const io: Io = { out, err, lang };
    const [command, arg] = positionals;
    if (opts.version) {
      out(`bidforge ${appVersion()}`);
      return 0;
    }
    if (!command || opts.help) {
      out(HELP[lang][command ?? ''] ?? HELP[lang]['']!);
      return command || opts.help ? 0 : 2;
    }
    // The same clause store (and lock) as the app: renders use its approved versions and record their pins.
    // --as names who acts in the library (else 设置's user name), as the app's user does.
    const api = createLocalClient(
      createHandlers({
        templatesDir: templatesDir(),
        dataDir: resolve(opts.data ?? dataDir()),
        program: 'CLI',
        ...(opts.as?.trim() ? { actingUser: opts.as.trim() } : {}),
      }),
    );
    switch (command) {
      case 'check':
        // --tender: the self-check against the project's stored tender (cli/tender.ts), --xlsx writes its report.
        if (opts.tender || opts.xlsx !== undefined) {
          const { project } = await projectWithProblems(api, arg, 'check', io);
          return await tenderCheck(api, project, arg!, { json: opts.json, xlsx: opts.xlsx }, io);
        }
        return await check(api, arg, opts.json, io);
      case 'render':
        return await render(
          api,
          arg,
          {
            out: opts.out,
            format: opts.format,
            script: opts.script,
            combined: opts.combined,
            pageNumbers: opts['page-numbers'],
            forms: opts.forms,
          },
          io,
        );
      case 'new':
        return await newProject(api, arg, { out: opts.out, name: opts.name }, io);
      case 'list':
        return await list(api, arg, opts.json, io);
      case 'cards': {
        const r = await cardsCommand(
          {
            dataFile: arg,
            out: opts.out,
            template: opts.template,
            layout: opts.layout,
            format: opts.format === 'both' && !argv.includes('--format') ? undefined : opts.format,
            perCard: opts['per-card'],
            namePattern: opts['name-pattern'],
            qr: opts.qr,
            json: opts.json,
            map: opts.map,
            script: opts.script,
            project: opts.project,
            by: opts.by,
            hide: opts.hide,
            period: opts.period,
            lang,
          },
          out,
          err,
          api,
        );
        if (typeof r === 'string') throw new CliExit(2, r);
        return r;
      }
      case 'update':
        return await updateCommand(api, arg, { json: opts.json }, io, (f) => loadProject(api, f, lang));
      case 'tender':
        return await tenderCommand(api, arg, positionals.slice(2), { json: opts.json }, io);
      case 'library':
        return await libraryCommand(
          api,
          {
            action: arg,
            file: positionals[2],
            rest: positionals.slice(2),
            out: opts.out,
            clauses: opts.clauses,
            blueprints: opts.blueprints,
            resolve: opts.resolve,
            dryRun: opts['dry-run'],
            json: opts.json,
            lang,
            // list [TEXT] | show ID | add FILE | edit ID FILE | submit|approve|reject|retire ID
            work: {
              id: arg === 'add' ? undefined : positionals[2],
              file: arg === 'add' ? positionals[2] : positionals[3],
              reason: opts.reason,
              variant: opts.variant,
              status: opts.status,
              md: opts.md,
              waitMs: waitMs(opts.wait, lang),
            },
          },
          out,
          io,
        );
      default:
        throw new CliExit(2, say(lang, 'unknownCommand', command));
    }
  } catch (e) {
    if (e instanceof CliExit) {
      err(e.message);
      return e.code;
    }
    if (isLibraryInputError(e)) {
      err((e as Error).message);
      return 2;
    }
    if (e instanceof TypeError && /Unknown option|Unexpected argument|argument missing/.test(e.message)) {
      err(`${e.message} (--help)`);
      return 2;
    }
    err(`${lang === 'en' ? 'error: ' : '错误：'}${errorText(toApiError(e), lang === 'en' ? 'en' : 'zh-CN')}`);
    return 2;
  }
}

if (process.argv[1]?.endsWith('cli/main.ts')) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}
