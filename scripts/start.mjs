// npm start: open the Electron app; when the Electron binary is missing, say so and start the browser host instead.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron'); // the package exports the binary's path, and throws if it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
const run = (cmd, args) => spawn(cmd, args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
if (bin) run(bin, ['.']);
else {
  console.log('The Electron binary is not installed (its download was skipped or failed): starting the browser host instead — open the URL below.');
  run(process.execPath, ['--import', 'tsx', 'host/main.ts']);
}
