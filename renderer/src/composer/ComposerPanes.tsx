// The composer's frame pieces, each redrawn on its own: the editor's tab strip and panes, the preview's status mark
// and its sheets.
import { Tabs } from 'antd';
import { memo, useState, type ReactNode } from 'react';
import type { PreviewStore } from '../lib/previewStore.js';
import { usePreviewView } from '../lib/usePreview.js';
import { DocumentPreview } from '../preview/DocumentPreview.js';
import { useI18n } from '../i18n.js';

export type LeftTab = 'content' | 'facts' | 'outline' | 'requirements';

/** The preview's "updating / up to date" mark: the only part redrawn while a preview is on its way. */
export const PreviewStatus = memo(function PreviewStatus({ store }: { store: PreviewStore }) {
  const { t } = useI18n();
  const { pending } = usePreviewView(store);
  return (
    <span className={`bf-preview-status${pending ? ' bf-pending' : ''}`}>
      <span className="bf-dot" />
      {pending ? t('preview.updating') : t('preview.upToDate')}
    </span>
  );
});

/** The sheets, redrawn when a new document arrives — not when the form around them changes. */
export const LivePreview = memo(function LivePreview({ store }: { store: PreviewStore }) {
  const { document, epoch } = usePreviewView(store);
  return <DocumentPreview document={document} epoch={epoch} />;
});

/** The tab strip over the editor's panes (labels only; the panes are EditorPane). */
export const EditorTabs = memo(function EditorTabs({
  active,
  onChange,
  requirementCount,
  factCount,
}: {
  active: LeftTab;
  onChange: (tab: LeftTab) => void;
  requirementCount: number;
  factCount: number;
}) {
  const { t } = useI18n();
  const count = (n: number) => (n ? <span className="bf-muted bf-tab-count">{n}</span> : null);
  const items = [
    { key: 'content', label: <span data-testid="tab-content">{t('composer.tab.content')}</span> },
    {
      key: 'facts',
      label: (
        <span data-testid="tab-facts">
          {t('composer.tab.facts')}
          {count(factCount)}
        </span>
      ),
    },
    { key: 'outline', label: <span data-testid="tab-outline">{t('composer.tab.outline')}</span> },
    {
      key: 'requirements',
      label: (
        <span data-testid="tab-requirements">
          {t('composer.tab.requirements')}
          {count(requirementCount)}
        </span>
      ),
    },
  ];
  return <Tabs className="bf-editor-tabs" activeKey={active} onChange={(k) => onChange(k as LeftTab)} items={items} />;
});

/** One editor pane: drawn once first shown, then kept (hidden) so its state and scroll survive tab switches. */
export function EditorPane({ id, active, children }: { id: LeftTab; active: LeftTab; children: ReactNode }) {
  const [shown, setShown] = useState(id === active);
  if (id === active && !shown) setShown(true);
  if (!shown) return null;
  return (
    <div className="bf-editor-pane" role="tabpanel" hidden={id !== active} data-testid={`pane-${id}`}>
      {children}
    </div>
  );
}
