// An editable table variable: one typed cell editor per column, rows added and removed in place.
import { DeleteOutlined, ExpandOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Modal, Table, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Column } from '@core/model/variables.js';
import { useI18n } from '../i18n.js';
import { ScalarEditor } from './ScalarEditor.js';

type RawRow = Record<string, unknown>;

function rowsOf(value: unknown): RawRow[] {
  return Array.isArray(value)
    ? value.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as RawRow) : {}))
    : [];
}

function emptyCell(col: Column): unknown {
  switch (col.type) {
    case 'text':
    case 'multiline':
      return '';
    case 'boolean':
      return false;
    default:
      return undefined;
  }
}

export type TableEditorProps = {
  fieldKey: string;
  label: string;
  columns: Column[];
  value: unknown;
  onChange: (rows: unknown) => void;
  status?: 'error' | 'warning';
  /** Inside the enlarged dialog: no second "enlarge" button. */
  enlarged?: boolean;
};

export function TableEditor({ fieldKey, label, columns, value, onChange, status, enlarged }: TableEditorProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const rows = rowsOf(value);

  const setCell = (index: number, key: string, cell: unknown) => {
    const next = rows.map((r, i) => {
      if (i !== index) return r;
      const copy = { ...r };
      if (cell === undefined) delete copy[key];
      else copy[key] = cell;
      return copy;
    });
    onChange(next);
  };

  const tableColumns: TableColumnsType<{ index: number; row: RawRow }> = [
    {
      key: '#',
      title: '#',
      width: 44,
      align: 'center',
      fixed: 'left',
      render: (_, r) => <span className="bf-row-no">{r.index + 1}</span>,
    },
    ...columns.map((col) => ({
      key: col.key,
      title: (
        <span className="bf-col-title">
          {col.label}
          {col.unit ? <span className="bf-col-unit">（{col.unit}）</span> : null}
        </span>
      ),
      render: (_: unknown, r: { index: number; row: RawRow }) => (
        <ScalarEditor
          type={col.type}
          value={r.row[col.key]}
          unit={col.type === 'money' ? undefined : col.unit}
          inTable
          ariaLabel={`${col.label} ${r.index + 1}`}
          onChange={(v) => setCell(r.index, col.key, v)}
        />
      ),
    })),
    {
      key: 'actions',
      title: '',
      width: 48,
      align: 'center',
      fixed: 'right',
      render: (_, r) => (
        <Tooltip title={t('control.removeRow')}>
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('control.removeRow')}
            onClick={() => onChange(rows.filter((_, i) => i !== r.index))}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <div
      className={`bf-table-editor${status === 'error' ? ' bf-table-editor-error' : ''}`}
      data-testid={`table-${fieldKey}`}
    >
      <Table
        size="small"
        bordered
        pagination={false}
        columns={tableColumns}
        dataSource={rows.map((row, index) => ({ index, row }))}
        rowKey={(r) => String(r.index)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('control.empty') }}
      />
      <div className="bf-table-footer">
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange([
              ...rows,
              Object.fromEntries(columns.map((c) => [c.key, emptyCell(c)]).filter(([, v]) => v !== undefined)),
            ])
          }
        >
          {t('control.addRow')}
        </Button>
        <span className="bf-table-footer-right">
          <span className="bf-muted">{t('control.rows', { count: rows.length })}</span>
          {!enlarged && (
            <Button
              type="link"
              size="small"
              icon={<ExpandOutlined />}
              onClick={() => setOpen(true)}
              data-testid={`table-${fieldKey}-enlarge`}
            >
              {t('control.enlarge')}
            </Button>
          )}
        </span>
      </div>
      {!enlarged && (
        <Modal
          open={open}
          title={label}
          width="min(1280px, 94vw)"
          onCancel={() => setOpen(false)}
          footer={
            <Button type="primary" onClick={() => setOpen(false)}>
              {t('control.done')}
            </Button>
          }
          destroyOnHidden
        >
          <TableEditor
            fieldKey={`${fieldKey}-dialog`}
            label={label}
            columns={columns}
            value={value}
            onChange={onChange}
            status={status}
            enlarged
          />
        </Modal>
      )}
    </div>
  );
}
