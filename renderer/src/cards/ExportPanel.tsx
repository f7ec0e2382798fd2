// Layout, format and QR for the batch, the export button, and the progress while the file is made.
import { Button, Card, Checkbox, Progress, Radio, Select } from 'antd';
import { CARD_LAYOUT_IDS } from '@core/api/appContract.js';
import { useI18n } from '../i18n.js';

export type Layout = (typeof CARD_LAYOUT_IDS)[number];
export type Format = 'pdf' | 'docx';
export type Script = 'hans' | 'hant';
export type TemplateBy = '' | 'product' | 'model';
export type ExportOptions = { layout: Layout; format: Format; qr: boolean; script: Script; templateBy: TemplateBy };

type Props = {
  options: ExportOptions;
  onChange(o: ExportOptions): void;
  cards: number;
  percent: number | null;
  busy: boolean;
  /** No card may print (the company 设置 lacks): the preview says why. */
  refused?: boolean;
  onExport(): void;
};

export function ExportPanel({ options, onChange, cards, percent, busy, refused, onExport }: Props) {
  const { t } = useI18n();
  const exporting = percent !== null;
  const set = (patch: Partial<ExportOptions>) => onChange({ ...options, ...patch });
  return (
    <Card className="bf-page-card" size="small" title={t('cards.step.export')}>
      <div className="bf-export-form">
        <div className="bf-export-label">{t('cards.layout')}</div>
        <Radio.Group
          value={options.layout}
          onChange={(e) => set({ layout: e.target.value as Layout })}
          data-testid="cards-layout"
          className="bf-export-radios"
        >
          {CARD_LAYOUT_IDS.map((l) => (
            <Radio key={l} value={l}>
              {t(`cards.layout.${l}`)}
            </Radio>
          ))}
        </Radio.Group>
        <div className="bf-export-label">{t('cards.templateBy')}</div>
        <Select
          data-testid="cards-template-by"
          value={options.templateBy}
          onChange={(v: TemplateBy) => set({ templateBy: v })}
          options={(['', 'product', 'model'] as const).map((v) => ({
            value: v,
            label: t(`cards.templateBy.${v || 'none'}`),
          }))}
        />
        <div className="bf-export-label">{t('cards.script')}</div>
        <Radio.Group
          value={options.script}
          onChange={(e) => set({ script: e.target.value as Script })}
          optionType="button"
          data-testid="cards-script"
          options={(['hans', 'hant'] as const).map((v) => ({ value: v, label: t(`cards.script.${v}`) }))}
        />
        <div className="bf-export-label">{t('cards.format')}</div>
        <Radio.Group
          value={options.format}
          onChange={(e) => set({ format: e.target.value as Format })}
          optionType="button"
          data-testid="cards-format"
          options={[
            { value: 'pdf', label: 'PDF' },
            { value: 'docx', label: 'DOCX' },
          ]}
        />
        <Checkbox
          checked={options.qr}
          onChange={(e) => set({ qr: e.target.checked })}
          className="bf-export-qr"
          data-testid="cards-qr"
        >
          {t('cards.qr')}
        </Checkbox>
        <Button
          type="primary"
          block
          onClick={onExport}
          disabled={!cards || exporting || busy || refused}
          loading={exporting}
          data-testid="cards-export"
        >
          {t('cards.export', { count: cards })}
        </Button>
        {percent !== null && (
          <div data-testid="cards-progress">
            <Progress percent={percent} size="small" status={percent < 100 ? 'active' : 'success'} />
            <span className="bf-muted">{t('cards.exporting', { count: cards })}</span>
          </div>
        )}
      </div>
    </Card>
  );
}
