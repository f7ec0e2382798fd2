// bidforge: the command line on the same API as the app. Exit 0 ok, 1 check errors, 2 bad input.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ApiHandlers } from '../core/api/contract.js';
import { createHandlers, toApiError } from '../core/api/handlers.js';
import { createLocalClient } from '../core/api/localClient.js';
import { formatProblem, type Problem } from '../core/model/problem.js';
import type { Project } from '../core/model/project.js';
import { templatesDir } from '../host/paths.js';

const USAGE = `BidForge 标书工坊 — command line

Usage:
  bidforge render <project.json> --out <dir> [--format docx|pdf|both]
      writes <name>.docx and <name>.pdf into <dir>
  bidforge check <project.json> [--json]
      lists problems; exit 1 if any is an error
  bidforge --help

Exit codes: 0 success, 1 check errors, 2 bad input (unreadable file, not JSON, unknown blueprint, wrong value type).`;

/** Problems that mean the input itself is wrong, not the document. */
const INPUT_CODES = new Set(['bad_project', 'bad_value', 'unknown_blueprint', 'conflicting_declaration']);

class CliExit extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

async function loadProject(api: ApiHandlers, file: string): Promise<Project> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliExit(2, `${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return (await api.parseProject({ text, fileName: file })).project;
  } catch (e) {
    throw new CliExit(2, toApiError(e).message);
  }
}

function inputErrors(file: string, problems: Problem[]): string[] {
  return problems.filter((p) => p.severity === 'error' && INPUT_CODES.has(p.code)).map((p) => formatProblem({ ...p, file }));
}

export async function run(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): Promise<number> {
  try {
    const { values: opts, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, format: { type: 'string', default: 'both' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
    const [command, file] = positionals;
    if (opts.help || !command) {
      out(USAGE);
      return command || opts.help ? 0 : 2;
    }
    const api = createLocalClient(createHandlers({ templatesDir: templatesDir() }));
    if (command !== 'render' && command !== 'check') throw new CliExit(2, `unknown command "${command}" (try --help)`);
    if (!file) throw new CliExit(2, `${command}: which project file? (bidforge ${command} <project.json>)`);
    const project = await loadProject(api, file);
    const { problems } = await api.preview({ project });
    const bad = inputErrors(file, problems);
    if (bad.length) throw new CliExit(2, bad.join('\n'));

    if (command === 'check') {
      if (opts.json) out(JSON.stringify(problems.map((p) => ({ ...p, file })), null, 2));
      else out(problems.length ? problems.map((p) => formatProblem({ ...p, file })).join('\n') : `${file}: no problems`);
      return problems.some((p) => p.severity === 'error') ? 1 : 0;
    }

    if (!opts.out) throw new CliExit(2, 'render: say where to write with --out <dir>');
    const format = opts.format;
    const formats: ('docx' | 'pdf')[] | null = format === 'both' ? ['docx', 'pdf'] : format === 'docx' || format === 'pdf' ? [format] : null;
    if (!formats) throw new CliExit(2, `--format must be docx, pdf or both, not "${opts.format}"`);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      err(errors.map((p) => formatProblem({ ...p, file })).join('\n'));
      return 1;
    }
    for (const p of problems) err(formatProblem({ ...p, file }));
    await mkdir(opts.out, { recursive: true });
    for (const format of formats) {
      const { fileName, bytes } = await api.exportDocument({ project, format });
      const target = join(opts.out, basename(fileName));
      await writeFile(target, bytes);
      out(`wrote ${resolve(target)}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof CliExit) {
      err(e.message);
      return e.code;
    }
    if (e instanceof TypeError && /Unknown option|Unexpected argument/.test(e.message)) {
      err(`${e.message} (try --help)`);
      return 2;
    }
    err(`error: ${toApiError(e).message}`);
    return 2;
  }
}

if (process.argv[1]?.endsWith('cli/main.ts')) {
  run(process.argv.slice(2)).then((code) => process.exit(code));
}
