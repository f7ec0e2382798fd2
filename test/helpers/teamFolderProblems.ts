// Real problems of the shared team folder (core/teamFolder), produced by calling that code — through the API where a
// test can make the situation (no folder, a relative path, a missing folder, a file for a folder, an untrusted or
// unsigned pack, a changed, renamed or broken pack file, a name taken), and by the same builders the code calls where
// it cannot (permissions when the tests run as root, an unreadable file). The English wording tests read them.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { makePack } from '@core/library/store/pack.js';
import { BidForgeError, type Problem } from '@core/model/problem.js';
import { addFile } from '@core/teamFolder/publish.js';
import { draftsProblem, folderProblem, otherFailure, packUnreadable } from '@core/teamFolder/text.js';
import { templatesDir } from './paths.js';

const apiIn = (dataDir: string) => createLocalClient(createHandlers({ templatesDir, dataDir }));

export async function teamFolderProblems(): Promise<Problem[]> {
  const root = await mkdtemp(join(tmpdir(), 'bidforge-tf-problems-'));
  const share = await mkdtemp(join(root, 'share-'));
  const [a, b, c] = ['a', 'b', 'c'].map((n) => apiIn(join(root, n))) as [
    ReturnType<typeof apiIn>,
    ReturnType<typeof apiIn>,
    ReturnType<typeof apiIn>,
  ];
  const out: Problem[] = [];
  const failed = (r: { problem?: Problem }) => {
    if (!r.problem) throw new Error('expected a problem');
    out.push(r.problem);
  };
  failed(await a.teamFolderPull({}));
  failed(await a.teamFolderPull({ folder: 'nas/团队库' }));
  failed(await a.teamFolderPull({ folder: join(root, '未挂载') }));
  await writeFile(join(root, 'a-file.txt'), '');
  failed(await a.teamFolderPull({ folder: join(root, 'a-file.txt') }));
  out.push(
    folderProblem(share, 'EACCES', 'read'),
    folderProblem(share, 'EROFS', 'write'),
    folderProblem(share, 'EIO', 'read'),
    otherFailure('socket hang up'),
  );

  // A publishes one approved clause; B (not trusting A) pulls it as drafts.
  const { settings } = await a.getSettings({});
  await a.saveSettings({ settings: { ...settings, userName: '张律师', singleReviewer: true } });
  const ref = await a.libraryCreate({
    clause: {
      category: '保修条款',
      title: '保修',
      tags: [],
      docTypes: ['service-plan'],
      variables: [],
      body: '整机保修三年。\n',
    },
  });
  await a.librarySubmit({ ref });
  await a.libraryApprove({ ref });
  const { file } = await a.teamFolderPublish({ folder: share });
  await b.teamFolderPull({ folder: share });
  out.push(...(await b.teamFolderPull({ folder: share })).drafts.map((d) => d.problem));
  out.push(draftsProblem('bidforge-x.bfpack', { state: 'unsigned' }));
  out.push(
    draftsProblem('bidforge-x.bfpack', { state: 'invalid', claimedName: '张律师', fingerprint: 'AAAA-BBBB-CCCC-DDDD' }),
  );

  // Changed in place (B imported it before; C never saw it), renamed, broken, unreadable.
  const path = join(share, file!);
  await copyFile(path, join(share, file!.replace(/-[0-9a-f]{12}\.bfpack$/, '-0123456789ab.bfpack')));
  const pack = JSON.parse(await readFile(path, 'utf8'));
  pack.payload.clauses[0].variants[0].version.body = '整机保修一年。\n';
  await writeFile(path, JSON.stringify(pack));
  await writeFile(join(share, 'bidforge-20000101T000000000Z-000000000000.bfpack'), '{"format":"bidforge-pack"');
  // An unsigned pack with a right name would import; a pack this app cannot take (a newer format) is skipped.
  const newer = { ...makePack({ clauses: [], blueprints: [] }, new Date()), schemaVersion: 99 };
  await writeFile(join(share, 'bidforge-20000101T000000001Z-111111111111.bfpack'), JSON.stringify(newer));
  for (const api of [b, c]) out.push(...(await api.teamFolderPull({ folder: share })).issues.map((i) => i.problem));
  out.push(packUnreadable('bidforge-x.bfpack', "EACCES: permission denied, open 'bidforge-x.bfpack'"));

  await addFile(share, 'taken.bfpack', 'x');
  try {
    await addFile(share, 'taken.bfpack', 'y');
  } catch (e) {
    if (!(e instanceof BidForgeError)) throw e;
    out.push(...e.problems);
  }
  return out;
}
