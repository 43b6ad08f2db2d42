// 支部打卡名单: one branch on one day — who has checked in (and how long they studied), who made
// the day up, who has not, and who never bound WeChat (未绑定: they cannot check in yet, so they
// get an invitation, never a reminder). The nudge for those who have not is ready to paste into
// the branch's group chat; 提醒未打卡 sends today's reminder to those who allowed one and says
// honestly whom it could not reach; the day exports as xlsx.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { CheckinResponses, DayRosterRow } from '@core/contracts';
import { remindSummary } from '@core/domain/nudge';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import NudgeShare from '@/components/NudgeShare';
import { copyText } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { dayTitle, rosterStatus, weekdayText } from '@/utils/checkin-format';
import { goPage, PAGE } from '@/utils/nav';
import { useExport } from './components/useExport';
import './components/ui.scss';
import './components/unbound.scss';
import './branch.scss';

type Filter = 'all' | 'missing' | 'unbound';
type RemindResult = CheckinResponses['remindBranch'];

/** Not checked in and never bound: 未绑定, apart from 未打卡 (binding comes first). */
const isUnbound = (row: DayRosterRow) => !row.bound && !row.checkedIn;

function RosterItem({ row, unitId }: { row: DayRosterRow; unitId: string }) {
  const unbound = isUnbound(row);
  const status = unbound ? { key: 'unbound', label: '未绑定' } : rosterStatus(row);
  return (
    <View className='ca-row' id={`roster-${row.memberId}`} data-status={status.key}>
      <View className='ca-row__head'>
        <Text className='ca-row__title'>{row.name}</Text>
        {row.leader ? <Text className='tag tag--gold'>领导班子</Text> : null}
        {row.minutes !== null ? <Text className='roster-minutes'>{row.minutes} 分钟</Text> : null}
        <Text className={`tag ca-status--${status.key}`}>{status.label}</Text>
      </View>
      {unbound ? (
        <Button id={`roster-invite-${row.memberId}`} size='small' fill='outline' className='btn-gap' onClick={() => goPage(`${PAGE.adminInvite}?unitId=${unitId}`)}>
          发送邀请
        </Button>
      ) : null}
    </View>
  );
}

function RemindBox({ result }: { result: RemindResult }) {
  return (
    <View className='admin-stats btn-gap' id='remind-result'>
      <View className='admin-stats__item admin-stats__item--ok' id='remind-sent'>
        <Text className='admin-stats__value'>{result.sent}</Text>
        <Text className='admin-stats__label'>已提醒</Text>
      </View>
      <View className='admin-stats__item admin-stats__item--warn' id='remind-without-credit'>
        <Text className='admin-stats__value'>{result.withoutCredit}</Text>
        <Text className='admin-stats__label'>未开启提醒</Text>
      </View>
      <View className='admin-stats__item' id='remind-unbound'>
        <Text className='admin-stats__value'>{result.unbound}</Text>
        <Text className='admin-stats__label'>未绑定</Text>
      </View>
      <View className='admin-stats__item' id='remind-already'>
        <Text className='admin-stats__value'>{result.alreadyReminded}</Text>
        <Text className='admin-stats__label'>今天已提醒过</Text>
      </View>
    </View>
  );
}

function BranchRoster({ unitId, day }: { unitId: string; day: string | null }) {
  const [filter, setFilter] = useState<Filter>('all');
  const [reminded, setReminded] = useState<RemindResult | null>(null);
  const roster = useAction('checkin', 'branchDayRoster', { unitId, day }, [unitId, day]);
  const remind = useMutation('checkin', 'remindBranch');
  const exporter = useExport();

  usePullDownRefresh(() => {
    roster.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  if (!roster.data) return <LoadingOrError state={roster} />;
  const data = roster.data;
  const checked = data.rows.filter((r) => r.checkedIn).length;
  const unbound = data.rows.filter(isUnbound).length;
  const missing = data.rows.length - checked - unbound;
  const rows = filter === 'missing' ? data.rows.filter((r) => !r.checkedIn && r.bound) : filter === 'unbound' ? data.rows.filter(isUnbound) : data.rows;
  // Reminders are always about today; on an earlier day the button says so.
  const isToday = data.day === beijingDayKey(Date.now());

  const copy = async () => {
    if (data.missingText === '') {
      void Taro.showToast({ title: '没有需要提醒打卡的党员', icon: 'none' });
      return;
    }
    try {
      await copyText(data.missingText);
      void Taro.showToast({ title: '已复制', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  const runRemind = async () => {
    const done = await remind.run({ unitId });
    if (!done) return;
    setReminded(done);
    void Taro.showToast({ title: remindSummary(done), icon: 'none', duration: 3000 });
  };

  return (
    <>
      <Card id='roster-head'>
        <Text className='roster-head__name'>{data.unitName}</Text>
        <Text className='roster-head__day' id='roster-day'>
          {dayTitle(data.day)} {weekdayText(data.day)}
        </Text>
        <View className='admin-stats btn-gap' id='roster-counts'>
          <View className='admin-stats__item admin-stats__item--ok'>
            <Text className='admin-stats__value'>{checked}</Text>
            <Text className='admin-stats__label'>已打卡</Text>
          </View>
          <View className='admin-stats__item admin-stats__item--warn'>
            <Text className='admin-stats__value'>{missing}</Text>
            <Text className='admin-stats__label'>未打卡</Text>
          </View>
          <View className='admin-stats__item'>
            <Text className='admin-stats__value'>{unbound}</Text>
            <Text className='admin-stats__label'>未绑定</Text>
          </View>
          <View className='admin-stats__item'>
            <Text className='admin-stats__value'>{data.rows.length}</Text>
            <Text className='admin-stats__label'>共</Text>
          </View>
        </View>
        {data.leaders.total > 0 ? (
          <Text className='ca-leaders' id='roster-leaders'>
            领导班子 {data.leaders.total} 人，已打卡 {data.leaders.done} 人
          </Text>
        ) : null}
        <View className='ca-textbox' id='roster-missing-text'>
          <Text>{data.missingText || (missing === 0 && unbound === 0 ? `${data.unitName}全部党员都已打卡` : '已绑定的党员都已打卡')}</Text>
        </View>
        <View className='admin-actions'>
          <Button id='roster-copy' className='admin-actions__btn' type='primary' fill='outline' onClick={() => void copy()}>
            复制提醒文字
          </Button>
          <Button id='roster-remind' className='admin-actions__btn' fill='outline' loading={remind.running} disabled={remind.running} onClick={() => void runRemind()}>
            {isToday ? '提醒未打卡' : '提醒今天未打卡'}
          </Button>
        </View>
        <FormError message={remind.error?.message} className='btn-gap' />
        {reminded ? (
          <>
            <RemindBox result={reminded} />
            <Text className='remind-summary' id='remind-summary'>
              {remindSummary(reminded)}
            </Text>
            {reminded.withoutCredit > 0 ? (
              <NudgeShare id='remind' text={data.missingText} shareTitle='请今天完成学习打卡' sharePath='/pages/study/index' />
            ) : null}
          </>
        ) : null}
        <Text className='admin-note'>提醒只发给开启了打卡提醒的党员，每人每天最多一次。未绑定的党员收不到提醒，请点名单里的“发送邀请”。</Text>
        <Button id='roster-export' block className='btn-gap' type='primary' loading={exporter.running} onClick={() => void exporter.run({ unitId, day: data.day })}>
          导出本支部Excel
        </Button>
        <FormError message={exporter.error} className='btn-gap' />
      </Card>

      <Card title='名单' id='roster-card'>
        <View className='seg'>
          <View id='roster-filter-all' className={filter === 'all' ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setFilter('all')}>
            {filter === 'all' ? '✓ ' : ''}全部 {data.rows.length}
          </View>
          <View id='roster-filter-missing' className={filter === 'missing' ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setFilter('missing')}>
            {filter === 'missing' ? '✓ ' : ''}未打卡 {missing}
          </View>
          <View id='roster-filter-unbound' className={filter === 'unbound' ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setFilter('unbound')}>
            {filter === 'unbound' ? '✓ ' : ''}未绑定 {unbound}
          </View>
        </View>
        <View id='roster-list' className='btn-gap'>
          {rows.length === 0 ? (
            <EmptyView title={filter === 'all' ? '支部名单是空的' : filter === 'missing' ? '已绑定的党员都已打卡' : '全部党员都已绑定'} desc={filter === 'all' ? '请先在管理后台导入名单' : undefined} />
          ) : (
            rows.map((r) => <RosterItem key={r.memberId} row={r} unitId={unitId} />)
          )}
        </View>
      </Card>
    </>
  );
}

export default function CheckinBranchPage() {
  const router = useRouter();
  const unitId = router.params.unitId || '';
  const day = router.params.day || null;
  return (
    <PageShell>
      <AdminGate>
        {() =>
          unitId ? (
            <BranchRoster unitId={unitId} day={day} />
          ) : (
            <Card>
              <EmptyView title='没有指定支部' desc='请从“打卡统计”进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
