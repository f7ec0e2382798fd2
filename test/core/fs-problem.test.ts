// File-system errors in plain words, in both languages, without the code said twice.
import { describe, expect, it } from 'vitest';
import { fsProblem, fsProblemZh } from '@core/fs/fsProblem.js';

const sysError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('fsProblem', () => {
  it('words the usual codes in English and Chinese, with the code', () => {
    const e = sysError('EISDIR', 'EISDIR: illegal operation on a directory, read');
    expect(fsProblem(e)).toBe('it is a folder, not a file (EISDIR)');
    expect(fsProblemZh(e)).toBe('这是一个文件夹，不是文件（EISDIR）');
    expect(fsProblemZh(sysError('ENOSPC', 'ENOSPC: no space left on device'))).toBe('磁盘已满（ENOSPC）');
  });

  it('gives an unknown code once, and says in Chinese that the system reported it', () => {
    const e = sysError('EXDEV', 'EXDEV: cross-device link not permitted, rename');
    expect(fsProblem(e)).toBe('EXDEV: cross-device link not permitted, rename');
    expect(fsProblemZh(e)).toBe('操作系统报告错误：EXDEV: cross-device link not permitted, rename');
    expect(fsProblem(sysError('EFOO', 'something odd'))).toBe('EFOO: something odd');
  });
});
