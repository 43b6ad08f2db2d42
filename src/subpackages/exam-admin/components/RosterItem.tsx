// One member in the stats page's branch roster: status (未参加 while open, 缺考 after; 未绑定 apart),
// score, time taken, and the 补时 / 重新开放 buttons (补时 only for someone who has started).
import { Text, View } from '@tarojs/components';
import type { RosterRow } from '@core/contracts';
import { Button } from '@/components/nut';
import { formatSeconds, rosterStatusLabel } from './format';

/** The roster action an organiser has opened: extra time, or reopening a handed-in attempt. */
export type RowAction = { kind: 'extra' | 'reopen'; row: RosterRow } | null;

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
        {r.flagged ? <Text className='tag tag--red'>! 切屏标记</Text> : null}
        {r.score !== null ? <Text className='roster-row__score'>{r.score} 分</Text> : null}
      </View>
      <View className='roster-row__line'>
        {r.durationSeconds !== null ? <Text>用时 {formatSeconds(r.durationSeconds)}</Text> : null}
        {r.attempts > 0 ? <Text>答题 {r.attempts} 次</Text> : null}
        {r.extraMinutes > 0 ? <Text>已补时 {r.extraMinutes} 分钟</Text> : null}
      </View>
      {canExtra || (submitted && r.attemptId) ? (
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
        </View>
      ) : null}
    </View>
  );
}
