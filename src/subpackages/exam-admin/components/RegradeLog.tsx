// 重新评分记录 on 考试情况: every regrade of the exam (a make-up's are its original's), newest
// first — which question, who and when, why, the answer before → after, how many papers and passes
// changed. Shown only when there is one. An organiser who may still take a window carrying the
// question reads the counts without the answers or the reason (the server leaves them out).
import { Text, View } from '@tarojs/components';
import type { ExamRegradeRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import Card from '@/components/Card';
import { useAction } from '@/hooks';

function RegradeEntry({ row }: { row: ExamRegradeRow }) {
  return (
    <View className='admin-row' id={`stats-regrade-${row.id}`}>
      <Text className='admin-row__title'>
        {row.index !== null ? `第 ${row.index} 题` : '题目'}
        {row.done ? '' : '（还没有全部完成，请回到重新评分页面再确认一次）'}
      </Text>
      <Text className='regrade-log__stem clamp-2'>{row.stem}</Text>
      {row.keyHeld ? (
        <Text className='regrade-log__line'>您可能参加含有此题的考试，答案和原因暂不显示。</Text>
      ) : (
        <>
          <Text className='regrade-log__line'>原答案：{row.keyBefore}</Text>
          <Text className='regrade-log__line'>更正为：{row.keyAfter}</Text>
          <Text className='regrade-log__line'>原因：{row.reason}</Text>
        </>
      )}
      <Text className='regrade-log__line'>
        {row.attempts} 份答卷中 {row.changed} 份分数变化；及格人数 {row.passedBefore} → {row.passedAfter}
        {row.bankFixed ? '；题库已同步更正' : ''}
      </Text>
      <Text className='admin-row__meta'>
        {row.byName} · {formatBeijing(row.at)}
      </Text>
    </View>
  );
}

export default function RegradeLog({ examId, version }: { examId: string; version: number }) {
  const log = useAction('exam', 'listExamRegrades', { examId }, [examId, version]);
  // Nothing to say until a first regrade; a failed read leaves the rest of the page as it is.
  if (!log.data || log.data.rows.length === 0) return null;
  return (
    <Card title='重新评分记录' id='stats-regrades'>
      {log.data.rows.map((r) => (
        <RegradeEntry key={r.id} row={r} />
      ))}
    </Card>
  );
}
