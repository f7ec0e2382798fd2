// The README's first hour, in a fresh copy of the project: `npm install` succeeds without ELECTRON_SKIP_BINARY_DOWNLOAD
// on a network where Electron's download host is unreachable, and `npm start` says so in one line and serves the
// browser host; a second start rebuilds nothing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const INSTALL_TIMEOUT = 600_000;
let copy = '';
let data = '';

/** The user's environment: none of npm's own variables from the `npm test` that runs us, no skip variable, and an
 * Electron mirror nothing answers on (so the download fails here as it does behind a company firewall). */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^npm_|^ELECTRON_SKIP|^NODE_ENV$|^VITEST/i.test(k)),
  );
  return { ...env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', BIDFORGE_DATA: data, BIDFORGE_PORT: '0' };
}

/** Runs `npm start` until it prints the URL; returns everything it printed before that, and the URL. */
function startUntilUrl(): Promise<{ output: string; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd: copy, env: userEnv(), detached: true });
    let output = '';
    const stop = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
    };
    const onData = (d: Buffer) => {
      output += d.toString();
      const url = /running at (http:\/\/127\.0\.0\.1:\d+\/\?launch=\w+)/.exec(output)?.[1];
      if (url) {
        // The printed link signs the browser in (a session cookie), then the app's page opens with it.
        fetch(url, { redirect: 'manual' })
          .then((r) =>
            fetch(new URL('/', url), { headers: { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]! } }),
          )
          .then(async (r) => ({ status: r.status, html: await r.text() }))
          .then(({ status, html }) => {
            stop();
            if (status !== 200 || !html.includes('<div id="root">')) reject(new Error(`the host answered ${status}`));
            else resolve({ output, url });
          }, reject);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing a URL:\n${output}`)));
  });
}

describe('README 安装：全新副本', () => {
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'bidforge-fresh-'));
    data = join(copy, '.data');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .split('\0')
      .filter(Boolean);
    for (const f of files.filter((f) => existsSync(join(repoRoot, f)))) {
      mkdirSync(dirname(join(copy, f)), { recursive: true });
      cpSync(join(repoRoot, f), join(copy, f));
    }
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  let install = { status: -1 as number | null, output: '' };
  it('npm install succeeds without ELECTRON_SKIP_BINARY_DOWNLOAD, with no engine warning', {
    timeout: INSTALL_TIMEOUT,
  }, () => {
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: copy,
      env: userEnv(),
      encoding: 'utf8',
      timeout: INSTALL_TIMEOUT,
    });
    install = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
    expect(install.status, install.output).toBe(0);
    expect(install.output).not.toMatch(/EBADENGINE/);
    expect(install.output).toMatch(/added \d+ packages/);
  });

  it('npm start says in one line why there is no window, and serves the browser host; the next start rebuilds nothing', {
    timeout: INSTALL_TIMEOUT,
  }, async () => {
    expect(install.status, 'npm install failed').toBe(0);
    const first = await startUntilUrl();
    const lines = first.output.split('\n').filter((l) => /Electron/.test(l));
    expect(lines, first.output).toHaveLength(1);
    expect(lines[0]).toMatch(/未能启动桌面窗口（Electron 程序下载失败，镜像 http:\/\/127\.0\.0\.1:9\/）/);
    expect(first.output).toMatch(/built in/); // the first start builds the renderer

    const second = await startUntilUrl();
    expect(second.output).not.toMatch(/built in|vite/);
    expect(second.output).toMatch(/未能启动桌面窗口/);
  });
});
