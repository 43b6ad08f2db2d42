// 工作台: an organiser's one picture of a unit's subtree for 本周, 本月 or chosen days (console.getConsole)
// — what waits for them first, then each activity in big numbers, a bar per child unit (lowest
// first) and its trend; child units open their own 工作台, and 查看未参加名单 the members' gaps.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ConsoleView } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import Loaded from '@/components/Loaded';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { ActivityCards, ChildList, PeriodPicker, WaitingCard, type PeriodChoice } from './figuresParts';
import { periodFromParams, periodPayload, periodQuery } from './period';
import LeadersCard from './LeadersCard';
import './figures.scss';

function UnitHead({ v, onOpen }: { v: ConsoleView; onOpen: (id: string) => void }) {
  return (
    <Card id='console-unit'>
      <Text className='cs-unit__name'>{v.unit.name}</Text>
      <Text className='cs-note'>
        {v.unit.kindLabel} · {v.total.units} 个组织 · 党员 {v.total.members} 人（已绑定 {v.total.bound} 人）
      </Text>
      {v.parent ? (
        <View id='console-up' className='cs-row' hoverClass='cs-row--pressed' onClick={() => onOpen(v.parent!.id)}>
          <Text className='cs-row__label'>‹ 返回上级：{v.parent.name}</Text>
        </View>
      ) : null}
      {v.scopes.length > 1 ? (
        <Chips id='console-scopes' options={v.scopes.map((s) => ({ value: s.id, label: s.name }))} selected={[v.unit.id]} onToggle={onOpen} />
      ) : null}
    </Card>
  );
}

function Console({ initialUnit }: { initialUnit: string | null }) {
  const params = useRouter().params;
  const today = beijingDayKey(Date.now());
  const [unitId, setUnitId] = useState<string | null>(initialUnit);
  const [period, setPeriod] = useState<PeriodChoice>(() => periodFromParams(params, today));
  const payload = { unitId, period: periodPayload(period) };
  const state = useAction('console', 'getConsole', payload, [unitId, period.kind, period.fromDay, period.toDay]);
  usePullDownRefresh(() => {
    state.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  const open = (id: string) => {
    setUnitId(id);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const v = state.data;
  const gapsQuery = v ? `?unitId=${v.unit.id}&${periodQuery(period)}` : '';
  return (
    <>
      {v ? <WaitingCard items={v.waiting} /> : null}
      <Card title='统计时间' id='console-when'>
        <PeriodPicker value={period} today={today} label={v && !state.loading ? v.period.label : null} onChange={setPeriod} />
      </Card>
      <Loaded state={state} fresh>
        {(data) => (
          <>
            <UnitHead v={data} onOpen={open} />
            <View className='cs-gaps'>
              <Button id='go-gaps' block type='primary' size='large' onClick={() => goPage(`${PAGE.consoleGaps}${gapsQuery}`)}>
                查看未参加名单
              </Button>
            </View>
            <LeadersCard unitId={data.unit.id} period={period} />
            <ActivityCards v={data} />
            <ChildList items={data.children} onOpen={open} />
          </>
        )}
      </Loaded>
    </>
  );
}

export default function ConsolePage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <AdminGate>{() => <Console initialUnit={params.unitId || null} />}</AdminGate>
    </PageShell>
  );
}
