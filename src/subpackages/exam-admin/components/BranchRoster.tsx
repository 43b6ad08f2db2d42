// 支部名单: one branch's members on the stats page, filtered; copy the nudge (未参加 while open) or the
// 缺考 list (after the close), remind them and say honestly whom it could not reach, and give extra
// time (to who has started) or reopen; record a paper exam's score by hand (送题到家) for who has not
// taken it online, or correct one.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ExamStatsView } from '@core/contracts';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { bareTitle, remindSummary } from '@core/domain/nudge';
import NudgeShare from '@/components/NudgeShare';
import { copyText } from '@/api';
import { useAction, useMutation } from '@/hooks';
import RosterItem, { type RowAction } from './RosterItem';
import PaperDialog from './PaperDialog';
import RowActionDialog from './RowActionDialog';

type RosterFilter = 'all' | 'absent' | 'in_progress' | 'passed' | 'failed' | 'flagged';
const filters = (absentLabel: string): Array<{ value: RosterFilter; label: string }> => [
  { value: 'all', label: '全部' },
  { value: 'absent', label: absentLabel },
  { value: 'in_progress', label: '答题中' },
  { value: 'passed', label: '及格' },
  { value: 'failed', label: '不及格' },
  { value: 'flagged', label: '被标记' },
];

export default function BranchRoster({ examId, stats, onChanged }: { examId: string; stats: ExamStatsView; onChanged: () => void }) {
  const [unitId, setUnitId] = useState<string>(stats.units[0]?.unitId ?? '');
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [action, setAction] = useState<RowAction>(null);
  const roster = useAction('exam', 'examRoster', unitId ? { examId, unitId, filter } : null, [examId, unitId, filter]);
  const remind = useMutation('exam', 'remindAbsentees');
  const open = stats.phase === 'open' || stats.phase === 'upcoming';
  // The server's phase decides the word (the phone's clock may be off).
  const absentLabel = stats.phase === 'closed' ? '缺考' : '未参加';
  const [reminded, setReminded] = useState<{ sent: number; withoutCredit: number; unbound: number } | null>(null);

  const copyAbsent = async () => {
    const text = roster.data?.absentText ?? '';
    if (text === '') {
      void Taro.showToast({ title: `没有${absentLabel}的党员`, icon: 'none' });
      return;
    }
    try {
      await copyText(text);
      void Taro.showToast({ title: `${absentLabel}名单已复制，可粘贴到群里`, icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  const runRemind = async () => {
    const done = await remind.run({ examId, unitId });
    if (!done) return;
    setReminded(done);
    void Taro.showToast({ title: remindSummary({ ...done, alreadyReminded: 0 }), icon: 'none', duration: 3000 });
  };

  if (stats.units.length === 0) return <EmptyView title='没有您管理的支部参加这场考试' />;

  return (
    <View>
      <Text className='stats-label'>支部</Text>
      <Chips id='stats-unit' options={stats.units.map((u) => ({ value: u.unitId, label: u.unitName }))} selected={[unitId]} onToggle={setUnitId} />
      <Text className='stats-label'>显示</Text>
      <Chips id='stats-filter' options={filters(absentLabel)} selected={[filter]} onToggle={setFilter} />

      {/* The answer for the previous branch or filter is not shown while the new one loads. */}
      <Loaded bare fresh state={roster}>
        {(data) => (
          <>
            {data.leaders.total > 0 ? (
              <Text className='stats-leaders' id='stats-leaders'>
                领导班子 {data.leaders.total} 人：已交卷 {data.leaders.taken} 人，及格 {data.leaders.passed} 人
              </Text>
            ) : null}
            <View className='absent-box' id='stats-absent-text'>
              <Text>{data.absentText || `${data.unitName}没有${data.absentLabel}的已绑定党员`}</Text>
            </View>
            <View className='admin-actions'>
              <Button id='stats-copy-absent' className='admin-actions__btn' type='primary' fill='outline' onClick={() => void copyAbsent()}>
                {`复制${absentLabel}名单`}
              </Button>
              {open ? (
                <Button id='stats-remind' className='admin-actions__btn' fill='outline' loading={remind.running} onClick={() => void runRemind()}>
                  提醒未参加
                </Button>
              ) : null}
            </View>
            <FormError message={remind.error?.message} className='btn-gap' />
            {reminded && open ? (
              <>
                <Text className='admin-note' id='stats-remind-summary'>
                  {remindSummary({ ...reminded, alreadyReminded: 0 })}
                </Text>
                {reminded.withoutCredit > 0 ? (
                  <NudgeShare id='stats-nudge' text={data.absentText} shareTitle={`请按时参加考试「${bareTitle(stats.title)}」`} sharePath={`/subpackages/exam/intro?id=${examId}`} />
                ) : null}
              </>
            ) : null}
            <View id='stats-roster' className='btn-gap'>
              {data.rows.length === 0 ? (
                <EmptyView title='没有符合条件的党员' />
              ) : (
                // 补时 is for someone who has started: a running attempt, or (while open) a later attempt
                // of someone who has handed in; never for who has not started at all.
                data.rows.map((r) => (
                  <RosterItem key={r.memberId} r={r} canExtra={r.status === 'in_progress' || (open && r.status !== 'absent')} absentLabel={data.absentLabel} onAction={setAction} />
                ))
              )}
            </View>
          </>
        )}
      </Loaded>

      {action && (action.kind === 'paper' || action.kind === 'paper-amend') ? (
        <PaperDialog
          key={`${action.kind}-${action.row.memberId}`}
          examId={examId}
          totalScore={stats.totalScore}
          kind={action.kind === 'paper' ? 'record' : 'amend'}
          row={action.row}
          onDone={() => {
            roster.reload();
            onChanged();
          }}
          onClose={() => setAction(null)}
        />
      ) : action ? (
        <RowActionDialog
          key={`${action.kind}-${action.row.memberId}`}
          examId={examId}
          kind={action.kind === 'reopen' ? 'reopen' : 'extra'}
          row={action.row}
          onDone={() => {
            roster.reload();
            onChanged();
          }}
          onClose={() => setAction(null)}
        />
      ) : null}
    </View>
  );
}
