// The shared team folder's problems: made here in Chinese (core's language) with the params they interpolate, and
// their English wording (TEAM_FOLDER_EN, to be spread into core/i18n/problemText.ts's table, by code). Node-free:
// the handlers, the CLI and the screens all word them from here.
import { BidForgeError, type Problem } from '../model/problem.js';

type Params = Record<string, string | number>;

export const problem = (
  code: string,
  message: string,
  params: Params,
  severity: Problem['severity'] = 'error',
): Problem => ({
  severity,
  code,
  message,
  params,
});

/** What the folder was needed for: reading (pull, and publish's look first) or adding a file (publish). */
export type FolderAction = 'read' | 'write';

/** Why the shared folder could not be used, from the file system's error code (ENOENT, EACCES, …). */
export function folderProblem(folder: string, errno: string | undefined, action: FolderAction): Problem {
  switch (errno) {
    case 'ENOENT':
      return problem(
        'team_folder_missing',
        `找不到共享文件夹 ${folder}：请检查路径是否正确，网络驱动器或 NAS 是否已连接`,
        { folder },
      );
    case 'ENOTDIR':
      return problem('team_folder_not_folder', `${folder} 不是文件夹：请填写共享文件夹的路径`, { folder });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return action === 'read'
        ? problem('team_folder_unreadable', `没有权限读取共享文件夹 ${folder}：请检查该文件夹的共享权限`, { folder })
        : problem(
            'team_folder_read_only',
            `不能在共享文件夹 ${folder} 中新建文件（只读或没有写入权限）：请检查该文件夹的共享权限`,
            { folder },
          );
    default:
      return problem(
        'team_folder_unavailable',
        `共享文件夹 ${folder} 暂时无法访问（${errno ?? '未知原因'}）：本地条款库照常可用，请稍后重试`,
        { folder, reason: errno ?? 'unknown' },
      );
  }
}

/** A file-system error met while using the folder, as the error carrying its problem (a BidForgeError as it is). */
export function folderError(e: unknown, folder: string, action: FolderAction): unknown {
  if (e instanceof BidForgeError) return e;
  const errno = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  if (typeof errno !== 'string') return e;
  const p = folderProblem(folder, errno, action);
  return new BidForgeError(p.code, p.message, [p]);
}

export const folderNotSet = (): Problem =>
  problem('team_folder_not_set', '尚未设置共享文件夹：请在 设置 → 团队库 → 共享文件夹 中填写路径', {});

export const folderNotAbsolute = (folder: string): Problem =>
  problem(
    'team_folder_not_absolute',
    `共享文件夹应为完整路径（例如 /Volumes/团队库 或 \\\\NAS\\团队库），而不是 ${folder}`,
    { folder },
  );

/** A pack whose signer this library does not trust: its clauses arrived as drafts. */
export function draftsProblem(
  file: string,
  signer: { state: string; claimedName?: string; fingerprint?: string },
): Problem {
  const params: Params = {
    file,
    state: signer.state,
    claimed: signer.claimedName ?? '',
    fingerprint: signer.fingerprint ?? '',
  };
  const who =
    signer.state === 'unsigned'
      ? '没有签名，无法确认由谁发布'
      : signer.state === 'invalid'
        ? `的签名与内容不符（指纹 ${params.fingerprint}）`
        : `的签发人${signer.claimedName ? `“${signer.claimedName}”` : ''}（指纹 ${params.fingerprint}）不在受信任的签发人中`;
  return problem(
    'team_pack_drafts',
    `${file} ${who}：其中的条款已作为草稿导入，须在本库审核批准后才能使用。${
      signer.state === 'untrusted'
        ? '核对指纹后可在 设置 → 受信任的签发人 中添加其公钥，此后该签发人发布的包会保留批准'
        : '请向发布者核实，并请其重新发布'
    }`,
    params,
    'warning',
  );
}

// A pack file of the folder that a pull refuses (changed after publishing) or skips (cannot read or import it).
export const packUnreadable = (file: string, detail: string): Problem =>
  problem('team_pack_unreadable', `共享文件夹中的 ${file} 无法读取：${detail}`, { file, detail });

/** `detailEn`: the reason in English, where the reason has a wording (else the same as `detail`). */
export const packMalformed = (file: string, detail: string, detailEn: string): Problem =>
  problem('team_pack_malformed', `共享文件夹中的 ${file} 不能导入：${detail}`, { file, detail, detailEn });

export const packChanged = (file: string, own: boolean): Problem =>
  problem(
    'team_pack_changed',
    `共享文件夹中的 ${file} 在${own ? '发布' : '导入'}后被改动过：已拒绝，未导入。共享文件夹中的文件只应新增，不应修改；请让发布者重新发布`,
    { file, when: own ? 'published' : 'imported' },
  );

export const packChecksumMismatch = (file: string): Problem =>
  problem(
    'team_pack_checksum_mismatch',
    `共享文件夹中的 ${file} 的内容与其校验值不符：文件在发布后被改动过，已拒绝，未导入`,
    { file },
  );

export const packNameMismatch = (file: string, checksum: string): Problem =>
  problem(
    'team_pack_name_mismatch',
    `共享文件夹中的 ${file} 的内容与文件名不符（包校验值 ${checksum}）：文件在发布后被改动或改名，已拒绝，未导入`,
    { file, checksum },
  );

/** A pull or publish that failed for a reason that is not one of the above: the reason in its own words. */
export const otherFailure = (detail: string): Problem =>
  problem('team_folder_failed', `共享文件夹操作未完成：${detail}`, { detail });

const TRUST_LATER =
  'Once you have checked the fingerprint with the publisher, add their key under Settings → Trusted signers: packs they publish after that keep their approvals';

/** English wording of the problems above and of those publish.ts and pull.ts make, by code. */
export const TEAM_FOLDER_EN: Record<string, string | ((p: Params) => string)> = {
  team_folder_missing:
    'The shared folder {folder} was not found: check the path, and that the network drive or NAS is connected',
  team_folder_not_folder: '{folder} is not a folder: enter the path of the shared folder',
  team_folder_unreadable: 'No permission to read the shared folder {folder}: check its sharing permissions',
  team_folder_read_only:
    'Cannot add a file to the shared folder {folder} (read-only, or no permission to write): check its sharing permissions',
  team_folder_unavailable:
    'The shared folder {folder} cannot be reached right now ({reason}): the local library works as usual; try again later',
  team_folder_not_set: 'No shared folder is set: enter its path under Settings → Team library → Shared folder',
  team_folder_not_absolute:
    'The shared folder must be a full path (such as /Volumes/TeamLibrary or \\\\NAS\\TeamLibrary), not {folder}',
  team_folder_failed: 'The shared folder operation did not finish: {detail}',
  team_pack_drafts: (p) =>
    `${
      p.state === 'unsigned'
        ? '{file} is not signed, so who published it cannot be confirmed'
        : p.state === 'invalid'
          ? "{file}'s signature does not match its contents (fingerprint {fingerprint})"
          : `{file} is signed by a signer you do not trust (${p.claimed ? 'calling itself “{claimed}”, ' : ''}fingerprint {fingerprint})`
    }: its clauses arrived as drafts that must be reviewed and approved in this library before documents use them. ${
      p.state === 'untrusted' ? TRUST_LATER : 'Check with the publisher and ask them to publish again'
    }`,
  team_pack_changed: (p) =>
    `{file} in the shared folder was changed after it was ${p.when === 'published' ? 'published' : 'imported'}: refused, not imported. Files in the shared folder are only ever added, never edited; ask the publisher to publish again`,
  team_pack_checksum_mismatch:
    '{file} in the shared folder no longer matches its checksum: it was changed after it was published; refused, not imported',
  team_pack_name_mismatch:
    '{file} in the shared folder does not match its file name (pack checksum {checksum}): it was changed or renamed after it was published; refused, not imported',
  team_pack_malformed: (p) =>
    `{file} in the shared folder cannot be imported: ${p.detailEn !== undefined ? '{detailEn}' : '{detail}'}`,
  team_pack_unreadable: '{file} in the shared folder cannot be read: {detail}',
  pack_file_exists: 'The shared folder already has a file named {file}; it is never overwritten: try again in a moment',
};
