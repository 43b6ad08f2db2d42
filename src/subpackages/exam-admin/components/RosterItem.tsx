// One member in the stats page's branch roster: status (未参加 while open, 缺考 after; 未绑定 apart),
// score, time taken, and the 补时 / 重新开放 buttons (补时 only for someone who has started); a result
// recorded by hand from paper is marked 手工录入 with its trace, and 录入纸质成绩 is offered to who has not taken it.
import { Text, View } from '@tarojs/components';
import type { RosterRow } from '@core/contracts';
import { Button } from '@/components/nut';
import { formatSeconds, rosterStatusLabel } from './format';

/** The roster action an organiser has opened: extra time, reopening a handed-in attempt, or a paper result. */
export type RowAction = { kind: 'extra' | 'reopen' | 'paper' | 'paper-amend'; row: RosterRow } | null;

export default function RosterItem({
  r,
  canExtra,
  absentLabel,
  onAction,
}: {
  r: RosterRow;
  canExtra: boolean;
  absentLabel: '未参加' | '缺考';
  onAction: (a: RowAction) => void;
}) {
  const submitted = r.status === 'passed' || r.status === 'failed';
  return (
    <View className='admin-row' id={`roster-${r.memberId}`}>
      <View className='admin-row__head'>
        <Text className='admin-row__title'>{r.name}</Text>
        {r.leader ? <Text className='tag tag--gold'>领导班子</Text> : null}
        <Text className={`tag roster-status--${r.status}`}>{rosterStatusLabel(r.status, absentLabel)}</Text>
        {!r.bound && r.status === 'absent' ? <Text className='tag'>未绑定</Text> : null}
        {r.paper ? <Text className='tag tag--gold'>手工录入</Text> : null}
        {r.flagged ? <Text className='tag tag--red'>! 切屏标记</Text> : null}
        {r.score !== null ? <Text className='roster-row__score'>{r.score} 分</Text> : null}
      </View>
      <View className='roster-row__line'>
        {r.durationSeconds !== null ? <Text>用时 {formatSeconds(r.durationSeconds)}</Text> : null}
        {r.attempts > 0 ? <Text>答题 {r.attempts} 次</Text> : null}
        {r.extraMinutes > 0 ? <Text>已补时 {r.extraMinutes} 分钟</Text> : null}
        {r.paper ? <Text>纸质考试 {r.paper.takenOn}（{r.paper.note}，{r.paper.recordedBy}录入）</Text> : null}
      </View>
      {r.paper && r.paper.trace.length > 1 ? (
        <View className='roster-row__line' id={`roster-trace-${r.memberId}`}>
          {r.paper.trace.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </View>
      ) : null}
      {canExtra || (submitted && r.attemptId) || r.status === 'absent' || r.paper ? (
        <View className='admin-row__actions'>
          {canExtra ? (
            <Button id={`roster-extra-${r.memberId}`} size='small' fill='outline' onClick={() => onAction({ kind: 'extra', row: r })}>
              补时
            </Button>
          ) : null}
          {submitted && r.attemptId ? (
            <Button id={`roster-reopen-${r.memberId}`} size='small' fill='outline' onClick={() => onAction({ kind: 'reopen', row: r })}>
              重新开放
            </Button>
          ) : null}
          {/* Not taken online: the score of a paper taken at home or in the meeting room. */}
          {r.status === 'absent' ? (
            <Button id={`roster-paper-${r.memberId}`} size='small' fill='outline' onClick={() => onAction({ kind: 'paper', row: r })}>
              录入纸质成绩
            </Button>
          ) : null}
          {r.paper ? (
            <Button id={`roster-paper-amend-${r.memberId}`} size='small' fill='outline' onClick={() => onAction({ kind: 'paper-amend', row: r })}>
              更正
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
