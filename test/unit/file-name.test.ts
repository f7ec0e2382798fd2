// A project's files take its title: Chinese kept, what file systems refuse removed, long titles cut to a valid name.
import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX_CHARS, projectFileName, projectFileStem, safeFileName } from '@core/project/fileName.js';

/** What Windows, macOS and Linux all accept as one file name: no forbidden or control characters, ≤ 255 UTF-8 bytes. */
function isValidName(name: string): boolean {
  return (
    name !== '' &&
    !/[\\/:*?"<>|\u0000-\u001f]/.test(name) &&
    !/[. ]$/.test(name) &&
    !name.startsWith('.') &&
    new TextEncoder().encode(name).length <= 255
  );
}

describe('项目文件名取自标题', () => {
  it('中文标题原样作为文件名', () => {
    const title = '某医院空调采购项目售后服务方案';
    expect(safeFileName(title)).toBe(title);
    expect(projectFileName({ title })).toBe(`${title}.bfproj.json`);
  });

  it('去掉文件系统不允许的字符和控制字符，首尾空白也去掉', () => {
    const name = safeFileName(' 某医院\\空调/项目:一期*?"<>|\u0007方案\t ');
    expect(name).toBe('某医院空调项目一期方案');
    expect(isValidName(name)).toBe(true);
  });

  it('很长的中文标题截断后仍是合法的文件名，导出的附属文件也一样', () => {
    const title = '滨江市第一人民医院净化空调机组及配套冷热源系统采购项目'.repeat(4).slice(0, 100);
    expect([...title]).toHaveLength(100);
    const stem = safeFileName(title);
    expect([...stem]).toHaveLength(FILE_NAME_MAX_CHARS);
    expect(title.startsWith(stem)).toBe(true);
    for (const name of [`${stem}.bfproj.json`, `${stem}-售后服务承诺书.docx`, `${stem}-安装外包协议.pdf`])
      expect(isValidName(name), name).toBe(true);
  });

  it('截断不会切开一个由两个 UTF-16 单元组成的字符', () => {
    const stem = safeFileName('𠀀'.repeat(100));
    expect([...stem]).toHaveLength(FILE_NAME_MAX_CHARS);
    expect(stem).toBe('𠀀'.repeat(FILE_NAME_MAX_CHARS));
  });

  it('标题没有可用字符时用蓝本的标题，再没有就用 project', () => {
    expect(safeFileName('???')).toBe('');
    expect(projectFileStem({ title: '???' }, '售后服务方案')).toBe('售后服务方案');
    expect(projectFileStem({ title: '  ' }, '')).toBe('project');
  });

  it('Windows 保留的设备名不会单独成为文件名，开头的点不会把文件藏起来', () => {
    expect(safeFileName('CON')).not.toMatch(/^con$/i);
    expect(safeFileName('...隐藏')).toBe('隐藏');
  });
});
