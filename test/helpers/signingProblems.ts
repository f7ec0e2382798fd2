// Real problems of the names, pack-signing, trusted-signer and recent-project code (core/text/names.ts,
// core/library/packSigning.ts, core/settings), produced by calling that code: the English wording test reads them.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '@core/api/handlers.js';
import { ApiError } from '@core/api/envelope.js';
import { ephemeralSigningKey, publicKeyText, signPack, verifyPack } from '@core/library/packSigning.js';
import { makePack } from '@core/library/store/pack.js';
import { BidForgeError, type Problem } from '@core/model/problem.js';
import { PackTrust } from '@core/settings/packTrust.js';
import { snapshotProblem } from '@core/settings/recent.js';
import { SettingsStore } from '@core/settings/store.js';
import { checkName, lookalikeProblem } from '@core/text/names.js';
import { templatesDir } from './paths.js';

const refusedWith = async (run: () => unknown): Promise<Problem[]> => {
  try {
    await run();
  } catch (e) {
    if (e instanceof BidForgeError) return e.problems;
    throw e;
  }
  throw new Error('expected a refusal');
};

const problemOf = (r: ReturnType<typeof checkName>): Problem[] => ('problem' in r ? [r.problem] : []);

export async function signingProblems(): Promise<Problem[]> {
  const names = [
    ...problemOf(checkName('标准\u200b', 'variant')),
    ...problemOf(checkName('   ', 'variant')),
    ...problemOf(checkName('长'.repeat(300), 'variant')),
    ...[lookalikeProblem('Ｓtd', ['std'], 'variant')].filter((p): p is NonNullable<typeof p> => !!p),
  ];
  let deep: unknown = 'x';
  for (let i = 0; i < 40; i++) deep = { v: deep };
  const recent = [snapshotProblem(deep), snapshotProblem({ v: 'x'.repeat(1_000_001) })].flatMap((p) =>
    p ? [{ severity: 'error' as const, ...p }] : [],
  );

  const ours = ephemeralSigningKey();
  const theirs = ephemeralSigningKey();
  const pack = makePack({ clauses: [], blueprints: [] } as unknown as Parameters<typeof makePack>[0], new Date(0));
  const signed = signPack(pack, theirs, '华瑞康泰');
  const edited = { ...signed, signature: { ...signed.signature!, signer: '别人' } };
  const notices = [
    verifyPack(signed, [{ name: '华瑞康泰', publicKey: theirs.publicKey }]).notice,
    verifyPack(signed, []).notice,
    verifyPack(edited, []).notice,
    verifyPack(pack, []).notice,
  ];

  const dir = await mkdtemp(join(tmpdir(), 'bidforge-signing-'));
  const trust = new PackTrust(new SettingsStore({ dataDir: dir }), dir);
  const own = await trust.signingKey();
  await trust.add('华瑞康泰', publicKeyText(theirs.publicKey, '华瑞康泰'));
  const trustProblems = [
    ...(await refusedWith(() => trust.add('不是公钥', 'not a key'))),
    ...(await refusedWith(() => trust.add('另一个名字', publicKeyText(theirs.publicKey, '华瑞康泰')))),
    ...(await refusedWith(() => trust.add('华瑞康泰', publicKeyText(ours.publicKey, 'x')))),
    ...(await refusedWith(() => trust.add('本人', publicKeyText(own.publicKey, '本机')))),
    ...(await refusedWith(() => trust.remove('0000-0000-0000-0000'))),
  ];
  return [...names, ...recent, ...notices, ...trustProblems];
}

/** The team library's refusal when 设置 names no server, as the app's 立即同步 gets it. */
export async function teamProblems(): Promise<Problem[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bidforge-team-'));
  try {
    await createHandlers({ templatesDir, dataDir }).teamSyncNow({});
  } catch (e) {
    if (e instanceof ApiError) return [{ severity: 'error', code: e.code, message: e.message, params: {} }]; // it carries no values
    throw e;
  }
  throw new Error('expected team_not_configured');
}
