// One member's row of the 未参加名单: their states in words (with a colour per state), 未绑定 with
// an invitation instead of a reminder; tapping the row opens the member's whole picture.
import { Text, View } from '@tarojs/components';
import type { GapRow } from '@core/contracts';
import { Button } from '@/components/nut';
import { goPage, PAGE } from '@/utils/nav';

/** A colour per kind of state: done, a gap to chase, or not counted yet. */
function tone(state: string): 'ok' | 'warn' | 'off' {
  if (['not_taken', 'missed', 'week_zero', 'none', 'stale', 'never', 'unbound'].includes(state)) return 'warn';
  if (['upcoming', 'in_progress'].includes(state)) return 'off';
  return 'ok';
}

export default function GapItem({ row, examTitles, periodQuery }: { row: GapRow; examTitles: Map<string, string>; periodQuery: string }) {
  const open = () => goPage(`${PAGE.consoleMember}?memberId=${row.memberId}&${periodQuery}`);
  return (
    <View className='gap-row' id={`gap-${row.memberId}`} data-bound={row.bound ? 'yes' : 'no'}>
      <View className='gap-row__head' onClick={open}>
        <Text className='gap-row__name'>{row.name}</Text>
        {row.leader ? <Text className='tag tag--gold'>领导班子</Text> : null}
        {row.bound ? null : <Text className='tag gap-tag--warn'>未绑定</Text>}
        <Text className='gap-row__unit'>{row.unitName}</Text>
      </View>
      <View className='gap-row__states' onClick={open}>
        {row.exams.map((c) => (
          <Text key={c.examId} className={`gap-state gap-state--${tone(c.state)}`} data-state={c.state}>
            {examTitles.get(c.examId) ?? '考试'}：{c.words}
          </Text>
        ))}
        <Text className={`gap-state gap-state--${tone(row.checkin.state)}`} data-state={row.checkin.state}>
          学习打卡：{row.checkin.words}
        </Text>
        {row.missedEvents.map((e) => (
          <Text key={e.eventId} className='gap-state gap-state--warn' data-state='absent'>
            {e.title}：未到场
          </Text>
        ))}
        <Text className={`gap-state gap-state--${tone(row.quiz.state)}`} data-state={row.quiz.state}>
          每日答题：{row.quiz.words}
        </Text>
      </View>
      {row.bound ? null : (
        <Button id={`gap-invite-${row.memberId}`} size='small' fill='outline' className='btn-gap' onClick={() => goPage(`${PAGE.adminInvite}?unitId=${row.unitId}`)}>
          邀请
        </Button>
      )}
    </View>
  );
}
