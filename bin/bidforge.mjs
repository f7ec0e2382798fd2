#!/usr/bin/env node
// The installed `bidforge` command: runs the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../cli/main.ts');
process.exit(await run(process.argv.slice(2)));
