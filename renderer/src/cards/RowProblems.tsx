// The row errors and warnings of a data file, with the row number and column as the user sees them in Excel.
import { Table, Tag } from 'antd';
import type { CardRowProblem, ParseCardsResult } from '@core/api/appContract.js';
import { cardRowText } from '@core/i18n/problemText.js';
import { useI18n } from '../i18n.js';

export function RowProblems({ parsed }: { parsed: ParseCardsResult }) {
  const { t, locale } = useI18n();
  return (
    <Table<CardRowProblem>
      data-testid="cards-problems"
      size="small"
      rowKey={(p, i) => `${p.row ?? 0}-${p.code}-${p.field ?? ''}-${i ?? 0}`}
      dataSource={parsed.problems}
      pagination={parsed.problems.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t('cards.problemsNone') }}
      footer={
        parsed.problemCount > parsed.problems.length
          ? () => t('cards.problemsMore', { shown: parsed.problems.length, count: parsed.problemCount })
          : undefined
      }
      columns={[
        { title: t('cards.col.row'), dataIndex: 'row', width: 70, align: 'right' },
        { title: t('cards.col.column'), dataIndex: 'column', width: 120 },
        {
          title: t('cards.col.severity'),
          dataIndex: 'severity',
          width: 80,
          render: (s: CardRowProblem['severity']) => (
            <Tag color={s === 'error' ? 'error' : 'warning'}>
              {s === 'error' ? t('problems.error') : t('problems.warning')}
            </Tag>
          ),
        },
        // The message repeats the row and column — the table shows those already.
        {
          title: t('cards.col.message'),
          key: 'message',
          render: (_: unknown, p: CardRowProblem) => cardRowText(p, locale),
        },
      ]}
    />
  );
}
