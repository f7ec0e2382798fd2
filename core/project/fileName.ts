// File names from titles: a project's file, its exports and its 最近项目 entry are named after its title, which may be
// Chinese. Pure (no Node), so the renderer suggests the same names the API gives exports.

/**
 * At most this many characters (code points) of the title. A CJK character is 3 bytes in UTF-8, so 60 of them are
 * 180 bytes: with a document suffix and `.bfproj.json` the name stays under the 255-byte limit of ext4, APFS and NTFS.
 */
export const FILE_NAME_MAX_CHARS = 60;

/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A title made safe as a file name (without extension): characters Windows forbids (\ / : * ? " < > |) and control
 * characters removed, runs of spaces folded, leading dots and trailing dots or spaces dropped (Windows drops them
 * itself), at most FILE_NAME_MAX_CHARS characters. Empty when nothing usable is left.
 */
export function safeFileName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  // Cut by code points, never inside a surrogate pair, then tidy the new end.
  const cut = [...cleaned]
    .slice(0, FILE_NAME_MAX_CHARS)
    .join('')
    .replace(/[. ]+$/, '');
  return RESERVED.test(cut) ? `${cut}_` : cut;
}

/** The name a project's files take: its title, else its blueprint's title, else "project". */
export function projectFileStem(project: { title: string }, blueprintTitle?: string): string {
  return safeFileName(project.title) || safeFileName(blueprintTitle ?? '') || 'project';
}

/** The file a project saves to when the user has not chosen one (the browser host's download, Electron's suggestion). */
export const projectFileName = (project: { title: string }, blueprintTitle?: string) =>
  `${projectFileStem(project, blueprintTitle)}.bfproj.json`;
