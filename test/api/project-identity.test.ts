// Every project the API hands out has a stable id; new projects are named by their title, never by their blueprint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { templatesDir } from '../helpers/paths.js';

const api = createHandlers({ templatesDir });
const sampleText = readFileSync(join(templatesDir, 'samples', 'service-plan-sample.json'), 'utf8');

describe('项目的 id 和名称', () => {
  it('没有 id 的旧文件打开时得到 id；同一文件再打开 id 不变；保存后再打开仍是这个 id', async () => {
    expect((JSON.parse(sampleText) as { id?: string }).id).toBeUndefined();
    const first = (await api.parseProject({ text: sampleText, fileName: 'old.bfproj' })).project;
    const again = (await api.parseProject({ text: sampleText, fileName: 'old.bfproj' })).project;
    expect(first.id).toBeTruthy();
    expect(again.id).toBe(first.id);
    const saved = JSON.stringify({ ...first, title: '改过标题' });
    expect((await api.parseProject({ text: saved, fileName: 'old.bfproj' })).project.id).toBe(first.id);
  });

  it('另一个没有 id 的旧文件得到不同的 id', async () => {
    const a = (await api.parseProject({ text: sampleText, fileName: 'a.bfproj' })).project;
    const other = JSON.stringify({ ...JSON.parse(sampleText), title: '另一个项目' });
    expect((await api.parseProject({ text: other, fileName: 'b.bfproj' })).project.id).not.toBe(a.id);
  });

  it('同一蓝本新建的项目各有 id，名称取自标题', async () => {
    const a = (await api.newProject({ blueprint: 'service-plan', title: '一号楼空调项目' })).project;
    const b = (await api.newProject({ blueprint: 'service-plan', title: '二号楼空调项目' })).project;
    expect(a.id).not.toBe(b.id);
    expect([a.name, b.name]).toEqual(['一号楼空调项目', '二号楼空调项目']);
  });

  it('每次打开示例都是一个新项目，有自己的 id', async () => {
    const a = (await api.openSample({ name: 'service-plan-sample' })).project;
    const b = (await api.openSample({ name: 'service-plan-sample' })).project;
    expect(a.id).toBeTruthy();
    expect(a.id).not.toBe(b.id);
  });
});
