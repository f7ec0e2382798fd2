// The same API cases in-process and through the HTTP host: both transports must agree.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@core/api/contract.js';
import { dispatch } from '@core/api/dispatch.js';
import { createHandlers } from '@core/api/handlers.js';
import { createHttpClient, TOKEN_HEADER } from '@core/api/httpClient.js';
import { createLocalClient } from '@core/api/localClient.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { tempDir } from '../helpers/tmp.js';

const handlers = createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-api-') });
const rendererDir = mkdtempSync(join(tmpdir(), 'bf-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>app</body></html>');
let host: RunningHost;

beforeAll(async () => {
  host = await startHost({ handlers, rendererDir });
});
afterAll(() => host.close());

const transports: [string, () => ApiHandlers][] = [
  ['in-process', () => createLocalClient(handlers)],
  ['HTTP host', () => createHttpClient(host.url.replace(/\/$/, ''), host.token)],
];

describe.each(transports)('API through %s', (_name, api) => {
  it('lists the sample and opens it', async () => {
    const samples = await api().listSamples({});
    expect(samples.map((s) => s.name)).toContain('service-plan-sample');
    const { project } = await api().openSample({ name: 'service-plan-sample' });
    expect(project.blueprint).toBe('service-plan');
    // A bid package says so (首页 shows 投标文件包), with the documents its file lists; a single document does not.
    const pkg = samples.find((s) => s.name === 'bid-package-sample');
    const { project: pkgProject } = await api().openSample({ name: 'bid-package-sample' });
    expect(pkg?.documents).toEqual(pkgProject.documents);
    expect(pkg?.documents?.length).toBeGreaterThan(1);
    expect(samples.find((s) => s.name === 'service-plan-sample')?.documents).toBeUndefined();
  });

  it('previews the sample with numbered sections and no errors', async () => {
    const { project } = await api().openSample({ name: 'service-plan-sample' });
    const { document, problems } = await api().preview({ project });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(document.blocks[0]).toMatchObject({ kind: 'heading', level: 1, number: '一、' });
  });

  it('exports PDF bytes that start with %PDF', async () => {
    const { project } = await api().openSample({ name: 'service-plan-sample' });
    const { fileName, bytes } = await api().exportDocument({ project, format: 'pdf' });
    expect(fileName).toBe(`${project.title}.pdf`);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('refuses to export a document with a missing required value, naming it', async () => {
    const { project } = await api().openSample({ name: 'service-plan-sample' });
    const { hotline: _dropped, ...values } = project.values;
    await expect(api().exportDocument({ project: { ...project, values }, format: 'docx' })).rejects.toMatchObject({
      code: 'check_failed',
      message: expect.stringContaining('服务热线'),
      params: { problems: [expect.objectContaining({ field: 'values.hotline' })] },
    });
  });

  it('rejects a malformed argument with a bad_request error, not a stack trace', async () => {
    await expect(api().openSample({ name: 42 } as never)).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('dispatch', () => {
  it('answers an unknown channel with unknown_channel', async () => {
    expect(await dispatch(handlers, 'deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
  });
});

describe('host guards', () => {
  const post = (path: string, headers: Record<string, string>) =>
    fetch(host.url.replace(/\/$/, '') + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  it('refuses a request without the per-run token', async () => {
    expect((await post('/api/listSamples', {})).status).toBe(401);
  });
  it('refuses a request from a foreign Origin even with the token', async () => {
    expect((await post('/api/listSamples', { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' })).status).toBe(
      403,
    );
  });
  it('accepts its own origin with the token', async () => {
    const origin = host.url.replace(/\/$/, '');
    expect((await post('/api/listSamples', { [TOKEN_HEADER]: host.token, origin })).status).toBe(200);
  });
  it('a plain GET / (what any local process can do) gets neither the app nor the session', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('请从启动时打印的链接打开标书工坊');
    expect(page).not.toContain(host.token);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
  it('the launch link works once: it sets the session as an HttpOnly, SameSite=Strict cookie, and the app page and API then open with it', async () => {
    const launch = host.launchUrl();
    const first = await fetch(launch, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bidforge_session=[0-9a-f]+; HttpOnly; SameSite=Strict; Path=\//);
    const session = cookie.split(';')[0]!;
    const app = await fetch(host.url, { headers: { cookie: session } });
    expect(app.status).toBe(200);
    expect(app.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await app.text();
    expect(html).toBe('<!doctype html><html><head></head><body>app</body></html>');
    expect(html).not.toContain(host.token);
    const origin = host.url.replace(/\/$/, '');
    expect((await post('/api/listSamples', { cookie: session, origin })).status).toBe(200);
    expect((await post('/api/listSamples', { cookie: 'bidforge_session=0000', origin })).status).toBe(401);
    const again = await fetch(launch, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
  });
  it('serves nothing outside the renderer folder', async () => {
    expect((await fetch(`${host.url}..%2Fpackage.json`)).status).toBe(404);
  });
  it('listens on 127.0.0.1 only', () => {
    expect((host.server.address() as { address: string }).address).toBe('127.0.0.1');
  });
});

describe('new projects and listings', () => {
  const api = createLocalClient(
    createHandlers({ templatesDir: 'templates', dataDir: tempDir('bf-api-'), today: () => '2026-12-01' }),
  );
  it('a new project starts from the blueprint with the clauses’ wordings and today’s date, never their figures', async () => {
    const { project } = await api.newProject({ blueprint: 'service-plan', name: 'p1' });
    expect(project).toMatchObject({ name: 'p1', blueprint: 'service-plan', date: '2026-12-01', title: '售后服务方案' });
    // 现场到达时间 2小时 is the clause's suggestion, for the writer to take or change in the form: not a promise made.
    expect(project.values.onsite_arrival).toBeUndefined();
    expect(project.values.service_slogan).toBe('用户至上、快速响应、诚信守约、持续改进');
  });
  it('an unknown blueprint is named in the error', async () => {
    await expect(api.newProject({ blueprint: 'nope' })).rejects.toThrow(/nope/);
  });
  it('lists every clause with its variant and status', async () => {
    const clauses = await api.listClauses({});
    expect(clauses.find((c) => c.id === 'warranty-terms' && c.variant === '标准')).toMatchObject({
      status: 'approved',
      version: 1,
    });
  });
});
