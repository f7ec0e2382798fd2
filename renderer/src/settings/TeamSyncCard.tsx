// 设置 → 团队库: the team server this data folder syncs with (address and token), a sync on demand, and the sync
// state — last pull and push, what waits to be pushed, versions to choose between, the last error. Nothing here
// blocks the rest of the app: a sync runs in the background of this card and reports how it went.
import { App, Button, Card, Descriptions, Form, Input, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '@core/i18n/errorText.js';
import type { Settings } from '@core/settings/schema.js';
import type { TeamSyncStatus } from '@core/teamSync/contract.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';
import { formatDateTime } from '../lib/dates.js';

type Connection = { url: string; token: string; auto: boolean };

export function TeamSyncCard({ onSaved }: { onSaved?: (s: Settings) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Connection>();
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  const [syncing, setSyncing] = useState(false);
  const fail = useCallback(
    (e: unknown) => message.error(t('team.failed', { message: errorText(e, locale) })),
    [message, t, locale],
  );
  const refresh = useCallback(() => api.teamSyncStatus({}).then(setStatus).catch(fail), [fail]);

  useEffect(() => {
    api
      .getSettings({})
      .then((r) => {
        if (r.settings.teamServer) form.setFieldsValue(r.settings.teamServer);
      })
      .catch(fail);
    void refresh();
  }, [form, fail, refresh]);

  const store = async (teamServer: Connection | undefined) => {
    const { settings } = await api.getSettings({});
    const next: Settings = { ...settings };
    if (teamServer) next.teamServer = teamServer;
    else delete next.teamServer;
    const saved = (await api.saveSettings({ settings: next })).settings;
    onSaved?.(saved);
    await refresh();
  };

  const save = async () => {
    let values: Connection;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await store({ url: values.url.trim(), token: values.token.trim(), auto: values.auto ?? true });
      message.success(t('team.saved'));
    } catch (e) {
      fail(e);
    }
  };

  const disconnect = async () => {
    try {
      await store(undefined);
      form.resetFields();
      message.success(t('team.disconnected'));
    } catch (e) {
      fail(e);
    }
  };

  const syncNow = async () => {
    setSyncing(true);
    try {
      const r = await api.teamSyncNow({});
      setStatus(r);
      if (r.ok) message.success(t('team.synced', { pushed: r.pushed, pulled: r.pulled }));
      else message.warning(t('team.syncFailed', { message: errorOf(r) }));
    } catch (e) {
      fail(e);
    } finally {
      setSyncing(false);
    }
  };

  const when = (at: string | undefined) => (at ? formatDateTime(at) : t('team.never'));
  // An unreachable server is said in the UI's language; a server's refusal keeps its own words.
  const errorOf = (s: TeamSyncStatus) =>
    s.lastError?.code === 'offline' ? t('team.offline', { server: s.server ?? '' }) : (s.lastError?.message ?? '');
  return (
    <Card className="bf-page-card" size="small" title={t('team.title')} data-testid="team-card">
      <p className="bf-muted bf-card-hint">{t('team.hint')}</p>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="url" label={t('team.url')} rules={[{ required: true, pattern: /^https?:\/\/[^/\s]+/ }]}>
          <Input placeholder={t('team.urlPlaceholder')} data-testid="team-url" />
        </Form.Item>
        <Form.Item
          name="token"
          label={t('team.token')}
          rules={[{ required: true, pattern: /^bft_[A-Za-z0-9_-]{20,100}$/ }]}
        >
          <Input.Password placeholder={t('team.tokenPlaceholder')} data-testid="team-token" />
        </Form.Item>
        <Form.Item name="auto" label={t('team.auto')} valuePropName="checked" initialValue={true}>
          <Switch data-testid="team-auto" />
        </Form.Item>
        <Space>
          <Button type="primary" onClick={save} data-testid="team-save">
            {t('team.save')}
          </Button>
          <Button onClick={syncNow} loading={syncing} disabled={!status?.configured} data-testid="team-sync">
            {syncing ? t('team.syncing') : t('team.syncNow')}
          </Button>
          {status?.configured && <Button onClick={disconnect}>{t('team.disconnect')}</Button>}
        </Space>
      </Form>
      {!status?.configured ? (
        <p className="bf-muted bf-card-hint" data-testid="team-state">
          {t('team.notConfigured')}
        </p>
      ) : (
        <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="team-state">
          <Descriptions.Item label={t('team.lastPull')}>{when(status.lastPullAt)}</Descriptions.Item>
          <Descriptions.Item label={t('team.lastPush')}>{when(status.lastPushAt)}</Descriptions.Item>
          <Descriptions.Item label={t('team.pending')}>
            {t('team.pendingCount', { count: status.pendingPushes })}
          </Descriptions.Item>
          {status.lastError && (
            <Descriptions.Item label={t('team.lastError')}>
              <Typography.Text type="warning">
                {formatDateTime(status.lastError.at)} {errorOf(status)}
              </Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('team.conflicts')}>
            {status.conflicts.length ? (
              <ul className="bf-team-conflicts" data-testid="team-conflicts">
                {status.conflicts.map((c) => (
                  <li key={`${c.clauseId}/${c.variant}/${c.local}`}>
                    {t('team.conflict', {
                      clause: c.clauseId,
                      variant: c.variant,
                      local: c.local,
                      arrived: c.arrivedAs ?? c.server,
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              t('team.conflictsNone')
            )}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
