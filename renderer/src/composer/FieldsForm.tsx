// The variable form: generated from describeProject's fields, one collapsible panel per blueprint section.
import { Button, Collapse, Form, Select, Tag } from 'antd';
import { memo, type ReactNode, useMemo } from 'react';
import type { VariableField } from '@core/api/contract.js';
import { rmbUppercase } from '@core/format/zh.js';
import { problemText } from '@core/i18n/problemText.js';
import type { Problem } from '@core/model/problem.js';
import { parseMoneyToFen } from '@core/model/variables.js';
import { useI18n } from '../i18n.js';
import type { FactBinding } from './facts/factFields.js';
import { ScalarEditor } from './ScalarEditor.js';
import { isEmptyValue, suggestedUnit, suggestionText } from './suggestion.js';
import { TableEditor } from './TableEditor.js';
import { useFieldValue, type ValuesStore } from './valuesStore.js';

export const fieldDomId = (key: string) => `field-${key}`;

function moneyInWords(v: unknown): string | undefined {
  try {
    return rmbUppercase(parseMoneyToFen(v));
  } catch {
    return undefined;
  }
}

type FieldItemProps = {
  field: VariableField;
  values: ValuesStore;
  problems: Problem[];
  onChange: (key: string, value: unknown) => void;
  /** The fact this variable's figure comes from (a project with facts of its own): shown, edited in 承诺. */
  binding?: FactBinding | undefined;
  onShowFact?: ((binding: FactBinding) => void) | undefined;
};

/** A variable whose figure is a fact's: the figure as printed and a way to the fact, no editor. */
function BoundToFact({ binding, onShow }: { binding: FactBinding; onShow?: ((b: FactBinding) => void) | undefined }) {
  const { t } = useI18n();
  const state =
    binding.index === undefined ? t('facts.field.notStated') : binding.offered ? undefined : t('facts.offeredOff');
  return (
    <div className="bf-field-fact">
      {binding.figure && binding.offered && <span data-user-data>{binding.figure}</span>}
      {state && <span className="bf-muted">{state}</span>}
      <Button size="small" type="link" onClick={() => onShow?.(binding)}>
        {t('facts.field.edit')}
      </Button>
    </div>
  );
}

const FieldItem = memo(function FieldItem({ field, values, problems, onChange, binding, onShowFact }: FieldItemProps) {
  const { t, locale } = useI18n();
  const value = useFieldValue(values, field.key);
  const status = problems.some((p) => p.severity === 'error') ? 'error' : problems.length ? 'warning' : undefined;
  const inputId = `input-${field.key}`;
  const change = (v: unknown) => onChange(field.key, v);
  const words =
    !binding && field.type === 'money' && value !== undefined && value !== '' ? moneyInWords(value) : undefined;
  const wide = field.type === 'table' || field.type === 'list' || field.type === 'multiline' || field.type === 'text';
  // The clause's default is a suggestion while the field is empty: shown in it, set only by 采用建议值.
  const suggestion = !binding && isEmptyValue(value) ? suggestionText(field, t) : undefined;
  const takeSuggestion = () => {
    change(field.default);
    // The link goes once the value is set: the cursor moves on to the value, where typing would have left it.
    if (field.type !== 'date' && field.type !== 'choice') document.getElementById(inputId)?.focus();
  };

  let control: ReactNode;
  if (binding) control = <BoundToFact binding={binding} onShow={onShowFact} />;
  else if (field.type === 'table')
    control = (
      <TableEditor
        fieldKey={field.key}
        label={field.label}
        columns={field.columns ?? []}
        value={value}
        onChange={change}
        status={status}
      />
    );
  else if (field.type === 'list')
    control = (
      <Select<string[]>
        id={inputId}
        mode="tags"
        value={Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []}
        placeholder={t('control.tagsPlaceholder')}
        status={status}
        open={false}
        suffixIcon={null}
        style={{ width: '100%' }}
        onChange={(v) => change(v)}
      />
    );
  else
    control = (
      <ScalarEditor
        id={inputId}
        type={field.type}
        value={value}
        onChange={change}
        options={field.options}
        unit={field.type === 'duration' || field.type === 'percent' ? undefined : field.unit}
        min={field.min}
        max={field.max}
        status={status}
        valueTestId={field.type === 'duration' ? `field-${field.key}-value` : undefined}
        placeholder={suggestion === undefined ? undefined : t('fields.suggested', { value: suggestion })}
        unitHint={suggestedUnit(field)}
      />
    );

  return (
    <div
      className={`bf-field${wide ? ' bf-field-wide' : ''}`}
      id={fieldDomId(field.key)}
      data-testid={fieldDomId(field.key)}
    >
      <Form.Item
        label={
          <span className="bf-field-label">
            {field.label}
            {field.required ? null : <span className="bf-optional">{t('fields.optional')}</span>}
          </span>
        }
        htmlFor={inputId}
        required={field.required}
        validateStatus={status}
        help={problems.length ? problems.map((p, i) => <div key={i}>{problemText(p, locale)}</div>) : undefined}
        tooltip={binding ? t('facts.field.hint') : undefined}
        // The uppercase amount is the document's own text, the same in both UI languages.
        extra={
          suggestion !== undefined ? (
            <Button
              size="small"
              type="link"
              className="bf-suggest"
              data-testid={`field-${field.key}-suggest`}
              aria-label={t('fields.useSuggestionAria', { label: field.label, value: suggestion })}
              onClick={takeSuggestion}
            >
              {t('fields.useSuggestion')}
            </Button>
          ) : words ? (
            <span>
              {t('fields.rmb')}
              <span data-user-data>{words}</span>
            </span>
          ) : undefined
        }
      >
        {control}
      </Form.Item>
    </div>
  );
});

export type FieldsFormProps = {
  fields: VariableField[];
  /** The project's values; each field reads its own. */
  values: ValuesStore;
  problemsByField: Map<string, Problem[]>;
  activeSections: string[];
  onActiveSectionsChange: (keys: string[]) => void;
  onChange: (key: string, value: unknown) => void;
  /** Variables whose figure is a fact's (see facts/factFields.ts). */
  bindings?: Map<string, FactBinding>;
  onShowFact?: (binding: FactBinding) => void;
};

const NO_PROBLEMS: Problem[] = [];

export function sectionsOf(fields: VariableField[]): { title: string; fields: VariableField[] }[] {
  const out: { title: string; fields: VariableField[] }[] = [];
  for (const f of fields) {
    const s = out.find((x) => x.title === f.section);
    if (s) s.fields.push(f);
    else out.push({ title: f.section, fields: [f] });
  }
  return out;
}

export const FieldsForm = memo(function FieldsForm({
  fields,
  values,
  problemsByField,
  activeSections,
  onActiveSectionsChange,
  onChange,
  bindings,
  onShowFact,
}: FieldsFormProps) {
  const { t } = useI18n();
  const sections = useMemo(() => sectionsOf(fields), [fields]);

  const items = sections.map((s, i) => {
    const count = s.fields.reduce(
      (n, f) => n + (problemsByField.get(`values.${f.key}`)?.filter((p) => p.severity === 'error').length ?? 0),
      0,
    );
    return {
      key: s.title,
      label: (
        <span className="bf-section-label">
          <span className="bf-section-no">{String(i + 1).padStart(2, '0')}</span>
          <span className="bf-section-title">{s.title}</span>
        </span>
      ),
      extra: count ? (
        <Tag color="error" variant="filled" className="bf-section-tag">
          {t('fields.errorsInSection', { count })}
        </Tag>
      ) : (
        <span className="bf-muted bf-section-count">{t('fields.count', { count: s.fields.length })}</span>
      ),
      children: (
        <div className="bf-field-grid">
          {s.fields.map((f) => (
            <FieldItem
              key={f.key}
              field={f}
              values={values}
              problems={problemsByField.get(`values.${f.key}`) ?? NO_PROBLEMS}
              onChange={onChange}
              binding={bindings?.get(f.key)}
              onShowFact={onShowFact}
            />
          ))}
        </div>
      ),
    };
  });

  if (!fields.length) return <div className="bf-muted bf-empty">{t('fields.empty')}</div>;
  return (
    <Form layout="vertical" component="div" className="bf-form" requiredMark={false}>
      <Collapse
        className="bf-sections"
        items={items}
        activeKey={activeSections}
        onChange={(keys) => onActiveSectionsChange(Array.isArray(keys) ? keys.map(String) : [String(keys)])}
        expandIconPlacement="end"
        bordered={false}
      />
    </Form>
  );
});
