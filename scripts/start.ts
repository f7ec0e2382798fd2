// npm start: build what changed, then open the Electron window. Where Electron's binary is missing and cannot be
// fetched (its host, or the ELECTRON_MIRROR a user set, is unreachable), say so in one line and serve the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../host/paths.js';
import { electronOutput, electronSources, isStale, rendererOutput, rendererSources } from './freshness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DAY = 24 * 3600 * 1000;
/** A failed download is not retried on every start (a network that drops packets would cost a minute each time). */
const failureMark = join(root, 'node_modules', '.cache', 'bidforge', 'electron-download.json');
const mirror = process.env.ELECTRON_MIRROR ?? process.env.npm_config_electron_mirror ?? '';

function uiLanguage(): 'zh-CN' | 'en' {
  try {
    return (JSON.parse(readFileSync(join(dataDir(), 'settings.json'), 'utf8')) as { uiLanguage?: string })
      .uiLanguage === 'en'
      ? 'en'
      : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const FALLBACK = {
  'zh-CN': (why: string) => `未能启动桌面窗口（${why}），已改为启动浏览器版：请在浏览器中打开下面的网址。`,
  en: (why: string) =>
    `The desktop window cannot open (${why}); starting the browser version instead: open the URL below.`,
};
const WHY = {
  'zh-CN': {
    download: `Electron 程序下载失败${mirror ? `，镜像 ${mirror}` : '，可设置 ELECTRON_MIRROR 镜像后重试'}`,
    missing: 'Electron 程序未安装',
  },
  en: {
    download: `the Electron binary could not be downloaded${mirror ? ` from ${mirror}` : '; set ELECTRON_MIRROR to a mirror and retry'}`,
    missing: 'the Electron package is not installed',
  },
};

function electronBinary(): string | null {
  try {
    const path: unknown = require('electron'); // the package exports the binary's path, and throws if it was never downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function recentlyFailed(): boolean {
  try {
    const mark = JSON.parse(readFileSync(failureMark, 'utf8')) as { at: number; mirror: string };
    return mark.mirror === mirror && Date.now() - mark.at < DAY;
  } catch {
    return false;
  }
}

/** Electron's own install script fetches the binary (it honours ELECTRON_MIRROR); npm does not run it (see .npmrc). */
function fetchElectron(): boolean {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer) || recentlyFailed()) return false;
  const r = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
  if (r.status === 0) return true;
  mkdirSync(dirname(failureMark), { recursive: true });
  writeFileSync(failureMark, JSON.stringify({ at: Date.now(), mirror }));
  return false;
}

function build(script: string, output: string, sources: string[]): void {
  if (!isStale(output, sources)) return;
  const r = spawnSync('npm', ['run', '--silent', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const run = (cmd: string, args: string[]) =>
  spawn(cmd, args, { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));

build('build:renderer', rendererOutput(root), rendererSources(root));
const installed = existsSync(join(root, 'node_modules', 'electron', 'package.json'));
const binary = electronBinary() ?? (installed && fetchElectron() ? electronBinary() : null);
if (binary) {
  build('build:electron', electronOutput(root), electronSources(root));
  run(binary, ['.']);
} else {
  const lang = uiLanguage();
  console.log(FALLBACK[lang](installed ? WHY[lang].download : WHY[lang].missing));
  run(process.execPath, ['--import', 'tsx', 'host/main.ts']);
}
