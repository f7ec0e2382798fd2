// 招标文件规定的格式 in 招标要求: each confirmed form with a switch (follow the tender's form, or use ours). A mandated
// 偏离表 shows what each of its columns prints — one of our computed cells, or a text the writer enters for a column
// we cannot compute (left blank it is a check error); a mandated 承诺书 shows the wording kept around our commitments.
import { Input, Switch, Tag } from 'antd';
import { columnField } from '@core/tender/formsFollow.js';
import { followForm, type ProjectTender } from '@core/tender/projectTender.js';
import { useI18n } from '../../i18n.js';

type MandatedFormsProps = {
  tender: ProjectTender;
  onTenderChange: (tender: ProjectTender) => void;
};

export function MandatedForms({ tender, onTenderChange }: MandatedFormsProps) {
  const { t } = useI18n();
  const forms = tender.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.kind === 'format' && r.decision === 'confirmed' && r.change !== 'removed' && r.form);
  if (!forms.length) return null;
  return (
    <section
      className="bf-reqs-proposals"
      data-testid="mandated-forms"
      aria-label={t('forms.title', { count: forms.length })}
    >
      <h3 className="bf-reqs-subtitle">{t('forms.title', { count: forms.length })}</h3>
      <p className="bf-muted">{t('forms.hint')}</p>
      <ol className="bf-req-list">
        {forms.map(({ r, i }, k) => {
          const form = r.form!;
          const on = r.follow !== false;
          return (
            <li className="bf-tender-row" key={i} data-testid={`mandated-form-${k}`}>
              <div className="bf-tender-meta">
                <span className="bf-tender-text">{form.title}</span>
                <Switch
                  size="small"
                  checked={on}
                  onChange={(follow) => onTenderChange(followForm(tender, i, { follow }))}
                  data-testid={`mandated-form-${k}-follow`}
                />
                <span className="bf-muted">{t(on ? 'forms.follow' : 'forms.ours')}</span>
              </div>
              {on && form.columns?.length ? (
                <ul className="bf-req-list">
                  {form.columns.map((c, n) => {
                    const field = columnField(c);
                    const fill = r.fill?.[c] ?? '';
                    return (
                      <li key={`${n}-${c}`} data-testid={`mandated-form-${k}-column-${n}`}>
                        <span>{t('forms.column', { column: c })}</span>{' '}
                        {field ? (
                          <Tag color="blue">{t(`forms.field.${field}`)}</Tag>
                        ) : (
                          <>
                            <Input
                              size="small"
                              style={{ maxWidth: 360 }}
                              value={fill}
                              maxLength={200}
                              placeholder={t('forms.fillPlaceholder')}
                              onChange={(e) =>
                                onTenderChange(followForm(tender, i, { fill: { ...r.fill, [c]: e.target.value } }))
                              }
                              data-testid={`mandated-form-${k}-fill-${n}`}
                            />
                            {!fill.trim() && <Tag color="red">{t('forms.blank')}</Tag>}
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              ) : on && form.text ? (
                <>
                  <div className="bf-muted">{t('forms.letterParts')}</div>
                  <div className="bf-muted" style={{ whiteSpace: 'pre-wrap' }}>
                    {form.text}
                  </div>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
