// 答题异常: the daily quiz's flags for organisers (listQuizFlags) — per member of their subtrees and
// Beijing day, answers faster than a person reads, answers refused, rounds refused for coming too
// fast — with what each means in plain words. Members are not told (a script told it was caught
// learns to wait), so the page says so. Rows are drawn as on a contest's page (./figures.tsx).
import { useState } from 'react';
import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { addDays, beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { FlagRow } from './figures';
import './ui.scss';

/** Today and the days before it an organiser may look back on here. */
const DAYS_BACK = 7;

function dayLabel(offset: number, day: string): string {
  if (offset === 0) return '今天';
  if (offset === 1) return '昨天';
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8))}日`;
}

function QuizFlags() {
  const today = beijingDayKey(Date.now());
  const days = Array.from({ length: DAYS_BACK }, (_, i) => ({ value: addDays(today, -i), label: dayLabel(i, addDays(today, -i)), key: String(i) }));
  const [day, setDay] = useState(today);
  const flags = usePaged('quiz', 'listQuizFlags', { day, limit: 20 }, [day]);
  usePullDownRefresh(() => {
    flags.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  return (
    <>
      <Card title='每日答题异常提醒' id='qf-about'>
        <Text className='admin-note'>这里列出您管理的组织里，每日答题中出现下面情况的党员，按天记录：</Text>
        <Text className='qa-line'>· 答得太快：还没来得及读完题就交了答案，可能是用程序自动答题。答案照常计分，只记一次提醒。</Text>
        <Text className='qa-line'>· 被拒绝的作答：答了没发给自己的题、别人的题、答过的题，或者跳着答，这些作答不算数。</Text>
        <Text className='qa-line'>· 开局过于频繁：一分钟内开始了太多组题，多出来的没有开始。</Text>
        <Text className='admin-note'>这些提醒不会告诉党员本人，只供组织者了解情况；偶尔一两次不必在意，多次出现可以当面问一问。</Text>
      </Card>
      <Card title='按天查看' id='qf-list'>
        <Chips id='qf-day' className='qa-days' options={days} selected={[day]} onToggle={setDay} />
        <PagedList list={flags} empty={{ title: '这一天没有异常答题', desc: '出现时会显示在这里' }} moreId='qf-more' endText={`共 ${flags.items.length} 人`}>
          {(items) =>
            items.map((r) => (
              <FlagRow
                key={r.memberId}
                id={`qf-flag-${r.memberId}`}
                name={r.name}
                unitName={r.unitName}
                counts={[
                  ['答得太快', r.fast],
                  ['被拒绝的作答', r.refused],
                  ['开局过于频繁', r.limited],
                ]}
                lastAt={r.lastAt}
                lastDetail={r.lastDetail}
              />
            ))
          }
        </PagedList>
      </Card>
    </>
  );
}

export default function QuizFlagsPage() {
  return (
    <PageShell>
      <AdminGate>{() => <QuizFlags />}</AdminGate>
    </PageShell>
  );
}
