// 坏输入语料: every input in the corpus (not JSON, wrong types, 10,000-row table, 1 MB text, emoji, control
// characters, right-to-left text, 1e20 and negative money, impossible dates…) gets a clear answer naming the problem —
// or renders, where it is valid — from the project parser, the API (in-process and over HTTP), and the CLI's check
// and render. Never a crash, never a stack trace, never the whole 1 MB echoed back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { createHandlers } from '@core/api/handlers.js';
import { createHttpClient, TOKEN_HEADER } from '@core/api/httpClient.js';
import { createLocalClient } from '@core/api/localClient.js';
import { BidForgeError } from '@core/model/problem.js';
import { parseProjectText } from '@core/project/parse.js';
import { startHost, type RunningHost } from '../../host/server.js';
import { templatesDir } from '../helpers/paths.js';
import { TEXT_LIMITS } from '@core/model/variables.js';
import { CORPUS as VALUES_CORPUS, FACT_CORPUS, withFact, withValues, type Case } from './corpus.js';

// Bad variable values (on a project from before facts) and bad facts (on the shipped sample), one corpus.
const CORPUS = [...VALUES_CORPUS, ...FACT_CORPUS];

const dir = mkdtempSync(join(tmpdir(), 'bf-bad-'));
const handlers = createHandlers({ templatesDir, dataDir: join(dir, 'data') });
const api = createLocalClient(handlers);
let host: RunningHost;
beforeAll(async () => {
  const renderer = join(dir, 'renderer');
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  host = await startHost({ handlers, rendererDir: renderer });
});
afterAll(() => host?.close());

/** A message a person can act on: names the problem, one piece of text, not a dump. */
function expectClear(message: string, c: Case): void {
  if (c.names) expect(message, c.name).toMatch(c.names);
  expect(message, `${c.name}: no stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(message.length, `${c.name}: the message stays short`).toBeLessThan(4000);
}

const invalid = CORPUS.filter((c) => c.names);
const valid = CORPUS.filter((c) => !c.names);

describe('项目文件解析', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    let project: ReturnType<typeof parseProjectText> | undefined;
    try {
      project = parseProjectText(c.text, 'project.json');
    } catch (e) {
      expect(e, c.name).toBeInstanceOf(BidForgeError);
      expect((e as BidForgeError).code).toBe('bad_project');
      expect((e as Error).message).toMatch(/^project\.json：/); // names the file
      expectClear((e as Error).message, c);
      return;
    }
    expect(project.blueprint).toBeTypeOf('string'); // parsed: its values are checked by the API and the CLI below
  });
});

describe('API (in-process): parse, then check by exporting', () => {
  it.each(invalid.map((c) => [c.name, c] as const))('%s: refused with a clear reason', async (_n, c) => {
    const err = await (async () => {
      const { project } = await api.parseProject({ text: c.text, fileName: 'project.json' });
      await api.exportDocument({ project, format: 'docx' });
    })().then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err, `${c.name} was accepted`).not.toBeNull();
    expect(['bad_project', 'bad_request', 'check_failed']).toContain(err!.code);
    expectClear(err!.message, c);
  });

  it.each(valid.map((c) => [c.name, c] as const))(
    '%s: previews, and exports or names the characters it cannot print',
    async (_n, c) => {
      const { project } = await api.parseProject({ text: c.text, fileName: 'project.json' });
      const { document } = await api.preview({ project });
      expect(document.blocks.length).toBeGreaterThan(0);
      const docx = await api
        .exportDocument({ project, format: 'docx' })
        .catch((e: { code: string; message: string }) => e);
      if ('bytes' in docx) expect(new TextDecoder().decode(docx.bytes.slice(0, 2))).toBe('PK');
      else {
        // Characters the embedded PDF font lacks (emoji, Arabic) block every export with their code points named.
        expect(docx.code).toBe('check_failed');
        expect(docx.message).toMatch(/U\+[0-9A-F]{4,5}/);
        expectClear(docx.message, c);
      }
    },
  );

  // Found by this corpus: pdfmake's line breaking grows faster than the text (30,000 characters without a space: 8 s;
  // 350,000 did not finish in 5 minutes). Text values are now limited (TEXT_LIMITS): the 1 MB value above is refused
  // naming its length; the longest value allowed still exports to PDF in seconds.
  it('the longest single-line text value allowed exports to PDF within seconds', async () => {
    const text = withValues((v) => (v.service_slogan = 'a'.repeat(TEXT_LIMITS.text)));
    const { project } = await api.parseProject({ text, fileName: 'project.json' });
    const started = Date.now();
    const pdf = await api.exportDocument({ project, format: 'pdf' });
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 4))).toBe('%PDF');
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});

describe('API over HTTP (the host): malformed requests', () => {
  const post = (channel: string, body: string) =>
    fetch(`${host.url.replace(/\/$/, '')}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, origin: host.url.replace(/\/$/, '') },
      body,
    });

  it.each([
    ['not JSON', 'parseProject', '{ text: '],
    ['an array instead of the argument object', 'parseProject', '[]'],
    ['a number where a string is expected', 'parseProject', '{"text": 42, "fileName": "p.json"}'],
    ['a project of the wrong shape', 'preview', '{"project": {"schema": 1, "values": "x"}}'],
    [
      'prototype keys as the argument',
      'openSample',
      '{"__proto__": {"name": "service-plan-sample"}, "constructor": 1}',
    ],
  ])('%s: a 4xx JSON error with a code and a message, no stack trace', async (_n, channel, body) => {
    const res = await post(channel, body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const json = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(json.ok).toBe(false);
    expect(json.error.code).toMatch(/^[a-z_]+$/);
    expect(json.error.message).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('the corpus through the HTTP client gives the same answers as in-process', async () => {
    const http = createHttpClient(host.url.replace(/\/$/, ''), host.token);
    for (const c of invalid.filter((x) => !x.heavy)) {
      const err = await (async () => {
        const { project } = await http.parseProject({ text: c.text, fileName: 'project.json' });
        await http.exportDocument({ project, format: 'docx' });
      })().then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(err, c.name).not.toBeNull();
      expectClear(err!.message, c);
    }
  });
});

describe('CLI check and render', () => {
  async function cli(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(
      [...args, '--lang', 'en'],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { code, text: [...out, ...err].join('\n') };
  }
  const fileOf = (c: Case) => {
    const f = join(dir, `${c.name.replace(/[^\w]+/g, '-')}.json`);
    writeFileSync(f, c.text);
    return f;
  };

  it.each(invalid.map((c) => [c.name, c] as const))('check %s: exit 1 or 2, naming the problem', async (_n, c) => {
    const r = await cli('check', fileOf(c));
    expect([1, 2], r.text).toContain(r.code);
    expectClear(r.text, c);
  });

  it.each(CORPUS.filter((c) => !c.heavy).map((c) => [c.name, c] as const))(
    'render %s to DOCX: a file, or a clear refusal',
    async (_n, c) => {
      const out = join(dir, 'out', c.name.replace(/[^\w]+/g, '-'));
      const r = await cli('render', fileOf(c), '--out', out, '--format', 'docx');
      if (c.names) {
        expect([1, 2], r.text).toContain(r.code);
        expectClear(r.text, c);
      } else expect([0, 1], r.text).toContain(r.code); // 1: the emoji/Arabic characters the PDF font lacks, named
    },
  );
});

describe('facts given as objects in the same process (NaN and Infinity are no JSON)', () => {
  const sample = JSON.parse(withFact('arrive', () => {})) as { commitments: { id: string; within?: unknown }[] };
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('a deadline of %s is refused naming 到达现场时限', async (_n, value) => {
    const project = structuredClone(sample);
    project.commitments.find((c) => c.id === 'arrive')!.within = { value, unit: '小时' };
    const err = await api.preview({ project: project as never }).then(
      () => null,
      (e: { code: string; message: string }) => e,
    );
    expect(err, 'accepted').not.toBeNull();
    expect(err!.message).toMatch(/到达现场时限/);
    expect(err!.message).not.toMatch(/arrive|commitments\.\d/);
  });
});

describe('bounded, and nothing already saved is lost', () => {
  it('100,000 facts are refused within seconds, by the parser, the API and the HTTP client', async () => {
    const big = FACT_CORPUS.find((c) => c.name === 'fact: 100,000 facts')!;
    const http = createHttpClient(host.url.replace(/\/$/, ''), host.token);
    for (const client of [api, http]) {
      const started = Date.now();
      const err = await client.parseProject({ text: big.text, fileName: 'project.json' }).then(
        () => null,
        (e: { message: string }) => e,
      );
      expect(err?.message).toMatch(big.names!);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  }, 30_000);

  it('a hostile project is not recorded as recent, and the recent projects already there are kept', async () => {
    const good = parseProjectText(
      withFact('arrive', () => {}),
      'good.json',
    );
    await api.recordRecentProject({ project: good, path: join(dir, 'good.json'), saved: true });
    const before = (await api.listRecentProjects({})).projects;
    expect(before.length).toBeGreaterThan(0);
    for (const c of FACT_CORPUS.filter((x) => !x.heavy && x.text.startsWith('{') && !x.text.includes('Infinity'))) {
      const hostile = JSON.parse(c.text) as never;
      const err = await api.recordRecentProject({ project: hostile, path: join(dir, 'bad.json'), saved: true }).then(
        () => null,
        (e: { message: string }) => e,
      );
      expect(err, `${c.name} was recorded`).not.toBeNull();
      expect(err!.message, c.name).toMatch(c.names!);
    }
    expect((await api.listRecentProjects({})).projects).toEqual(before);
  });
});
