// A contest's figures for its organisers: participation per unit (a unit's children, each with its
// whole subtree: members, participants, rate as a number and a bar, counting rounds, the average
// score), over the whole contest or one day; a unit with units below it opens them. And the flags:
// members of the organiser's subtrees whose answers came too fast, late, refused, or who started
// too many rounds a minute.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ContestUnitRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import Loaded from '@/components/Loaded';
import PagedList from '@/components/PagedList';
import { useAction, usePaged } from '@/hooks';
import { rateText } from '@/utils/contest-format';

const ALL = 'all';

function UnitFigure({ u, total = false, onOpen }: { u: ContestUnitRow; total?: boolean; onOpen?: () => void }) {
  return (
    <View className='qa-unit' id={`qa-unit-${u.unitId}`} hoverClass={onOpen ? 'admin-row--pressed' : undefined} onClick={onOpen}>
      <Text className='qa-unit__name'>
        {u.name}
        {total ? '（合计）' : ''}
        {onOpen ? ' ›' : ''}
      </Text>
      <View className='qa-bar' aria-hidden>
        <View className='qa-bar__fill' style={{ width: `${u.rate}%` }} />
      </View>
      <Text className='qa-line'>{rateText(u.rate, u.participants, u.members)}</Text>
      <Text className='qa-line'>{u.rounds > 0 ? `计分 ${u.rounds} 局，平均每局 ${u.average} 分` : '还没有人完成计分局'}</Text>
    </View>
  );
}

export function ContestFiguresCard({ contestId, refreshKey }: { contestId: string; refreshKey: number }) {
  const [day, setDay] = useState<string>(ALL);
  const [stack, setStack] = useState<string[]>([]);
  const unitId = stack[stack.length - 1] ?? null;
  const figures = useAction('quiz', 'getContestFigures', { contestId, unitId, day: day === ALL ? null : day }, [contestId, unitId, day, refreshKey]);
  const days = figures.data?.days ?? [];
  return (
    <Card title='各单位参与情况' id='qa-figures'>
      {days.length > 0 ? (
        <Chips
          id='qa-day'
          className='qa-days'
          options={[{ value: ALL, label: '全部日期' }, ...days.map((d) => ({ value: d, label: `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日` }))]}
          selected={[day]}
          onToggle={setDay}
        />
      ) : null}
      {stack.length > 0 ? (
        <View className='row-link' id='qa-up' onClick={() => setStack(stack.slice(0, -1))}>
          <Text>‹ 返回上一级</Text>
        </View>
      ) : null}
      <Loaded state={figures} bare>
        {(f) => (
          <>
            {f.unit ? <UnitFigure u={f.unit} total /> : null}
            {f.rows.map((u) => (
              <UnitFigure key={u.unitId} u={u} onOpen={u.hasChildren ? () => setStack([...stack, u.unitId]) : undefined} />
            ))}
            <Text className='muted qa-line' id='qa-figures-at'>
              {f.figuresAt ? `统计时间 ${formatBeijing(f.figuresAt).slice(5)}，每10分钟更新` : '统计每10分钟更新一次，竞赛开始后稍等片刻'}
            </Text>
          </>
        )}
      </Loaded>
    </Card>
  );
}

/** One member's flags: what happened, counted, in words, and the latest record. Shared with 答题异常 (./flags.tsx). */
export function FlagRow({ id, name, unitName, counts, lastAt, lastDetail }: { id: string; name: string; unitName: string; counts: Array<[string, number]>; lastAt: number; lastDetail: string }) {
  return (
    <View className='qa-flag' id={id}>
      <Text className='qa-unit__name'>
        {name}
        {unitName ? `（${unitName}）` : ''}
      </Text>
      <Text className='qa-line'>
        {counts
          .filter(([, n]) => n > 0)
          .map(([what, n]) => `${what} ${n} 次`)
          .join('，')}
      </Text>
      <Text className='qa-line muted'>
        最近：{formatBeijing(lastAt).slice(5)} {lastDetail}
      </Text>
    </View>
  );
}

export function ContestFlagsCard({ contestId, refreshKey }: { contestId: string; refreshKey: number }) {
  const flags = usePaged('quiz', 'listContestFlags', { contestId, limit: 20 }, [contestId, refreshKey]);
  return (
    <Card title='异常答题提醒' id='qa-flags'>
      <Text className='admin-note'>答得比读题还快、超时提交、答了没发给自己的题，或一分钟内开始太多局的，会记在这里；太快和超时的题不得分。</Text>
      <PagedList list={flags} empty={{ title: '没有异常答题', desc: '出现时会显示在这里' }} moreId='qa-flags-more' endText={`共 ${flags.items.length} 人`}>
        {(items) =>
          items.map((r) => (
            <FlagRow
              key={r.memberId}
              id={`qa-flag-${r.memberId}`}
              name={r.name}
              unitName={r.unitName}
              counts={[
                ['答得太快', r.fast],
                ['超时提交', r.late],
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
  );
}
