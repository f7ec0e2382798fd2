// 设置 → 受信任的签发人: this library's own signing key (to hand to colleagues) and the signers whose clause packs keep
// their approvals on import — added by pasting or importing their key text with a name, removed by fingerprint.
import { App, Button, Card, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '@core/i18n/errorText.js';
import type { TrustedSignerView, TrustView } from '@core/settings/trust.js';
import { api } from '../api.js';
import { useI18n } from '../i18n.js';
import { formatDateTime } from '../lib/dates.js';
import { downloadBlob } from '../lib/download.js';

export function TrustedSignersCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [view, setView] = useState<TrustView | null>(null);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const fail = useCallback(
    (e: unknown) => message.error(t('trust.failed', { message: errorText(e, locale) })),
    [message, t, locale],
  );

  useEffect(() => {
    api.listTrustedSigners({}).then(setView).catch(fail);
  }, [fail]);

  const add = async () => {
    setBusy(true);
    try {
      const next = await api.addTrustedSigner({ key, ...(name.trim() ? { name } : {}) });
      const added = next.signers.find((s) => !view?.signers.some((o) => o.publicKey === s.publicKey));
      setView(next);
      setName('');
      setKey('');
      if (added) message.success(t('trust.added', { name: added.name, fingerprint: added.fingerprint }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (s: TrustedSignerView) => {
    try {
      setView(await api.removeTrustedSigner({ fingerprint: s.fingerprint }));
      message.success(t('trust.removed', { name: s.name }));
    } catch (e) {
      fail(e);
    }
  };

  const importFile = (file: File | undefined) => {
    if (!file) return;
    file
      .text()
      .then((text) => setKey(text.slice(0, 20_000)))
      .catch(fail);
  };

  const own = view?.own;
  return (
    <Card className="bf-page-card" size="small" title={t('trust.title')} data-testid="trust-card">
      <p className="bf-muted bf-card-hint">{t('trust.hint')}</p>
      {own && (
        <div className="bf-trust-own" data-testid="trust-own">
          <Typography.Text strong>{t('trust.own')}</Typography.Text>
          <p className="bf-muted bf-card-hint">{t('trust.ownHint')}</p>
          <div>
            {t('trust.fingerprintLabel')}
            <code className="bf-code bf-fingerprint" data-testid="trust-own-fingerprint" data-user-data>
              {own.fingerprint}
            </code>
          </div>
          <div className="bf-muted">
            {own.signer ? t('trust.ownSigner', { name: own.signer }) : t('trust.ownSignerNone')}
          </div>
          {/* The text handed to colleagues, exactly as copied and downloaded: bilingual on purpose (publicKeyText), so
              their BidForge reads it in either language. Not UI wording, hence data-user-data. */}
          <Input.TextArea
            readOnly
            value={own.text}
            autoSize
            data-testid="trust-own-text"
            data-user-data
            className="bf-code"
          />
          <Space>
            <Button
              size="small"
              onClick={() =>
                void navigator.clipboard?.writeText(own.text).then(() => message.success(t('trust.copied')), fail)
              }
            >
              {t('trust.copy')}
            </Button>
            <Button
              size="small"
              onClick={() => downloadBlob(own.text, `bidforge-key-${own.fingerprint}.txt`, 'text/plain;charset=utf-8')}
            >
              {t('trust.download')}
            </Button>
          </Space>
        </div>
      )}
      <Table<TrustedSignerView>
        size="small"
        rowKey="fingerprint"
        dataSource={view?.signers ?? []}
        pagination={false}
        locale={{ emptyText: t('trust.none') }}
        data-testid="trust-signers"
        columns={[
          { title: t('trust.name'), dataIndex: 'name' },
          {
            title: t('trust.fingerprint'),
            dataIndex: 'fingerprint',
            // A fingerprint is the key's own identity (hex), not UI wording.
            render: (f: string) => (
              <code className="bf-code bf-fingerprint" data-user-data>
                {f}
              </code>
            ),
          },
          { title: t('trust.addedAt'), dataIndex: 'addedAt', render: formatDateTime, width: 170 },
          {
            title: '',
            key: 'remove',
            width: 80,
            render: (_: unknown, s) => (
              <Popconfirm
                title={t('trust.removeConfirm', { name: s.name, fingerprint: s.fingerprint })}
                onConfirm={() => void remove(s)}
              >
                <Button size="small" danger data-testid={`trust-remove-${s.fingerprint}`}>
                  {t('trust.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <div className="bf-trust-add">
        <Typography.Text strong>{t('trust.add')}</Typography.Text>
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('trust.addNamePlaceholder')}
          maxLength={100}
          aria-label={t('trust.addName')}
          data-testid="trust-name"
        />
        <Input.TextArea
          value={key}
          onChange={(e) => setKey(e.target.value)}
          placeholder={t('trust.addKeyPlaceholder')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          aria-label={t('trust.addKey')}
          data-testid="trust-key"
        />
        <Space>
          <Button size="small" onClick={() => fileInput.current?.click()}>
            {t('trust.import')}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".txt,.pem,.pub,text/plain"
            hidden
            data-testid="trust-key-file"
            onChange={(e) => {
              importFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button
            type="primary"
            onClick={() => void add()}
            loading={busy}
            disabled={!key.trim()}
            data-testid="trust-add"
          >
            {t('trust.addButton')}
          </Button>
        </Space>
      </div>
    </Card>
  );
}
