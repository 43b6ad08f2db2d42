// 打卡统计: how the organiser's branches are doing with the daily study check-in. A day (today by
// default) with each branch's count, members and rate and its week as small bars; a 30-day trend
// for all branches or one, drawn with plain Views; the day's xlsx; and the ways in to one branch's
// names, the challenges and the settings.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { BranchCompletion } from '@core/contracts';
import { addDays } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import Loaded, { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { barHeight, dayTitle, weekdayText } from '@/utils/checkin-format';
import { percent } from '@/utils/format';
import { goPage, PAGE } from '@/utils/nav';
import DayPicker from './components/DayPicker';
import Trend from './components/Trend';
import { useExport } from './components/useExport';
import './components/ui.scss';
import './index.scss';

function DayBar({ day, today, onChange }: { day: string; today: string; onChange: (day: string) => void }) {
  return (
    <View className='day-bar'>
      <Button id='checkin-day-prev' size='small' fill='outline' onClick={() => onChange(addDays(day, -1))}>
        ‹ 前一天
      </Button>
      <View className='day-bar__picker'>
        <DayPicker id='checkin-day' value={day} end={today} onChange={onChange} />
      </View>
      <Button id='checkin-day-next' size='small' fill='outline' disabled={day >= today} onClick={() => onChange(addDays(day, 1))}>
        后一天 ›
      </Button>
    </View>
  );
}

/** Seven small bars, oldest first, each the share of members who checked in that day. */
function WeekBars({ unit }: { unit: BranchCompletion }) {
  return (
    <View className='week' id={`week-${unit.unitId}`}>
      {unit.week.map((d) => (
        <View key={d.day} className='week__col' id={`week-${unit.unitId}-${d.day}`} data-count={d.count} aria-label={`${dayTitle(d.day)} ${d.count}人`}>
          <View className='week__track'>
            <View className='week__fill' style={{ height: `${barHeight(d.count, unit.members)}%` }} />
          </View>
          <Text className='week__label'>{weekdayText(d.day).slice(1)}</Text>
        </View>
      ))}
    </View>
  );
}

function BranchCard({ unit, day }: { unit: BranchCompletion; day: string }) {
  const rate = percent(unit.today, unit.members);
  return (
    <View
      className='branch-card'
      id={`branch-${unit.unitId}`}
      data-rate={rate}
      hoverClass='branch-card--pressed'
      onClick={() => goPage(`${PAGE.checkinBranch}?unitId=${unit.unitId}&day=${day}`)}
    >
      <View className='branch-card__head'>
        <Text className='branch-card__name'>{unit.unitName}</Text>
        <Text className='branch-card__arrow'>名单 ›</Text>
      </View>
      <View className='branch-card__main'>
        <Text className='branch-card__count' id={`branch-count-${unit.unitId}`}>
          已打卡 <Text className='branch-card__num'>{unit.today}</Text> / {unit.members} 人
        </Text>
        <Text className='branch-card__rate' id={`branch-rate-${unit.unitId}`}>
          {rate}%
        </Text>
      </View>
      <View className='ca-bar' aria-label={`完成率 ${rate}%`}>
        <View className='ca-bar__fill' style={{ width: `${rate}%` }} />
      </View>
      <Text className='ca-label'>近7天</Text>
      <WeekBars unit={unit} />
    </View>
  );
}

function Stats() {
  const [picked, setPicked] = useState<string | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const completion = useAction('checkin', 'branchCompletion', { day: picked }, [picked]);
  const exporter = useExport();
  const firstShow = useRef(true);

  // The server's day decides "today" (the phone's clock and zone may be off).
  const answered = completion.data;
  useEffect(() => {
    if (picked === null && answered) setToday(answered.day);
  }, [picked, answered]);

  const refresh = () => {
    completion.reload();
    setRefreshKey((k) => k + 1);
  };
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else refresh();
  });
  usePullDownRefresh(() => {
    refresh();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  if (!answered) return <LoadingOrError state={completion} />;
  // While another day loads, the previous answer is kept for the branch list only (the trend
  // needs the branches); the day's figures wait for their own answer.
  const day = picked ?? today ?? answered.day;
  const fresh = completion.loading || completion.error ? undefined : answered;
  const units = answered.units;
  const done = units.reduce((s, u) => s + u.today, 0);
  const members = units.reduce((s, u) => s + u.members, 0);
  // Those never bound cannot check in yet: counted apart (they need an invitation, not a nudge).
  const unbound = units.reduce((s, u) => s + Math.max(0, u.members - u.bound), 0);
  const figure = (value: string) => (fresh ? value : '…');

  return (
    <>
      <Card id='checkin-overview'>
        <DayBar day={day} today={today ?? answered.day} onChange={(d) => setPicked(d === today ? null : d)} />
        <View className='admin-stats btn-gap' id='checkin-totals'>
          <View className='admin-stats__item admin-stats__item--ok'>
            <Text className='admin-stats__value'>{figure(String(done))}</Text>
            <Text className='admin-stats__label'>已打卡</Text>
          </View>
          <View className='admin-stats__item admin-stats__item--warn'>
            <Text className='admin-stats__value'>{figure(String(Math.max(0, members - unbound - done)))}</Text>
            <Text className='admin-stats__label'>未打卡</Text>
          </View>
          <View className='admin-stats__item'>
            <Text className='admin-stats__value'>{figure(String(unbound))}</Text>
            <Text className='admin-stats__label'>未绑定</Text>
          </View>
          <View className='admin-stats__item'>
            <Text className='admin-stats__value'>{figure(`${percent(done, members)}%`)}</Text>
            <Text className='admin-stats__label'>完成率</Text>
          </View>
        </View>
        <View className='admin-actions btn-gap'>
          <Button id='checkin-export' className='admin-actions__btn' type='primary' loading={exporter.running} onClick={() => void exporter.run({ day: picked })}>
            导出Excel
          </Button>
        </View>
        <FormError message={exporter.error} className='btn-gap' />
        <View id='checkin-challenges' className='row-link btn-gap' onClick={() => goPage(PAGE.checkinChallenges)}>
          <Text>打卡活动</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='checkin-settings' className='row-link' onClick={() => goPage(PAGE.checkinSettings)}>
          <Text>打卡设置</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </Card>

      <Card title={`各支部 · ${dayTitle(day)}`} id='checkin-branches'>
        <Loaded bare state={{ ...completion, data: fresh }}>
          {(f) =>
            f.units.length === 0 ? (
              <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />
            ) : (
              f.units.map((u) => <BranchCard key={u.unitId} unit={u} day={day} />)
            )
          }
        </Loaded>
        <Text className='admin-note'>点支部可以查看谁还没有打卡、复制提醒文字和提醒，并邀请未绑定的党员。</Text>
      </Card>

      {units.length > 0 ? <Trend units={units} refreshKey={refreshKey} /> : null}
    </>
  );
}

export default function CheckinAdminIndexPage() {
  return (
    <PageShell>
      <AdminGate>{() => <Stats />}</AdminGate>
    </PageShell>
  );
}
