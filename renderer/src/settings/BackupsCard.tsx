// The clause library's backups, newest first, each restorable after a confirmation.
import { App, Button, Card, Popconfirm, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '@core/api/appContract.js';
import { errorText } from '@core/i18n/errorText.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';
import { formatDateTime } from '../lib/dates.js';

export function BackupsCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const when = formatDateTime;

  const load = useCallback(() => {
    api
      .listBackups({})
      .then((r) => setBackups(r.backups))
      .catch((e: unknown) => message.error(errorText(e, locale)));
  }, [message]);
  useEffect(load, [load]);

  const restore = async (b: BackupInfo) => {
    setBusy(b.name);
    try {
      const r = await api.restoreBackup({ name: b.name });
      message.success(t('settings.restored', { name: r.restoredFrom }));
      load();
    } catch (e) {
      message.error(t('settings.restoreFailed', { message: errorText(e, locale) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="bf-page-card" size="small" title={t('settings.backups')}>
      <p className="bf-muted bf-card-hint">{t('settings.backupsHint')}</p>
      <Table<BackupInfo>
        size="small"
        rowKey="name"
        dataSource={backups}
        pagination={backups.length > 8 ? { pageSize: 8, size: 'small' } : false}
        locale={{ emptyText: t('settings.noBackups') }}
        data-testid="backups"
        columns={[
          { title: t('settings.backupTime'), dataIndex: 'time', render: when, width: 190 },
          {
            title: t('settings.backupName'),
            dataIndex: 'name',
            render: (n: string) => <code className="bf-code">{n}</code>,
          },
          {
            title: t('settings.backupSize'),
            dataIndex: 'size',
            align: 'right',
            width: 90,
            render: (s: number) => `${(s / 1024).toFixed(1)} KB`,
          },
          {
            title: '',
            key: 'restore',
            width: 80,
            render: (_: unknown, b) => (
              <Popconfirm
                title={t('settings.restoreConfirm', { time: when(b.time) })}
                onConfirm={() => void restore(b)}
              >
                <Button size="small" loading={busy === b.name} disabled={busy !== null}>
                  {t('settings.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
