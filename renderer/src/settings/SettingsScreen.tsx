// 设置: user name, default script, UI language, the company profile (with logo), data folder and library backups.
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Radio, Segmented, Spin, Switch, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SettingsNotice } from '@core/api/appContract.js';
import { LOGO_MAX_BYTES, type Settings } from '@core/settings/schema.js';
import { errorText } from '@core/i18n/errorText.js';
import { api } from '../api.js';
import { fileToDataUrl } from '../cards/fileData.js';
import type { ScreenProps } from '../screenProps.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { noticeText } from './noticeText.js';
import { BackupsCard } from './BackupsCard.js';
import { TrustedSignersCard } from './TrustedSignersCard.js';
import { TeamSyncCard } from './TeamSyncCard.js';
import { TeamFolderCard } from './TeamFolderCard.js';
import './pages.css';

type Company = Settings['company'];
const COMPANY_FIELDS: [keyof Omit<Company, 'logo'>, MessageKey, number][] = [
  ['name', 'settings.companyName', 200],
  ['address', 'settings.address', 300],
  ['hotline', 'settings.hotline', 50],
  ['serviceHours', 'settings.serviceHours', 200],
  ['bankName', 'settings.bankName', 200],
  ['bankAccount', 'settings.bankAccount', 60],
  ['legalRepresentative', 'settings.legalRepresentative', 50],
  ['creditCode', 'settings.creditCode', 18],
];
const KB = LOGO_MAX_BYTES / 1024;

export function SettingsScreen({ onLocaleChange }: Partial<Pick<ScreenProps, 'onLocaleChange'>>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [dataDir, setDataDir] = useState<string | null>(null);
  const [notices, setNotices] = useState<SettingsNotice[]>([]);
  const [saving, setSaving] = useState(false);
  const logo = Form.useWatch(['company', 'logo'], form);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api
      .getSettings({})
      .then((r) => {
        setLoaded(r.settings);
        setDataDir(r.dataDir);
        setNotices(r.notices);
        form.setFieldsValue(r.settings);
      })
      .catch((e: unknown) => message.error(t('settings.loadFailed', { message: errorText(e, locale) })));
  }, [form, message, t]);

  const save = useCallback(async () => {
    if (!loaded) return;
    let values: Settings;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      // Fields the form does not show (none today) keep their loaded values.
      const merged: Settings = { ...loaded, ...values, company: { ...loaded.company, ...values.company } };
      if (!values.company.logo) delete merged.company.logo;
      const { settings } = await api.saveSettings({ settings: merged });
      setLoaded(settings);
      if (settings.uiLanguage !== loaded.uiLanguage) onLocaleChange?.(settings.uiLanguage);
      message.success(t('settings.saved'));
    } catch (e) {
      message.error(t('settings.saveFailed', { message: errorText(e, locale) }));
    } finally {
      setSaving(false);
    }
  }, [form, loaded, message, onLocaleChange, t]);

  // Ctrl/⌘+S saves while this screen is shown (the shell keeps hidden screens mounted: an offsetParent means shown).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        root.current?.offsetParent &&
        (e.ctrlKey || e.metaKey) &&
        !e.altKey &&
        !e.shiftKey &&
        e.key.toLowerCase() === 's'
      ) {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const pickLogo = async (f: File) => {
    if (!/^image\/(png|jpeg)$/.test(f.type)) return void message.error(t('settings.logoBadType'));
    if (f.size > LOGO_MAX_BYTES) return void message.error(t('settings.logoTooLarge', { kb: KB }));
    form.setFieldValue(['company', 'logo'], await fileToDataUrl(f));
  };

  if (!loaded)
    return (
      <div className="bf-page bf-center">
        <Spin />
      </div>
    );

  return (
    <div className="bf-page" data-testid="settings-screen" ref={root}>
      <div className="bf-page-head">
        <h1 className="bf-page-title">{t('settings.title')}</h1>
        <Button type="primary" onClick={() => void save()} loading={saving} data-testid="settings-save">
          {t('settings.save')}
        </Button>
      </div>
      {notices.map((n) => (
        <Alert
          key={n.movedAsideAs}
          className="bf-page-alert"
          type="warning"
          showIcon
          title={noticeText(n, t, locale)}
        />
      ))}
      <Form<Settings>
        form={form}
        layout="vertical"
        initialValues={loaded}
        onFinish={() => void save()}
        className="bf-settings-form"
      >
        <div className="bf-settings-grid">
          <div>
            <Card className="bf-page-card" size="small" title={t('settings.company')}>
              <p className="bf-muted bf-card-hint">{t('settings.companyHint')}</p>
              <div className="bf-form-cols">
                {COMPANY_FIELDS.map(([key, label, max]) => (
                  <Form.Item
                    key={key}
                    name={['company', key]}
                    label={t(label)}
                    className={key === 'name' || key === 'address' ? 'bf-form-wide' : undefined}
                    rules={
                      key === 'creditCode'
                        ? [{ pattern: /^$|^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('settings.creditCodeBad') }]
                        : []
                    }
                  >
                    <Input maxLength={max} data-testid={`company-${key}`} />
                  </Form.Item>
                ))}
              </div>
              <Form.Item label={t('settings.logo')} extra={t('settings.logoHint', { kb: KB })}>
                <div className="bf-logo-row">
                  {logo ? (
                    <img className="bf-logo" src={logo} alt={t('settings.logo')} />
                  ) : (
                    <div className="bf-logo bf-logo-empty" />
                  )}
                  <Upload
                    accept="image/png,image/jpeg"
                    showUploadList={false}
                    beforeUpload={(f) => (void pickLogo(f), false)}
                  >
                    <Button icon={<UploadOutlined />}>{t('settings.logoPick')}</Button>
                  </Upload>
                  {logo && (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => form.setFieldValue(['company', 'logo'], undefined)}
                    >
                      {t('settings.logoRemove')}
                    </Button>
                  )}
                </div>
              </Form.Item>
              <Form.Item name={['company', 'logo']} hidden>
                <Input />
              </Form.Item>
            </Card>
          </div>
          <div>
            <Card className="bf-page-card" size="small" title={t('settings.user')}>
              <Form.Item name="userName" label={t('settings.userName')} extra={t('settings.userNameHint')}>
                <Input maxLength={50} data-testid="settings-userName" />
              </Form.Item>
              {/* 条款库 reads both from here (renderer/src/library/user.ts); the API records the same name. */}
              <Form.Item
                name="singleReviewer"
                label={t('settings.singleReviewer')}
                extra={t('settings.singleReviewerHint')}
                valuePropName="checked"
              >
                <Switch data-testid="settings-singleReviewer" />
              </Form.Item>
              <Form.Item name="defaultScript" label={t('settings.script')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'hans', label: t('settings.hans') },
                    { value: 'hant', label: t('settings.hant') },
                  ]}
                  data-testid="settings-script"
                />
              </Form.Item>
              <Form.Item name="uiLanguage" label={t('settings.uiLanguage')}>
                <Segmented
                  options={[
                    { value: 'zh-CN', label: '中文' },
                    { value: 'en', label: 'English' },
                  ]}
                />
              </Form.Item>
            </Card>
            <Card className="bf-page-card" size="small" title={t('settings.data')}>
              <code className="bf-code bf-data-dir" data-testid="settings-dataDir">
                {dataDir ?? t('settings.dataNone')}
              </code>
            </Card>
          </div>
        </div>
      </Form>
      <TeamSyncCard onSaved={setLoaded} />
      <TeamFolderCard onSaved={setLoaded} />
      <TrustedSignersCard />
      <BackupsCard />
    </div>
  );
}
