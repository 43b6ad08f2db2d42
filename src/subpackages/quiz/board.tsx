// 竞赛排行: 单位参与 first (each unit's participation rate and average score, from the figures the
// server rolls up every ten minutes; a unit with units below it opens them), then 今日榜 and 总榜
// (the top 100; a member who has not chosen to show their name appears as 党员（未公开）). The
// member's own line is always there with their own place, whatever they chose to show others.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ContestBoard, ContestUnitRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import Segments from '@/components/Segments';
import { EmptyView } from '@/components/StateView';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { goTab } from '@/utils/nav';
import { rateText } from '@/utils/contest-format';
import './board.scss';

type Tab = ContestBoard['board'];
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'units', label: '单位参与' },
  { value: 'today', label: '今日榜' },
  { value: 'total', label: '总榜' },
];

function UnitRow({ u, onOpen, mine = false, total = false }: { u: ContestUnitRow; onOpen?: () => void; mine?: boolean; total?: boolean }) {
  return (
    <View className='board-unit' id={`board-unit-${u.unitId}`} hoverClass={onOpen ? 'board-unit--pressed' : undefined} onClick={onOpen}>
      <View className='board-unit__head'>
        <Text className='board-unit__name'>
          {mine ? '我的支部：' : ''}
          {u.name}
          {total ? '（合计）' : ''}
        </Text>
        {onOpen ? <Text className='row-link__arrow'>›</Text> : null}
      </View>
      <View className='board-bar' aria-hidden>
        <View className='board-bar__fill' style={{ width: `${u.rate}%` }} />
      </View>
      <Text className='board-unit__line'>{rateText(u.rate, u.participants, u.members)}</Text>
      <Text className='board-unit__line'>{u.rounds > 0 ? `计分 ${u.rounds} 局，平均每局 ${u.average} 分` : '还没有人完成计分局'}</Text>
    </View>
  );
}

function MeLine({ b }: { b: ContestBoard }) {
  if (!b.me) return null;
  const what = b.board === 'today' ? '今天' : '竞赛';
  return (
    <Card className='board-me' id='board-me'>
      <Text className='board-me__line'>
        我的{what}成绩：{b.me.total} 分{b.me.rank !== null ? `，第 ${b.me.rank} 名` : '（完成一局计分后显示名次）'}
      </Text>
      <Text className='board-me__hint' id='board-me-show'>
        {b.me.showRank ? '排行榜上显示您的姓名。' : '排行榜上不显示您的姓名，别人看到的是“党员（未公开）”。'}可在“我的 → 竞赛排名”中修改。
      </Text>
    </Card>
  );
}

function Units({ b, onOpen }: { b: ContestBoard; onOpen: (unitId: string | null) => void }) {
  return (
    <>
      {b.mine ? (
        <Card>
          <UnitRow u={b.mine} mine />
        </Card>
      ) : null}
      <Card title='各单位参与情况' id='board-units'>
        {b.unit ? <UnitRow u={b.unit} total /> : null}
        {b.units.map((u) => (
          <UnitRow key={u.unitId} u={u} onOpen={u.hasChildren ? () => onOpen(u.unitId) : undefined} />
        ))}
        <Text className='muted board-at' id='board-at'>
          {b.figuresAt ? `统计时间 ${formatBeijing(b.figuresAt).slice(5)}，每10分钟更新` : '统计每10分钟更新一次，稍后再来看'}
        </Text>
      </Card>
    </>
  );
}

function People({ b }: { b: ContestBoard }) {
  return (
    <Card title={b.board === 'today' ? `今日榜（${b.day.slice(5)}）` : '总榜'} id='board-people'>
      {b.people.length === 0 ? (
        <EmptyView title='还没有人上榜' desc='完成一局计分的答题就会出现在这里' />
      ) : (
        b.people.map((p, i) => (
          <View key={i} className={`board-person${p.me ? ' board-person--me' : ''}`}>
            <Text className='board-person__rank'>{p.rank}</Text>
            <View className='board-person__main'>
              <Text className='board-person__name'>{p.name}</Text>
              {p.unitName ? <Text className='board-person__unit'>{p.unitName}</Text> : null}
            </View>
            <Text className='board-person__score'>{p.total} 分</Text>
          </View>
        ))
      )}
    </Card>
  );
}

export default function QuizBoardPage() {
  const contestId = useRouter().params.id ?? '';
  const [tab, setTab] = useState<Tab>('units');
  const [unitStack, setUnitStack] = useState<string[]>([]);
  const unitId = unitStack[unitStack.length - 1] ?? null;
  const board = useAction('quiz', 'getContestBoard', contestId ? { contestId, board: tab, unitId: tab === 'units' ? unitId : null } : null, [contestId, tab, unitId]);
  usePullDownRefresh(() => {
    board.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  if (!contestId) {
    return (
      <PageShell>
        <Card>
          <EmptyView
            title='没有找到这个竞赛'
            desc='请从“答题”页的知识竞赛进入'
            action={
              <Button block type='primary' onClick={() => goTab('answer')}>
                返回答题
              </Button>
            }
          />
        </Card>
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className='board-tabs'>
        <Segments id='board-tab' options={TABS} value={tab} onChange={setTab} />
      </View>
      <Loaded state={board}>
        {(b) => (
          <>
            <Text className='board-title'>{b.title}</Text>
            <MeLine b={b} />
            {b.board === 'units' ? (
              <>
                {unitStack.length > 0 ? (
                  <View className='row-link board-back' id='board-up' onClick={() => setUnitStack(unitStack.slice(0, -1))}>
                    <Text>‹ 返回上一级</Text>
                  </View>
                ) : null}
                <Units b={b} onOpen={(id) => id && setUnitStack([...unitStack, id])} />
              </>
            ) : (
              <People b={b} />
            )}
          </>
        )}
      </Loaded>
    </PageShell>
  );
}
