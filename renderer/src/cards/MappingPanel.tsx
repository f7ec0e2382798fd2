// One Select per card field, listing the data file's headers; auto-suggested values come from parseCards.
import { Button, Checkbox, Select, Tag, Tooltip } from 'antd';
import type { CardField, CardMapping } from '@core/cards/fields.js';
import type { ParseCardsResult } from '@core/api/appContract.js';
import { useI18n } from '../i18n.js';

type Props = {
  parsed: ParseCardsResult;
  /** The user's choices; '' = explicitly not used; a field absent = automatic. */
  mapping: CardMapping;
  onChange(mapping: CardMapping): void;
  /** Fields left off the card; offered for a field no column feeds (it would print as an empty row). */
  hide: CardField[];
  onHide(hide: CardField[]): void;
  disabled?: boolean;
};

export function MappingPanel({ parsed, mapping, onChange, hide, onHide, disabled }: Props) {
  const { t } = useI18n();
  const options = [
    { value: '', label: t('cards.none') },
    ...parsed.headers.filter(Boolean).map((h) => ({ value: h, label: h })),
  ];
  return (
    <div className="bf-mapping" data-testid="cards-mapping">
      {parsed.fields.map(({ field, label, required }) => {
        const value = mapping[field] ?? parsed.columns[field] ?? '';
        const missing = required && !value;
        return (
          <label key={field} className="bf-mapping-row">
            <span className="bf-mapping-label">
              {label}
              {required && (
                <Tag className="bf-mapping-req" color={missing ? 'error' : 'default'}>
                  {t('cards.required')}
                </Tag>
              )}
            </span>
            <Select
              data-testid={`map-${field}`}
              aria-label={label}
              value={value}
              status={missing ? 'error' : undefined}
              options={options}
              disabled={disabled}
              showSearch
              onChange={(h: string) => {
                onChange({ ...mapping, [field]: h });
                // A field that now has a column prints again: its "leave off" choice is not kept out of sight.
                if (h && hide.includes(field)) onHide(hide.filter((f) => f !== field));
              }}
            />
            {!required && !value && (
              <Tooltip title={t('cards.hideHint')}>
                <Checkbox
                  className="bf-mapping-hide"
                  data-testid={`hide-${field}`}
                  checked={hide.includes(field)}
                  disabled={disabled}
                  onChange={(e) => onHide(e.target.checked ? [...hide, field] : hide.filter((f) => f !== field))}
                >
                  {t('cards.hide')}
                </Checkbox>
              </Tooltip>
            )}
          </label>
        );
      })}
      <Button
        size="small"
        type="link"
        onClick={() => (onChange({}), onHide([]))}
        disabled={disabled || Object.keys(mapping).length === 0}
      >
        {t('cards.resetMapping')}
      </Button>
    </div>
  );
}
