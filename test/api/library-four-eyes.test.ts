// Four eyes through the API: the acting user comes from 设置 (or the shell), nobody approves their own version unless
// 设置 turns on single-reviewer mode, and then the version's history says so.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@core/api/handlers.js';
import { createLocalClient } from '@core/api/localClient.js';
import { errorText } from '@core/i18n/errorText.js';
import { tempDir } from '../helpers/tmp.js';

const apiOn = (dataDir: string, actingUser?: string) =>
  createLocalClient(
    createHandlers({
      templatesDir: 'templates',
      dataDir,
      today: () => '2026-12-01',
      ...(actingUser ? { actingUser } : {}),
    }),
  );
const newClause = {
  category: '服务承诺',
  title: '节假日值班承诺',
  tags: [],
  docTypes: ['service-plan' as const],
  variables: [],
  body: '节假日安排专人值班。\n',
};

/** Saves 设置's user name (and mode) the way the 设置 screen does. */
async function signIn(api: ReturnType<typeof apiOn>, userName: string, singleReviewer = false) {
  const { settings } = await api.getSettings({});
  await api.saveSettings({ settings: { ...settings, userName, singleReviewer } });
}

describe('四眼原则（API）', () => {
  it('作者不能批准自己的版本：拒绝时说明条款标题和原因，另一位审核人可以批准', async () => {
    const dir = tempDir('bf-4eyes-');
    const api = apiOn(dir);
    await signIn(api, '张律师');
    const ref = await api.libraryCreate({ clause: newClause });
    await api.librarySubmit({ ref });
    const refused = await api.libraryApprove({ ref }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'own_version' });
    expect(errorText(refused, 'zh-CN')).toContain('“节假日值班承诺”');
    expect((await api.libraryHistory({ clauseId: ref.clauseId }))[0]).toMatchObject({ status: 'in_review' });

    await signIn(api, '李主任');
    await api.libraryApprove({ ref });
    const [v1] = await api.libraryHistory({ clauseId: ref.clauseId });
    expect(v1).toMatchObject({ status: 'approved', author: '张律师', reviewer: '李主任' });
    expect(v1!.singleReviewer).toBeUndefined();
  });

  it('设置里的姓名就是操作人：请求里另报一个名字也绕不过四眼原则', async () => {
    const api = apiOn(tempDir('bf-4eyes-'));
    await signIn(api, '张律师');
    const ref = await api.libraryCreate({ clause: newClause, by: '别人' });
    expect((await api.libraryHistory({ clauseId: ref.clauseId }))[0]!.author).toBe('张律师');
    await api.librarySubmit({ ref });
    await expect(api.libraryApprove({ ref, by: '李主任' })).rejects.toMatchObject({ code: 'own_version' });
  });

  it('开启单人审核后作者可以批准自己的版本，历史记录标明单人审核', async () => {
    const api = apiOn(tempDir('bf-4eyes-'));
    await signIn(api, '张律师', true);
    const ref = await api.libraryCreate({ clause: newClause });
    await api.librarySubmit({ ref });
    await api.libraryApprove({ ref });
    expect((await api.libraryHistory({ clauseId: ref.clauseId }))[0]).toMatchObject({
      status: 'approved',
      author: '张律师',
      reviewer: '张律师',
      singleReviewer: true,
    });
  });

  it('名字写法不同（空格、全角、大小写）仍是同一个人', async () => {
    const api = apiOn(tempDir('bf-4eyes-'));
    await signIn(api, 'Zhang');
    const ref = await api.libraryCreate({ clause: newClause });
    await api.librarySubmit({ ref });
    await signIn(api, ' ｚｈａｎｇ ');
    await expect(api.libraryApprove({ ref })).rejects.toMatchObject({ code: 'own_version' });
  });

  it('退回必须写明原因，作者在历史中看到原因', async () => {
    const api = apiOn(tempDir('bf-4eyes-'));
    await signIn(api, '张律师');
    const ref = await api.libraryCreate({ clause: newClause });
    await api.librarySubmit({ ref });
    await signIn(api, '李主任');
    await expect(api.libraryReject({ ref, reason: '  ' })).rejects.toMatchObject({ code: 'bad_request' });
    await api.libraryReject({ ref, reason: '值班时间要写明' });
    expect((await api.libraryHistory({ clauseId: ref.clauseId }))[0]).toMatchObject({
      status: 'draft',
      author: '张律师',
      reviewer: '李主任',
      rejectReason: '值班时间要写明',
    });
  });

  it('没有姓名（设置未填、命令行没有 --as、请求也没有）时不做任何改动', async () => {
    const api = apiOn(tempDir('bf-4eyes-'));
    await expect(api.libraryCreate({ clause: newClause })).rejects.toMatchObject({ code: 'no_user' });
  });

  it('新条款的 id 由分类生成，不用手填：同类条款的 id 加序号', async () => {
    const api = apiOn(tempDir('bf-4eyes-'), '张律师');
    const a = await api.libraryCreate({ clause: newClause });
    const b = await api.libraryCreate({ clause: { ...newClause, title: '春节值班承诺' } });
    expect(a.clauseId).toMatch(/^[a-z][a-z0-9-]*-\d+$/);
    expect(b.clauseId).not.toBe(a.clauseId);
    const fresh = await api.libraryCreate({ clause: { ...newClause, category: '全新分类' } });
    expect(fresh.clauseId).toBe('clause-1');
  });

  it('复制条款只需给副本起标题，id 同样自动生成', async () => {
    const api = apiOn(tempDir('bf-4eyes-'), '张律师');
    const { clauseId } = await api.libraryDuplicate({ clauseId: 'warranty-terms', title: '保修条款（暖通）' });
    expect(clauseId).toMatch(/^[a-z][a-z0-9-]*-\d+$/);
    expect(await api.libraryClause({ clauseId })).toMatchObject({ title: '保修条款（暖通）', category: '保修条款' });
  });
});

describe('样例预览中的承诺（事实）', () => {
  it('正文引用的承诺以样例数值显示，不会因项目未作承诺而消失', async () => {
    const api = apiOn(tempDir('bf-4eyes-'));
    const body =
      '{{#fact "arrive"}}我公司承诺{{promise "arrive"}}。{{/fact}}{{#fact "warranty_compressor"}}压缩机保修期为{{figure "warranty_compressor"}}。{{/fact}}\n';
    const { document, problems } = await api.libraryRender({ body, variables: [], docType: 'service-plan' });
    const text = JSON.stringify(document.blocks);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(text).toContain('2小时内到达现场');
    expect(text).toContain('压缩机保修期为12个月');
  });
});
