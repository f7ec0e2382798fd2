// The 编制 toolbar: which project is open and whether it is saved, then open, save, undo/redo and export.
// Branding and navigation live in the app shell's left menu.
import {
  FilePdfOutlined,
  FileWordOutlined,
  FolderOpenOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { type ReactNode, useRef } from 'react';
import { useI18n } from '../i18n.js';
import { useFitsLabels } from '../lib/useFitsLabels.js';

export type ComposerToolbarProps = {
  title: string | undefined;
  blueprintTitle: string;
  fileName: string | undefined;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  exporting: 'docx' | 'pdf' | null;
  hasProject: boolean;
  onOpen: () => void;
  onSave: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onExport: (format: 'docx' | 'pdf') => void;
  /** More export options after the two buttons (合订本: CombinedExport). */
  extra?: ReactNode;
};

export function ComposerToolbar(p: ComposerToolbarProps) {
  const { t, locale } = useI18n();
  const bar = useRef<HTMLElement>(null);
  // Too narrow for every label (English, a 1366-pixel laptop): open, save and the Word and 合订本 exports show icons.
  const labelsFit = useFitsLabels(bar, [locale, p.hasProject, p.title, p.blueprintTitle]);
  return (
    <header
      className={labelsFit ? 'bf-header bf-composer-bar' : 'bf-header bf-composer-bar bf-icons-only'}
      aria-label={t('nav.composer')}
      ref={bar}
    >
      <div className="bf-bar-project" data-fits>
        <div className="bf-bar-title" title={p.title} data-testid="project-title">
          {p.title || t('app.noProject')}
        </div>
        {p.hasProject && (
          <div className="bf-bar-tags">
            {p.blueprintTitle && (
              <Tag variant="filled" color="blue">
                {p.blueprintTitle}
              </Tag>
            )}
            <span className="bf-muted bf-file-name" title={t('composer.file')}>
              {p.fileName}
            </span>
            <Tag variant="filled" color={p.dirty ? 'gold' : 'green'} data-testid="save-state">
              {p.dirty ? t('toolbar.unsaved') : t('toolbar.saved')}
            </Tag>
          </div>
        )}
      </div>
      <div className="bf-toolbar">
        <Tooltip title={t('toolbar.shortcutOpen')}>
          <Button
            icon={<FolderOpenOutlined />}
            onClick={p.onOpen}
            className="bf-act"
            aria-label={t('toolbar.open')}
            data-testid="open-project"
          >
            {t('toolbar.open')}
          </Button>
        </Tooltip>
        <Tooltip title={t('toolbar.shortcutSave')}>
          <Button
            icon={<SaveOutlined />}
            onClick={p.onSave}
            disabled={!p.hasProject}
            className="bf-act"
            aria-label={t('toolbar.save')}
            data-testid="save-project"
          >
            {t('toolbar.save')}
          </Button>
        </Tooltip>
        <span className="bf-toolbar-sep" />
        <Tooltip title={`${t('toolbar.undo')} (Ctrl+Z)`}>
          <Button
            icon={<UndoOutlined />}
            aria-label={t('toolbar.undo')}
            onClick={p.onUndo}
            disabled={!p.canUndo}
            data-testid="undo"
          />
        </Tooltip>
        <Tooltip title={`${t('toolbar.redo')} (Ctrl+Y)`}>
          <Button
            icon={<RedoOutlined />}
            aria-label={t('toolbar.redo')}
            onClick={p.onRedo}
            disabled={!p.canRedo}
            data-testid="redo"
          />
        </Tooltip>
        <span className="bf-toolbar-sep" />
        <Tooltip title={t('toolbar.shortcutDocx')}>
          <Button
            icon={<FileWordOutlined />}
            onClick={() => p.onExport('docx')}
            loading={p.exporting === 'docx'}
            disabled={!p.hasProject || (p.exporting !== null && p.exporting !== 'docx')}
            className="bf-act"
            aria-label={t('toolbar.exportDocx')}
            data-testid="export-docx"
          >
            {t('toolbar.exportDocx')}
          </Button>
        </Tooltip>
        <Tooltip title={t('toolbar.shortcutPdf')}>
          <Button
            type="primary"
            icon={<FilePdfOutlined />}
            onClick={() => p.onExport('pdf')}
            loading={p.exporting === 'pdf'}
            disabled={!p.hasProject || (p.exporting !== null && p.exporting !== 'pdf')}
            data-testid="export-pdf"
          >
            {t('toolbar.exportPdf')}
          </Button>
        </Tooltip>
        {p.extra}
      </div>
    </header>
  );
}
