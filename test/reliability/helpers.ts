// Helpers for the reliability tests: child programs started fast, and waiting for lines they print.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../helpers/paths.js';

/**
 * Bundles a TypeScript entry into one .mjs file under node_modules/.cache (so its packages still resolve from
 * node_modules). Why: starting a child through tsx costs 1–2 s on these machines; a bundled child starts in ~0.1 s,
 * which is what lets the kill test start a hundred of them within its time budget.
 */
export async function bundle(entry: string, name: string): Promise<string> {
  const dir = join(repoRoot, 'node_modules', '.cache', 'bidforge-reliability');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
    target: 'node20',
  });
  return outfile;
}

export type Child = {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
};

/** Starts `node file args…`, collecting stdout line by line. */
export function startNode(file: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Child {
  const proc = spawn(process.execPath, [file, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buf = '';
  let stderr = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    const parts = buf.split('\n');
    buf = parts.pop()!;
    lines.push(...parts);
  });
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { proc, lines, exited };
}

/** Resolves when the child has printed a line matching `re` (or rejects after `ms`). */
export async function waitForLine(child: Child, re: RegExp, ms = 10_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const hit = child.lines.find((l) => re.test(l));
    if (hit) return hit;
    if (child.proc.exitCode !== null || child.proc.signalCode !== null)
      throw new Error(`child exited before printing ${re}: ${(await child.exited).stderr}`);
    if (Date.now() - start > ms) throw new Error(`no line matching ${re} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A deterministic pseudo-random sequence (mulberry32), so a failing run can be repeated with its seed. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Makes every FileHandle write fail with `code` (ENOSPC, EROFS, EIO …) while `run` runs, on any machine: the error a
 * full or read-only disk gives, injected where our writes meet the disk. Resolves with what `run` threw, or undefined.
 */
export async function failingWrites(code: string, run: () => Promise<unknown>): Promise<unknown> {
  const probe = await open(import.meta.filename, 'r');
  const proto = Object.getPrototypeOf(probe) as { writeFile: (...a: unknown[]) => Promise<void> };
  await probe.close();
  const original = proto.writeFile;
  proto.writeFile = async () => {
    throw Object.assign(new Error(`${code}: injected`), { code });
  };
  try {
    return await run().then(
      () => undefined,
      (e: unknown) => e,
    );
  } finally {
    proto.writeFile = original;
  }
}
