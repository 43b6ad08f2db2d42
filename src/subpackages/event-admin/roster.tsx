// 报名名单: who signed up, by status (全部, 已报名, 候补, 待审核, 已取消, 已签到, 未到场), with their
// branch and attendance. The organiser approves or turns down held sign-ups (with a reason the
// member sees), records attendance by hand or takes it back (always with a reason, kept on
// record), also for members who never signed up (walk-ins, no smartphone), and copies the list as a
// ready-to-send message.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { EventAdminView, EventRosterRow } from '@core/contracts';
import { REGISTRATION_STATUS_LABELS } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import { ReasonDialog } from '@/components/Dialog';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { call, copyText, toApiError } from '@/api';
import { useAction } from '@/hooks';
import { eventMoment, statusTagClass } from '@/utils/event-format';
import { attendanceLabel, ROSTER_FILTERS, type RosterFilter } from './components/format';
import WalkInDialog from './components/WalkInDialog';
import './components/ui.scss';
import './roster.scss';

const REJECT_REASONS = ['不在本次活动范围', '名额已安排给其他党员', '时间冲突'];
const ATTEND_REASONS = ['手机无法扫码', '现场签到表', '忘带手机'];
const UNATTEND_REASONS = ['登记错了', '实际未到场'];

type Pending = { kind: 'reject' | 'attend' | 'unattend'; row: EventRosterRow } | null;

const EMPTY: Record<RosterFilter, string> = {
  all: '还没有人报名',
  confirmed: '没有已报名的党员',
  waitlisted: '没有候补的党员',
  pending: '没有待审核的报名',
  cancelled: '没有取消报名的党员',
  attended: '还没有人签到',
  no_show: '没有未到场的党员（活动结束后统计）',
};

function RosterItem({
  row,
  canMark,
  approving,
  onApprove,
  onAsk,
}: {
  row: EventRosterRow;
  canMark: boolean;
  approving: boolean;
  onApprove: () => void;
  onAsk: (kind: 'reject' | 'attend' | 'unattend') => void;
}) {
  const active = row.status === 'confirmed' || row.status === 'waitlisted';
  return (
    <View className='admin-row' id={`roster-${row.memberId}`}>
      <View className='admin-row__head'>
        <Text className='admin-row__title'>{row.name}</Text>
        <Text className='muted'>{row.unitName}</Text>
      </View>
      <View className='roster-row__tags'>
        <Text className={statusTagClass(row.status)}>{REGISTRATION_STATUS_LABELS[row.status]}</Text>
        {active || row.attended ? <Text className={row.attended ? 'tag tag--ok' : 'tag'}>{attendanceLabel(row)}</Text> : null}
      </View>
      <Text className='admin-row__meta'>报名：{eventMoment(row.signedUpAt)}</Text>
      {row.attendedAt !== null ? <Text className='admin-row__meta'>签到：{eventMoment(row.attendedAt)}</Text> : null}
      {row.note ? <Text className='admin-row__meta'>备注：{row.note}</Text> : null}
      {row.status === 'pending' ? (
        <View className='admin-row__actions'>
          <Button id={`roster-approve-${row.memberId}`} size='small' type='primary' loading={approving} disabled={approving} onClick={onApprove}>
            通过
          </Button>
          <Button id={`roster-reject-${row.memberId}`} size='small' fill='outline' disabled={approving} onClick={() => onAsk('reject')}>
            不通过
          </Button>
        </View>
      ) : null}
      {canMark && active ? (
        <View className='admin-row__actions'>
          {row.attended ? (
            <Button id={`roster-unattend-${row.memberId}`} size='small' fill='outline' onClick={() => onAsk('unattend')}>
              取消出席
            </Button>
          ) : (
            <Button id={`roster-attend-${row.memberId}`} size='small' type='primary' fill='outline' onClick={() => onAsk('attend')}>
              登记出席
            </Button>
          )}
        </View>
      ) : null}
    </View>
  );
}

function Roster({ eventId, event, onChanged }: { eventId: string; event: EventAdminView | undefined; onChanged: () => void }) {
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [tick, setTick] = useState(0);
  const roster = useAction('event', 'eventRoster', { eventId, filter }, [eventId, filter, tick]);
  const [pending, setPending] = useState<Pending>(null);
  const [approving, setApproving] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [walkIn, setWalkIn] = useState(false);
  const refresh = () => {
    setTick((t) => t + 1);
    onChanged(); // the counts at the top
  };

  usePullDownRefresh(() => {
    refresh();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  // Attendance is for a published event; the server also refuses it earlier than an hour before the start.
  const canMark = event?.status === 'published';

  const approve = async (row: EventRosterRow) => {
    setApproving(row.memberId);
    setProblem(null);
    try {
      const done = await call('event', 'reviewSignUp', { eventId, memberId: row.memberId, approve: true, reason: '' });
      void Taro.showToast({ title: done.status === 'waitlisted' ? `已通过，名额已满，${row.name}进入候补` : `已通过，${row.name}已报名`, icon: 'none' });
      refresh();
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setApproving(null);
    }
  };

  const submit = async (reason: string): Promise<string | null> => {
    if (!pending) return null;
    const { kind, row } = pending;
    try {
      if (kind === 'reject') {
        await call('event', 'reviewSignUp', { eventId, memberId: row.memberId, approve: false, reason });
        void Taro.showToast({ title: `已不通过${row.name}的报名`, icon: 'none' });
      } else {
        await call('event', 'markAttendance', { eventId, memberId: row.memberId, attended: kind === 'attend', reason });
        void Taro.showToast({ title: kind === 'attend' ? `已为${row.name}登记出席` : `已取消${row.name}的出席`, icon: 'none' });
      }
      refresh();
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  };

  const copy = async () => {
    const text = roster.data?.text ?? '';
    if (!text) return;
    try {
      await copyText(text);
      void Taro.showToast({ title: '名单已复制，可粘贴到群里', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  const rows = roster.data?.rows ?? [];
  // 重试 also refreshes the counts at the top, as every other change here does.
  const list = (
    <Loaded bare state={{ ...roster, reload: refresh }}>
      {(data) =>
        data.rows.length === 0 ? (
          <EmptyView title={EMPTY[filter]} />
        ) : (
          <View id='roster-list'>
            {data.rows.map((r) => (
              <RosterItem
                key={r.memberId}
                row={r}
                canMark={canMark}
                approving={approving === r.memberId}
                onApprove={() => void approve(r)}
                onAsk={(kind) => setPending({ kind, row: r })}
              />
            ))}
          </View>
        )
      }
    </Loaded>
  );

  const dialog =
    pending?.kind === 'reject'
      ? { title: '不通过报名', desc: `不通过${pending.row.name}的报名，原因会留作记录。`, confirm: '不通过', presets: REJECT_REASONS }
      : pending?.kind === 'attend'
        ? { title: '登记出席', desc: `为${pending.row.name}登记出席，原因会留作记录。`, confirm: '登记出席', presets: ATTEND_REASONS }
        : pending?.kind === 'unattend'
          ? { title: '取消出席', desc: `取消${pending.row.name}的出席记录，原因会留作记录。`, confirm: '取消出席', presets: UNATTEND_REASONS }
          : null;

  return (
    <>
      {event ? (
        <View className='page-intro'>
          <Text className='page-intro__title'>{event.title}</Text>
          <Text className='page-intro__desc'>
            已报名 {event.counts.confirmed} 人 · 候补 {event.counts.waitlisted} 人 · 已签到 {event.counts.attended} 人
          </Text>
        </View>
      ) : null}
      <Card>
        <Chips id='roster-filter' options={ROSTER_FILTERS} selected={[filter]} onToggle={setFilter} />
        {/* Members without a smartphone, or who came without signing up: marked present by hand. */}
        {canMark && event && event.branches.length > 0 ? (
          <Button id='roster-walkin' className='btn-gap' size='small' fill='outline' onClick={() => setWalkIn(true)}>
            登记未报名党员出席
          </Button>
        ) : null}
      </Card>
      <Card
        title={`${ROSTER_FILTERS.find((f) => f.value === filter)?.label ?? ''}${roster.data ? `（${rows.length}人）` : ''}`}
        extra={
          rows.length > 0 ? (
            <Button id='roster-copy' size='small' fill='outline' type='primary' onClick={() => void copy()}>
              复制名单
            </Button>
          ) : null
        }
      >
        <FormError id='roster-error' message={problem} />
        {list}
      </Card>
      {walkIn && event ? (
        <WalkInDialog
          eventId={eventId}
          branches={event.branches}
          // The whole list, whatever the filter: a cancelled sign-up is marked from its own row.
          listed={new Set(filter === 'all' ? rows.map((r) => r.memberId) : [])}
          onDone={refresh}
          onClose={() => setWalkIn(false)}
        />
      ) : null}
      {pending && dialog ? (
        <ReasonDialog
          id='roster-dialog'
          title={dialog.title}
          desc={dialog.desc}
          confirmText={dialog.confirm}
          presets={dialog.presets}
          onSubmit={submit}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
}

function RosterLoader({ eventId }: { eventId: string }) {
  const event = useAction('event', 'getEventAdmin', { eventId }, [eventId]);
  return <Roster eventId={eventId} event={event.data} onChanged={event.reload} />;
}

export default function EventRosterPage() {
  const router = useRouter();
  const eventId = router.params.id ?? '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          eventId ? (
            <RosterLoader eventId={eventId} />
          ) : (
            <Card>
              <EmptyView title='没有找到这个活动' desc='请从“活动报名管理”打开' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
