// Recent projects (and search hits) as a keyboard-reachable list: each row is a button that opens the project.
import { FileTextOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { projectFileName } from '@core/project/fileName.js';
import type { ProjectHit, RecentSummary } from '@core/settings/recent.js';
import { useI18n, type MessageKey } from '../i18n.js';
import { formatDateTime } from '../lib/dates.js';

/** Where a search hit was found: project metadata by its label, a variable by its key. */
const WHERE: Record<string, MessageKey> = {
  title: 'meta.title',
  bidder: 'meta.bidder',
  projectNo: 'meta.projectNo',
  name: 'home.fileName',
};

type Item = RecentSummary & { matches?: ProjectHit['matches'] };

export function RecentList({
  items,
  blueprintTitle,
  onOpen,
  empty,
  testId,
}: {
  items: Item[];
  blueprintTitle(id: string): string;
  onOpen(id: string): void;
  empty: string;
  testId: string;
}) {
  const { t } = useI18n();
  if (!items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  const when = formatDateTime;
  return (
    <ul className="bf-recent" data-testid={testId}>
      {items.map((p) => (
        <li key={p.id}>
          <button
            type="button"
            className="bf-recent-item"
            onClick={() => onOpen(p.id)}
            data-testid={`${testId}-item`}
            data-project-id={p.id}
          >
            <FileTextOutlined className="bf-recent-icon" />
            <span className="bf-recent-text">
              <span className="bf-recent-title">
                {p.title}
                {!p.saved && <span className="bf-recent-tag">{t('home.notSaved')}</span>}
              </span>
              {/* Named after its title: the file it was saved as (a path in the desktop app, a download in the browser). */}
              <span className="bf-muted bf-recent-meta">
                {blueprintTitle(p.blueprint)} · {p.path ?? projectFileName(p, blueprintTitle(p.blueprint))} ·{' '}
                {t('home.usedAt')} {when(p.usedAt)}
              </span>
              {p.matches?.map((m) => (
                <span key={m.where} className="bf-recent-match">
                  <span className="bf-muted">{WHERE[m.where] ? t(WHERE[m.where]!) : (m.label ?? m.where)}：</span>
                  {m.text}
                </span>
              ))}
            </span>
            <span className="bf-recent-open">{t('home.open')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
