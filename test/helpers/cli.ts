// The command line run in this process, as a test drives it: its exit code and what it printed.
import { run } from '../../cli/main.js';

export type CliResult = { code: number; out: string; err: string; all: string };

/** Runs `bidforge <args>`; `all` is stdout then stderr, for tests that do not care which. */
export async function runCli(args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n'), all: [...out, ...err].join('\n') };
}

/** Chinese unless the test asks otherwise, whatever the machine's LANG. */
export const inChinese = (args: string[]): string[] => (args.includes('--lang') ? args : [...args, '--lang', 'zh']);
