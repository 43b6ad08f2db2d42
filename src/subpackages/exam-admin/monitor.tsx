// 监考: the exam while it runs — who is answering, how far each has got, time left (on the
// server's clock), page switches — refreshed every 10 seconds while the page is shown. The
// organiser can give extra time (补时) or close an attempt (强制收卷), each with a reason.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import type { ExamMonitorView, MonitorAttempt } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { ReasonDialog } from '@/components/Dialog';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { call, toApiError } from '@/api';
import { useAction } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { formatCountdown, PHASE_LABELS, PHASE_TAG_CLASS } from './components/format';
import './components/ui.scss';
import './monitor.scss';

const POLL_MS = 10_000;
const EXTRA_REASONS = ['网络中断', '手机故障', '不熟悉操作', '其他特殊情况'];
const FORCE_REASONS = ['考试时间已到', '违反考试纪律', '党员请求交卷'];

type Pending = { kind: 'extra' | 'force'; attempt: MonitorAttempt } | { kind: 'extra-all'; attempts: MonitorAttempt[] } | null;

function AttemptItem({ a, now, onExtra, onForce }: { a: MonitorAttempt; now: number; onExtra: () => void; onForce: () => void }) {
  const left = a.deadline - now;
  return (
    <View className='admin-row' id={`monitor-${a.attemptId}`}>
      <View className='admin-row__head'>
        <Text className='admin-row__title'>{a.name}</Text>
        <Text className='muted'>{a.unitName}</Text>
        {a.flagged ? <Text className='tag tag--red'>! 标记</Text> : null}
      </View>
      <View className='monitor-row__line'>
        <Text>
          已答 {a.answeredCount}/{a.questionCount}
        </Text>
        <Text>
          剩余 <Text className={left < 5 * 60_000 ? 'monitor-row__left monitor-row__left--low' : 'monitor-row__left'}>{formatCountdown(left)}</Text>
        </Text>
        <Text>切屏 {a.switchCount} 次</Text>
      </View>
      <View className='admin-row__actions'>
        <Button id={`monitor-extra-${a.attemptId}`} size='small' fill='outline' type='primary' onClick={onExtra}>
          补时
        </Button>
        <Button id={`monitor-force-${a.attemptId}`} size='small' fill='outline' onClick={onForce}>
          强制收卷
        </Button>
      </View>
    </View>
  );
}

function Monitor({ examId }: { examId: string }) {
  const view = useAction('exam', 'examMonitor', { examId }, [examId]);
  const [offset, setOffset] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [pending, setPending] = useState<Pending>(null);
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const shown = useRef(true);

  // Time left is counted on the server's clock: the phone's own clock may be minutes off.
  const last = useRef<ExamMonitorView | undefined>(undefined);
  useEffect(() => {
    if (view.data && view.data !== last.current) {
      last.current = view.data;
      setOffset(view.data.serverNow - Date.now());
      setSyncedAt(view.data.serverNow);
    }
  }, [view.data]);

  const { reload } = view;
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const poll = setInterval(() => {
      if (shown.current) reload();
    }, POLL_MS);
    return () => {
      clearInterval(tick);
      clearInterval(poll);
    };
  }, [reload]);

  useDidShow(() => {
    if (!shown.current) view.reload();
    shown.current = true;
  });
  useDidHide(() => {
    shown.current = false;
  });

  if (!view.data) return <LoadingOrError state={view} />;
  const m = view.data;
  const serverNow = now + offset;

  const submit = async (reason: string, minutes = 0): Promise<string | null> => {
    if (!pending) return null;
    try {
      if (pending.kind === 'extra-all') {
        // A batch (a power cut in the room, a late start): everyone answering now, one reason.
        const res = await call('exam', 'grantExtraTime', { examId, memberIds: pending.attempts.map((a) => a.memberId), minutes, reason });
        void Taro.showToast({ title: `已为 ${res.updated} 人补时 ${minutes} 分钟`, icon: 'none' });
      } else if (pending.kind === 'extra') {
        await call('exam', 'grantExtraTime', { examId, memberIds: [pending.attempt.memberId], minutes, reason });
        void Taro.showToast({ title: `已为${pending.attempt.name}补时 ${minutes} 分钟`, icon: 'none' });
      } else {
        const result = await call('exam', 'forceSubmit', { attemptId: pending.attempt.attemptId, reason });
        void Taro.showToast({ title: `已收卷，${pending.attempt.name} 得 ${result.score} 分`, icon: 'none' });
      }
      view.reload();
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  };

  return (
    <>
      <Card id='monitor-summary'>
        <View className='admin-row__head'>
          <Text className='monitor-head__title'>{m.title}</Text>
          <Text className={PHASE_TAG_CLASS[m.phase]}>{PHASE_LABELS[m.phase]}</Text>
        </View>
        <Text className='monitor-head__sync'>
          每 10 秒自动刷新{syncedAt ? `，最近 ${formatBeijing(syncedAt).slice(11)}` : ''}
          {view.error ? `；刷新失败：${view.error.message}` : ''}
        </Text>
        <View className='admin-stats' id='monitor-counts'>
          <View className='admin-stats__item admin-stats__item--red'>
            <Text className='admin-stats__value'>{m.inProgress}</Text>
            <Text className='admin-stats__label'>答题中</Text>
          </View>
          <View className='admin-stats__item admin-stats__item--ok'>
            <Text className='admin-stats__value'>{m.submitted}</Text>
            <Text className='admin-stats__label'>已交卷</Text>
          </View>
          <View className='admin-stats__item admin-stats__item--warn'>
            <Text className='admin-stats__value'>{m.flagged}</Text>
            <Text className='admin-stats__label'>被标记</Text>
          </View>
        </View>
        <Button block className='btn-gap' fill='outline' onClick={() => goPage(`${PAGE.examStats}?id=${examId}`)}>
          查看成绩统计
        </Button>
      </Card>

      <Card title='正在答题' id='monitor-list'>
        {m.attempts.length > 1 ? (
          <Button id='monitor-extra-all' block className='btn-gap' fill='outline' onClick={() => setPending({ kind: 'extra-all', attempts: m.attempts.slice(0, 200) })}>
            为正在答题的 {Math.min(m.attempts.length, 200)} 人一起补时
          </Button>
        ) : null}
        {m.attempts.length === 0 ? (
          <EmptyView title='现在没有人在答题' desc={m.phase === 'open' ? '党员开始答题后会出现在这里' : '考试不在进行中'} />
        ) : (
          m.attempts.map((a) => (
            <AttemptItem
              key={a.attemptId}
              a={a}
              now={serverNow}
              onExtra={() => setPending({ kind: 'extra', attempt: a })}
              onForce={() => setPending({ kind: 'force', attempt: a })}
            />
          ))
        )}
      </Card>

      {pending ? (
        <ReasonDialog
          key={pending.kind === 'extra-all' ? 'extra-all' : `${pending.kind}-${pending.attempt.attemptId}`}
          id={pending.kind === 'force' ? 'force-dialog' : 'extra-dialog'}
          title={
            pending.kind === 'extra-all'
              ? `为 ${pending.attempts.length} 人一起补时`
              : pending.kind === 'extra'
                ? `为${pending.attempt.name}补时`
                : `强制收卷：${pending.attempt.name}`
          }
          desc={
            pending.kind === 'force'
              ? `将按已作答的 ${pending.attempt.answeredCount} 题立即评分，本次答题结束。`
              : '补的时间会立即加到本次答题的剩余时间上。'
          }
          confirmText={pending.kind === 'force' ? '确认收卷' : '确认补时'}
          minutes={pending.kind === 'force' ? undefined : 10}
          minLength={1}
          presets={pending.kind === 'force' ? FORCE_REASONS : EXTRA_REASONS}
          onSubmit={submit}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
}

export default function MonitorPage() {
  const router = useRouter();
  const examId = router.params.id || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          examId ? (
            <Monitor examId={examId} />
          ) : (
            <Card>
              <EmptyView title='没有指定考试' desc='请从“考试管理”进入' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
