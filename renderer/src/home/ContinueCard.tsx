// 「继续上次的项目」 at the top of 首页: back to the project 编制 holds, else the newest of 最近项目.
import { RightOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { RecentSummary } from '@core/settings/recent.js';
import { useI18n } from '../i18n.js';
import { shell } from '../lib/shell.js';
import { useHeldProject } from './handoff.js';
import './home.css';

/** The desktop menu's accelerator (CmdOrCtrl+Shift+T); browsers keep that key for reopening a tab. */
const SHORTCUT = /Mac/i.test(navigator.platform) ? '⌘⇧T' : 'Ctrl+Shift+T';

export function ContinueCard({
  last,
  onOpen,
  onContinue,
}: {
  last: RecentSummary | undefined;
  onOpen(id: string): void;
  onContinue(): void;
}) {
  const { t } = useI18n();
  const held = useHeldProject();
  const title = held?.title ?? last?.title;
  if (!title) return null;
  return (
    <section className="bf-continue" aria-label={t('home.continue')} data-testid="home-continue-card">
      <HistoryOutlined className="bf-continue-icon" />
      <div className="bf-continue-text">
        <div className="bf-muted">{held ? t('home.editing') : t('home.lastProject')}</div>
        <div className="bf-continue-title" title={title}>
          {title}
          {!held && last && !last.saved && <span className="bf-continue-tag">{t('home.notSaved')}</span>}
        </div>
      </div>
      {shell.native && (
        <span className="bf-muted bf-continue-keys">{t('home.continueShortcut', { keys: SHORTCUT })}</span>
      )}
      <Button
        type="primary"
        icon={<RightOutlined />}
        iconPlacement="end"
        onClick={() => (held ? onContinue() : last && onOpen(last.id))}
        data-testid="home-continue"
      >
        {held ? t('home.continueEditing') : t('home.continue')}
      </Button>
    </section>
  );
}
