// Bundles the CLI into one ES module (dependencies stay in node_modules), so `bidforge` starts without compiling
// TypeScript. dist/cli/ sits two levels below the root, as core/<feature>/ does: paths relative to a module still hold.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

export const CLI_BUNDLE = 'dist/cli/bidforge.mjs';

export async function buildCli(root = process.cwd()) {
  const out = join(root, CLI_BUNDLE);
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/main.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    logLevel: 'warning',
    write: false,
  });
  // Written aside and renamed: two commands starting at once never read a half-written bundle.
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildCli();
  console.log(`built ${CLI_BUNDLE}`);
}
