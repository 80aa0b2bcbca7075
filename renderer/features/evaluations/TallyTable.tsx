import type { HTMLAttributes } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationRound, QuestionTally } from '../../../shared/domain';
import { percent } from './format';

type Row = QuestionTally & { key: string; subject: string };

const oneDecimal = (n: number | undefined) => (n === undefined ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * 统计结果 per question: for grades each option's count and share; for scores the mean, median, range and the
 * distribution by band. Aggregates only — it is given tallies, never ballots.
 */
export function TallyTable({ round, questions }: { round: Pick<EvaluationRound, 'subjects' | 'scale'>; questions: readonly QuestionTally[] }) {
  const { t } = useTranslation('evaluations');
  const subjectName = new Map(round.subjects.map((s) => [s.id, s.name]));
  const rows: Row[] = questions.map((q) => ({ ...q, key: `${q.subjectId}|${q.criterion ?? ''}`, subject: subjectName.get(q.subjectId) ?? q.subjectId }));
  const withCriteria = questions.some((q) => q.criterion !== undefined);
  const cell = (count: number, share: number) => t('results.cell', { count, share: percent(share) });

  const first: TableColumnsType<Row> = [
    {
      title: t('results.subject'),
      key: 'subject',
      fixed: 'left',
      render: (_, r) => (
        <Typography.Text data-testid="tally-subject">
          {r.subject}
          {withCriteria && r.criterion !== undefined ? ` · ${r.criterion}` : ''}
        </Typography.Text>
      ),
    },
    { title: t('results.answered'), key: 'answered', width: 80, render: (_, r) => r.answered },
  ];
  const scale = round.scale;
  const rest: TableColumnsType<Row> =
    scale.kind === 'grades'
      ? scale.options.map((option) => ({
          title: option,
          key: `grade-${option}`,
          render: (_: unknown, r: Row) => {
            const g = r.grades?.find((x) => x.option === option);
            return g ? cell(g.count, g.share) : t('results.empty');
          },
        }))
      : [
          { title: t('results.mean'), key: 'mean', render: (_, r) => oneDecimal(r.score?.mean) },
          { title: t('results.median'), key: 'median', render: (_, r) => oneDecimal(r.score?.median) },
          { title: t('results.min'), key: 'min', render: (_, r) => oneDecimal(r.score?.min) },
          { title: t('results.max'), key: 'max', render: (_, r) => oneDecimal(r.score?.max) },
          ...(questions[0]?.score?.bands ?? []).map((band, i) => ({
            title: t('results.band', { from: band.from, to: band.to }),
            key: `band-${i}`,
            render: (_: unknown, r: Row) => {
              const b = r.score?.bands[i];
              return b ? cell(b.count, b.share) : t('results.empty');
            },
          })),
        ];

  return (
    <Table<Row>
      size="small"
      rowKey="key"
      columns={[...first, ...rest]}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'tally-row' }) as HTMLAttributes<HTMLElement>}
      data-testid="tally-table"
    />
  );
}
