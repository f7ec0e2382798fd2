// 名称: clause titles, variant names, user names and signer names are normalised (NFKC) and refused with invisible
// characters or as look-alikes of a name already there — in the library, in packs and in 设置 alike.
import { describe, expect, it } from 'vitest';
import { ephemeralSigningKey, signPack } from '@core/library/packSigning.js';
import { makePack, type PackPayload } from '@core/library/store/index.js';
import { SettingsStore } from '@core/settings/index.js';
import { problemText } from '@core/i18n/problemText.js';
import { PackTrust } from '@core/settings/packTrust.js';
import { acceptName, checkName, invisibleIn, nameKey, normalizeName } from '@core/text/names.js';
import { approvedClause, open, tempDir, WARRANTY_BODY } from '../library/helpers.js';

const ZWSP = '\u200b';
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message: string; problems: { code: string; params?: Record<string, string> }[] };
  }
  throw new Error('not refused');
};

describe('名称规则', () => {
  it('NFKC: full-width letters and ideographic spaces become plain; ends trimmed, inner runs one space', () => {
    expect(normalizeName('　ＳＴＤ　版本  二 ')).toBe('STD 版本 二');
    expect(acceptName('保修\t条款\n（一）', 'clauseTitle')).toBe('保修 条款 （一）'); // a heading copied from Word
    // Chinese full-width punctuation stays as written (a title is printed); it is compared as NFKC.
    expect(acceptName('保修期外收费：标准（导入），含税！', 'clauseTitle')).toBe('保修期外收费：标准（导入），含税！');
    expect(nameKey('标准（导入）')).toBe(nameKey('标准(导入)'));
    expect(acceptName('标准', 'variant')).toBe('标准');
  });

  it.each([
    ['\u200b', 'U+200B', '零宽空格'],
    ['\u200d', 'U+200D', '零宽连接符'],
    ['\u202e', 'U+202E', '从右到左覆盖控制符'],
    ['\u2066', 'U+2066', '双向隔离控制符'],
    ['\ufeff', 'U+FEFF', '零宽不换行空格（BOM）'],
    ['\u00ad', 'U+00AD', '软连字符'],
    ['\u0007', 'U+0007', '不可见的控制或格式字符'],
    ['\u3164', 'U+3164', '韩文填充符'],
  ])('%j anywhere in a name is refused, naming the field by its label and the character', (ch, cp, what) => {
    for (const raw of [`标准${ch}`, `${ch}标准`, `标${ch}准`]) {
      const e = refusal(() => acceptName(raw, 'variant'));
      expect(e.code).toBe('bad_name');
      expect(e.message).toContain('变体名称');
      expect(e.message).toContain(cp);
      expect(e.message).toContain(what);
    }
  });

  it('names that look alike have one key; different names keep different keys', () => {
    expect(nameKey('Std')).toBe(nameKey('ｓｔｄ'));
    expect(nameKey('Аdmin')).toBe(nameKey('Admin')); // Cyrillic А
    expect(nameKey('法务 部')).toBe(nameKey('法务部'));
    expect(nameKey('标准')).not.toBe(nameKey('標準'));
    expect(nameKey('政府采购版')).not.toBe(nameKey('标准'));
    expect(invisibleIn('普通名称 Normal-1')).toBeUndefined();
  });

  it('the English text names the field by its English label', () => {
    const r = checkName(`标准${ZWSP}`, 'variant');
    expect('problem' in r && problemText(r.problem, 'en')).toBe(
      'The variant name contains an invisible character U+200B (zero-width space) and was refused: delete it and type the name again',
    );
  });
});

describe('条款库里的名称', () => {
  it('a variant named 标准 plus a zero-width space is refused; nothing is added', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await expect(store.addVariant('warranty', `标准${ZWSP}`, { body: '另一种写法。' }, '张律师')).rejects.toMatchObject(
      { code: 'bad_name', message: expect.stringMatching(/变体名称.*U\+200B/) },
    );
    expect((await store.getClause('warranty'))!.variants.map((v) => v.name)).toEqual(['标准']);
  });

  it('a variant that only looks like an existing one is refused, naming both', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.addVariant('warranty', 'Std', { body: '英文名的变体。' }, '张律师');
    await expect(store.addVariant('warranty', 'ｓｔｄ', { body: '又一个。' }, '张律师')).rejects.toMatchObject({
      code: 'bad_name',
      message: expect.stringMatching(/“std”.*“Std”/),
    });
  });

  it('four eyes: a reviewer name that only looks different from the author’s (Cyrillic А, spaces) is the author', async () => {
    const store = await open(await tempDir());
    const ref = await store.createClause(
      { category: '保修', title: '保修条款', docTypes: ['service-plan'], body: '正文。' },
      'Anna Li',
    );
    await store.submit(ref, 'Anna Li');
    for (const lookalike of ['Аnna Li', 'annali', 'ＡＮＮＡ ＬＩ'])
      await expect(store.approve(ref, lookalike)).rejects.toMatchObject({ code: 'own_version' });
    await store.approve(ref, 'Bob Wang');
    expect((await store.history(ref.clauseId))[0]!.status).toBe('approved');
  });

  it('a clause title with a bidi override, or an author name with a zero-width joiner, is refused', async () => {
    const store = await open(await tempDir());
    await expect(
      store.createClause(
        { category: '保修', title: `保修\u202e条款`, docTypes: ['service-plan'], body: '正文。' },
        '张律师',
      ),
    ).rejects.toMatchObject({ code: 'bad_name', message: expect.stringContaining('条款标题') });
    await expect(
      store.createClause(
        { category: '保修', title: '保修条款', docTypes: ['service-plan'], body: '正文。' },
        `张\u200d律师`,
      ),
    ).rejects.toMatchObject({ code: 'bad_name', message: expect.stringContaining('作者或审核人') });
    expect(await store.listClauses()).toEqual([]);
  });
});

const payload = (variant: string, title = '保修条款'): PackPayload => ({
  clauses: [
    {
      id: 'warranty',
      category: '保修',
      title,
      tags: [],
      docTypes: ['service-plan'],
      owner: '法务部',
      reviewIntervalMonths: 12,
      variants: [
        {
          name: variant,
          version: {
            version: 1,
            body: '外来的保修条款。',
            variables: [],
            status: 'approved',
            author: '外部',
            reviewer: '李主任',
            createdAt: '2026-11-01T00:00:00.000Z',
            changeNote: '外部条款包',
          },
        },
      ],
    },
  ],
  blueprints: [],
});

describe('条款包里的名称', () => {
  it('a pack whose variant is 标准 plus a zero-width space is refused, even signed by a trusted signer', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    const key = ephemeralSigningKey();
    const pack = signPack(makePack(payload(`标准${ZWSP}`), new Date()), key, '法务部');
    const trusted = [{ name: '法务部', publicKey: key.publicKey }];
    await expect(store.previewImport(pack, trusted)).rejects.toMatchObject({
      code: 'bad_pack',
      message: expect.stringMatching(/变体名称.*U\+200B/),
    });
    await expect(store.applyImport(pack, {}, trusted)).rejects.toMatchObject({ code: 'bad_pack' });
    expect((await store.getClause('warranty'))!.variants.map((v) => v.name)).toEqual(['标准']);
  });

  it('a pack variant that looks like one here under another spelling is refused; a full-width one is the same name', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY);
    await store.addVariant('warranty', 'Std', { body: '英文名的变体。' }, '张律师');
    await expect(store.previewImport(makePack(payload('std'), new Date()))).rejects.toMatchObject({
      code: 'bad_name',
      message: expect.stringMatching(/“std”.*“Std”/),
    });
    const same = await store.previewImport(makePack(payload('Ｓｔｄ'), new Date()));
    expect(same.items[0]).toMatchObject({ key: 'clause:warranty/Std', status: 'conflicting' });
  });

  it('full-width Chinese punctuation in titles and variant names survives a pack round trip unchanged', async () => {
    const store = await open(await tempDir());
    await approvedClause(store, 'warranty', WARRANTY_BODY, { title: '保修条款（整机）：标准' });
    await store.addVariant('warranty', '标准（导入）', { body: '另一种写法。' }, '张律师');
    const pack = await store.exportPack({ clauseIds: ['warranty'], blueprintIds: [], includeUnapproved: true });
    const other = await open(await tempDir());
    await other.applyImport(JSON.parse(JSON.stringify(pack)));
    const c = (await other.getClause('warranty'))!;
    expect([c.title, ...c.variants.map((v) => v.name)]).toEqual(['保修条款（整机）：标准', '标准', '标准（导入）']);
    expect((await store.previewImport(pack)).counts).toEqual({ new: 0, identical: 2, conflicting: 0 });
  });

  it('a pack clause title with a zero-width space is refused', async () => {
    const store = await open(await tempDir());
    await expect(store.previewImport(makePack(payload('标准', `保修${ZWSP}条款`), new Date()))).rejects.toMatchObject({
      code: 'bad_pack',
      message: expect.stringContaining('条款标题'),
    });
  });
});

describe('设置里的名称', () => {
  it('a user name with a zero-width space is refused and the saved one stays', async () => {
    const settings = new SettingsStore({ dataDir: await tempDir() });
    await settings.save({ userName: '张律师' });
    await expect(settings.save({ userName: `张律师${ZWSP}` })).rejects.toMatchObject({
      code: 'bad_name',
      message: expect.stringContaining('用户名'),
    });
    expect((await settings.get()).settings.userName).toBe('张律师');
    expect((await settings.save({ userName: '　王　工 ' })).userName).toBe('王 工');
  });

  it('a trusted signer named like one in the list, or with an invisible character, is refused', async () => {
    const dir = await tempDir();
    const trust = new PackTrust(new SettingsStore({ dataDir: dir }), dir);
    const a = ephemeralSigningKey();
    const b = ephemeralSigningKey();
    await trust.add('总部法务部', `bidforge-ed25519:${a.publicKey}`);
    await expect(trust.add(`总部${ZWSP}法务部`, `bidforge-ed25519:${b.publicKey}`)).rejects.toMatchObject({
      code: 'bad_name',
      message: expect.stringContaining('签发人名称'),
    });
    await expect(trust.add('总部 法务部', `bidforge-ed25519:${b.publicKey}`)).rejects.toMatchObject({
      code: 'bad_name',
      message: expect.stringContaining('看起来相同'),
    });
    expect((await trust.view()).signers.map((s) => s.name)).toEqual(['总部法务部']);
  });
});
