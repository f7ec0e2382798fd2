// Why a file could not be written, in plain words, from the operating system's error code.

const EN: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only file system',
  EACCES: 'permission denied (the folder or file is read-only for this user)',
  EPERM: 'the operating system refused the write (read-only or locked by another program)',
  EBUSY: 'the file is busy (locked by another program)',
  EMFILE: 'too many open files',
  EIO: 'an input/output error from the disk',
  ESYMLINK: 'the file is a symbolic link, which BidForge does not write through',
  ENOENT: 'the file or folder does not exist',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name already exists',
  ENAMETOOLONG: 'the file name or path is too long',
  ENOTEMPTY: 'the folder is not empty',
};

const ZH: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EROFS: '所在文件夹是只读的文件系统',
  EACCES: '没有写入权限（文件夹或文件对当前用户只读）',
  EPERM: '操作系统拒绝写入（只读，或被其他程序锁定）',
  EBUSY: '文件正被其他程序占用',
  EMFILE: '打开的文件过多',
  EIO: '磁盘读写错误',
  ESYMLINK: '该文件是符号链接，BidForge 不会通过链接写入',
  ENOENT: '文件或文件夹不存在',
  EISDIR: '这是一个文件夹，不是文件',
  ENOTDIR: '路径中有一段是文件，不是文件夹',
  EEXIST: '同名文件已存在',
  ENAMETOOLONG: '文件名或路径过长',
  ENOTEMPTY: '文件夹不是空的',
};

/** "the disk is full (ENOSPC)". */
export function fsProblem(e: unknown): string {
  return worded(e, EN);
}

/** "磁盘已满（ENOSPC）". */
export function fsProblemZh(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (!code || !ZH[code]) return `操作系统报告错误：${worded(e, ZH)}`;
  return worded(e, ZH).replace(/ \(([A-Z]+)\)$/, '（$1）');
}

function worded(e: unknown, words: Record<string, string>): string {
  const err = e as NodeJS.ErrnoException;
  const known = err.code ? words[err.code] : undefined;
  if (known) return `${known} (${err.code})`;
  const message = String(err.message ?? e);
  // Node's own message already starts with the code ("EXDEV: cross-device link not permitted, …").
  if (!err.code || message.startsWith(`${err.code}:`)) return message;
  return `${err.code}: ${message}`;
}
