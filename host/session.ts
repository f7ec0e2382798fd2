// How a browser gets the host's session without any local process being able to read it from the host:
// the host prints a one-time launch link; opening it sets the session as an HttpOnly, SameSite=Strict cookie and
// redirects to the app. GET / never carries the session, so `curl http://127.0.0.1:5199/` learns nothing.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'bidforge_session';
/** The cookie lives at most this long in the browser; the session itself ends with the host. */
const COOKIE_MAX_AGE_S = 12 * 3600;

export class HostSession {
  readonly token: string;
  private launchCodes = new Set<string>();

  constructor(token?: string) {
    this.token = token ?? randomBytes(24).toString('hex');
  }

  /** A new single-use code for the launch link. */
  newLaunchCode(): string {
    const code = randomBytes(18).toString('hex');
    this.launchCodes.add(code);
    return code;
  }

  /** True once for each code handed out: a launch link works a single time. */
  redeem(code: string | null): boolean {
    if (!code || !this.launchCodes.has(code)) return false;
    this.launchCodes.delete(code);
    return true;
  }

  setCookieHeader(): string {
    return `${SESSION_COOKIE}=${this.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${COOKIE_MAX_AGE_S}`;
  }

  /** The session cookie, or the token header a program given the token in-process sends (tests, the bench). */
  admits(req: IncomingMessage, tokenHeader: string): boolean {
    const header = req.headers[tokenHeader];
    if (typeof header === 'string' && same(header, this.token)) return true;
    const cookie = cookieValue(req.headers.cookie, SESSION_COOKIE);
    return cookie !== undefined && same(cookie, this.token);
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** What a browser without the session sees instead of the app (both languages: the UI's is not known yet). */
export const NO_SESSION_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>标书工坊 BidForge</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7">
<h1>请从启动时打印的链接打开标书工坊</h1>
<p>为防止本机其他程序冒用，浏览器版只接受启动时在终端打印的一次性链接（以 <code>?launch=</code> 结尾）。该链接已用过或已失效时，请重新运行 <code>npm start</code>。</p>
<hr><p lang="en">Open BidForge with the one-time link printed in the terminal when it started (it ends in <code>?launch=…</code>). If that link was already used, run <code>npm start</code> again.</p>
</body></html>`;
