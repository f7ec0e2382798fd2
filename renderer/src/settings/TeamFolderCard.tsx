// 设置 → 团队库 → 共享文件夹: the team library without a server (core/teamFolder). The folder's path (typed: the
// shells offer no folder picker), 拉取 and 发布, and the state — last pull and publish, how many packs came in, which
// arrived as drafts and why, the files refused. Results and errors show in the card; nothing here blocks the app.
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@core/i18n/errorText.js';
import type { Problem } from '@core/model/problem.js';
import type { Settings } from '@core/settings/schema.js';
import type { TeamFolderPublishResult, TeamFolderPullResult, TeamFolderStatus } from '@core/teamFolder/contract.js';
import { problemText } from '@core/i18n/problemText.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';
import { formatDateTime } from '../lib/dates.js';

type Outcome = { type: 'success' | 'info' | 'warning' | 'error'; text: string };

export function TeamFolderCard({ onSaved }: { onSaved?: (s: Settings) => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ path: string }>();
  const [status, setStatus] = useState<TeamFolderStatus | null>(null);
  const [busy, setBusy] = useState<'pull' | 'publish' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const say = useCallback((p: Problem) => problemText(p, locale), [locale]);
  const fail = useCallback(
    (e: unknown) => setOutcome({ type: 'error', text: t('teamFolder.failed', { message: errorText(e, locale) }) }),
    [t, locale],
  );
  const refresh = useCallback(() => api.teamFolderStatus({}).then(setStatus).catch(fail), [fail]);

  useEffect(() => {
    api
      .getSettings({})
      // What 设置 holds, unless the user has started typing already.
      .then((r) => {
        if (!form.isFieldTouched('path')) form.setFieldsValue({ path: r.settings.teamFolder?.path ?? '' });
      })
      .catch(fail);
    void refresh();
  }, [form, fail, refresh]);

  /** Saves the typed path to 设置 when it differs from what is saved (empty: no shared folder). */
  const store = async (path: string) => {
    const { settings } = await api.getSettings({});
    if ((settings.teamFolder?.path ?? '') === path) return false;
    const next: Settings = { ...settings };
    if (path) next.teamFolder = { path };
    else delete next.teamFolder;
    onSaved?.((await api.saveSettings({ settings: next })).settings);
    await refresh();
    return true;
  };

  const save = async () => {
    const path = (form.getFieldValue('path') ?? '').trim();
    try {
      if (await store(path)) setOutcome({ type: 'success', text: t(path ? 'teamFolder.saved' : 'teamFolder.cleared') });
    } catch (e) {
      fail(e);
    }
  };

  /** Pull or publish the typed folder, saving it first: a typed path is the one meant. */
  const run = async (action: 'pull' | 'publish') => {
    let path: string;
    try {
      path = (await form.validateFields()).path.trim();
    } catch {
      return;
    }
    setBusy(action);
    setOutcome(null);
    try {
      await store(path);
      const r = action === 'pull' ? await api.teamFolderPull({}) : await api.teamFolderPublish({});
      setStatus(r);
      setOutcome(
        r.ok
          ? action === 'pull'
            ? pulled(r as TeamFolderPullResult)
            : published(r as TeamFolderPublishResult)
          : failed(r),
      );
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const failed = (r: { problem?: Problem }): Outcome => ({
    type: 'error',
    text: t('teamFolder.failed', { message: r.problem ? say(r.problem) : '' }),
  });
  const pulled = (r: TeamFolderPullResult): Outcome => {
    const imported = r.files.filter((f) => f.status === 'imported').length;
    const issues = r.files.length - imported;
    const text = t('teamFolder.pulled', { imported, unchanged: r.unchanged });
    return issues
      ? { type: 'warning', text: text + t('teamFolder.pulledIssues', { count: issues }) }
      : { type: 'success', text };
  };
  const published = (r: TeamFolderPublishResult): Outcome =>
    r.file
      ? {
          type: 'success',
          text: t('teamFolder.published', { file: r.file, clauses: r.clauses.length, blueprints: r.blueprints.length }),
        }
      : { type: 'info', text: t('teamFolder.nothingNew') };

  const when = (at: string | undefined) => (at ? formatDateTime(at) : t('teamFolder.never'));
  const last = status?.lastPublish;
  return (
    <Card className="bf-page-card" size="small" title={t('teamFolder.title')} data-testid="team-folder-card">
      <p className="bf-muted bf-card-hint">{t('teamFolder.hint')}</p>
      <Form form={form} name="teamFolder" layout="vertical" requiredMark={false} onFinish={save}>
        <Form.Item
          name="path"
          label={t('teamFolder.path')}
          rules={[{ required: true, whitespace: true, message: t('teamFolder.pathRequired') }]}
        >
          <Input placeholder={t('teamFolder.pathPlaceholder')} spellCheck={false} data-testid="team-folder-path" />
        </Form.Item>
        <Space wrap>
          <Button onClick={save} data-testid="team-folder-save">
            {t('teamFolder.save')}
          </Button>
          <Button
            type="primary"
            onClick={() => run('pull')}
            loading={busy === 'pull'}
            disabled={busy === 'publish'}
            data-testid="team-folder-pull"
          >
            {busy === 'pull' ? t('teamFolder.pulling') : t('teamFolder.pull')}
          </Button>
          <Button
            onClick={() => run('publish')}
            loading={busy === 'publish'}
            disabled={busy === 'pull'}
            data-testid="team-folder-publish"
          >
            {busy === 'publish' ? t('teamFolder.publishing') : t('teamFolder.publish')}
          </Button>
        </Space>
      </Form>
      {outcome && (
        <Alert
          style={{ marginTop: 12 }}
          type={outcome.type}
          showIcon
          message={outcome.text}
          role={outcome.type === 'error' ? 'alert' : 'status'}
          data-testid="team-folder-result"
        />
      )}
      {!status?.configured ? (
        <p className="bf-muted bf-card-hint" data-testid="team-folder-state">
          {t('teamFolder.notConfigured')}
        </p>
      ) : (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="team-folder-state">
          <Descriptions.Item label={t('teamFolder.lastPull')}>{when(status.lastPullAt)}</Descriptions.Item>
          <Descriptions.Item label={t('teamFolder.lastPublish')}>
            {!last
              ? t('teamFolder.never')
              : last.file
                ? t('teamFolder.lastPublishFile', { when: when(last.at), file: last.file, clauses: last.clauses })
                : t('teamFolder.lastPublishNothing', { when: when(last.at) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('teamFolder.packs')}>
            {t('teamFolder.packCounts', { imported: status.imported, published: status.published })}
          </Descriptions.Item>
          <Descriptions.Item label={t('teamFolder.drafts')}>
            {status.drafts.length ? (
              <ul className="bf-team-conflicts" data-testid="team-folder-drafts">
                {status.drafts.map((d) => (
                  <li key={d.name}>{say(d.problem)}</li>
                ))}
              </ul>
            ) : (
              t('teamFolder.draftsNone')
            )}
          </Descriptions.Item>
          {status.issues.length > 0 && (
            <Descriptions.Item label={t('teamFolder.issues')}>
              <ul className="bf-team-conflicts" data-testid="team-folder-issues">
                {status.issues.map((i) => (
                  <li key={i.name}>
                    <Typography.Text type="warning">{say(i.problem)}</Typography.Text>
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          )}
          {status.lastError && (
            <Descriptions.Item label={t('teamFolder.lastError')}>
              <Typography.Text type="danger" data-testid="team-folder-error">
                {formatDateTime(status.lastError.at)} {say(status.lastError.problem)}
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}
