// 未参加名单: each member of a unit's subtree with their gaps in the period — exams (未参加 while
// open, 缺考 after the close), check-ins, events missed, the daily quiz — leaders apart, 未绑定
// entries with 邀请 (never a reminder). The nudge block gives the copy text, sends the reminders
// through the owning context's actions and says honestly whom they reached; the list exports.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import type { GapList as GapListData, GapRow, GapsNudge } from '@core/contracts';
import { ACTIVITY_WORDS, GAP_ACTIVITIES, type GapActivity } from '@core/domain/console/gaps';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { call, copyText, IS_H5, openFile } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { beijingDayKey } from '@core/domain/time';
import GapItem from './gaps/GapItem';
import { PeriodPicker, type PeriodChoice } from './figuresParts';
import { periodFromParams, periodPayload, periodQuery } from './period';
import './gaps/gaps.scss';


/** The reminders the owning contexts send, per unit; what they answered, summed. */
async function sendReminders(n: GapsNudge, examId: string | null): Promise<{ sent: number; without: number }> {
  let sent = 0;
  let without = 0;
  for (const u of n.remindUnits) {
    const res =
      n.activity === 'exam' && examId
        ? await call('exam', 'remindAbsentees', { examId, unitId: u.unitId })
        : await call('checkin', 'remindBranch', { unitId: u.unitId });
    sent += res.sent;
    without += res.withoutCredit;
  }
  return { sent, without };
}

function NudgeBlock({ unitId, period, activity, examId }: { unitId: string; period: PeriodChoice; activity: GapActivity; examId: string | null }) {
  const nudge = useAction('console', 'gapsNudge', { unitId, period: periodPayload(period), activity, refId: examId }, [unitId, periodQuery(period), activity, examId]);
  const [result, setResult] = useState<{ sent: number; without: number } | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = nudge.data;
  useShareAppMessage(() => ({ title: n ? `请${n.deadline ? '按时' : '尽快'}完成：${n.title}` : '学习提醒', path: activity === 'exam' ? '/pages/answer/index' : '/pages/home/index' }));
  if (!n) return <LoadingOrError state={nudge} />;
  const copy = async (toast: string) => {
    try {
      await copyText(n.text);
      void Taro.showToast({ title: toast, icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };
  const remind = async () => {
    setSending(true);
    setError(null);
    try {
      setResult(await sendReminders(n, examId));
    } catch (e) {
      setError(e instanceof Error ? e.message : '提醒没有发出，请重试');
    } finally {
      setSending(false);
    }
  };
  // Those a reminder did not reach go to the group chat: no credit, or it was not taken. The
  // check-in reminder goes to everyone not checked in today, so it may reach more than the list.
  const notReached = result ? n.notRemindable + Math.max(0, n.remindable - result.sent) : n.notRemindable;
  return (
    <View id='gap-nudge'>
      <View className='gap-text' id='gap-nudge-text'>
        <Text>{n.text}</Text>
      </View>
      <Text className='gap-counts' id='gap-nudge-counts'>
        {result ? `已提醒 ${result.sent} 人；` : `可发送提醒 ${n.remindable} 人；`}
        {`${notReached} 人未开启提醒，可转发到群里；${n.unbound} 人未绑定，请发送邀请`}
      </Text>
      <View className='admin-actions btn-gap'>
        <Button id='gap-copy' className='admin-actions__btn' type='primary' fill='outline' onClick={() => void copy('提醒文字已复制，可粘贴到群里')}>
          复制提醒文字
        </Button>
        {n.remindUnits.length > 0 ? (
          <Button id='gap-remind' className='admin-actions__btn' fill='outline' loading={sending} disabled={sending || result !== null} onClick={() => void remind()}>
            发送提醒
          </Button>
        ) : null}
        {IS_H5 ? (
          <Button id='gap-share' className='admin-actions__btn' fill='outline' onClick={() => void copy('已复制，请粘贴到微信群里')}>
            转发到群
          </Button>
        ) : (
          <Button id='gap-share' className='admin-actions__btn' fill='outline' openType='share'>
            转发到群
          </Button>
        )}
      </View>
      <FormError message={error ?? undefined} className='btn-gap' />
    </View>
  );
}

function GapList({ unitId, initial }: { unitId: string; initial: PeriodChoice }) {
  const today = beijingDayKey(Date.now());
  const [period, setPeriod] = useState<PeriodChoice>(initial);
  const q = periodQuery(period);
  const [filter, setFilter] = useState<GapActivity | 'all'>('all');
  const [examId, setExamId] = useState<string | null>(null);
  const list = useAction('console', 'listGaps', { unitId, period: periodPayload(period), limit: 50 }, [unitId, q]);
  const exporter = useMutation('console', 'exportGaps');
  // Pages after the first, read on 加载更多 (each page costs the same reads); dropped with the period.
  const [more, setMore] = useState<{ key: string; pages: GapListData[] }>({ key: '', pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  if (!list.data) return <LoadingOrError state={list} />;
  const key = `${unitId}/${q}/${list.data.now}`;
  const pages = [list.data, ...(more.key === key ? more.pages : [])];
  const data = pages[pages.length - 1];
  const loadMore = async () => {
    if (!data.nextCursor) return;
    setLoadingMore(true);
    try {
      const next = await call('console', 'listGaps', { unitId, period: periodPayload(period), limit: 50, cursor: data.nextCursor });
      setMore({ key, pages: [...(more.key === key ? more.pages : []), next] });
    } catch {
      void Taro.showToast({ title: '没有加载成功，请重试', icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };
  const examTitles = new Map(data.exams.map((e) => [e.examId, e.title]));
  const pick = (rows: GapRow[]) => (filter === 'all' ? rows : rows.filter((r) => r.gaps.includes(filter)));
  const chosenExam = examId ?? data.exams[0]?.examId ?? null;
  const nudgeable = filter === 'checkin' || filter === 'quiz' || (filter === 'exam' && chosenExam !== null);
  const runExport = async () => {
    const file = await exporter.run({ unitId, period: periodPayload(period) });
    if (file) await openFile(file.url, file.fileName).catch(() => Taro.showToast({ title: '表格没有打开，请重试', icon: 'none' }));
  };
  const section = (title: string, rows: GapRow[], id: string) =>
    rows.length === 0 ? null : (
      <View id={id}>
        <Text className='gap-group'>{title}（{rows.length}人）</Text>
        {rows.map((r) => (
          <GapItem key={r.memberId} row={r} examTitles={examTitles} periodQuery={q} />
        ))}
      </View>
    );
  const leaders = pick(pages.flatMap((p) => p.leaders));
  const members = pick(pages.flatMap((p) => p.members));
  const gapCount = (a: GapActivity) => pages.reduce((n, p) => n + (p.summary.find((x) => x.activity === a)?.gaps ?? 0), 0);
  return (
    <>
      <Card id='gap-head'>
        <Text className='gap-group'>{data.unitName}</Text>
        <PeriodPicker value={period} today={today} label={null} onChange={setPeriod} />
        <Text className='gap-counts' id='gap-period'>{data.period.label}</Text>
        <View className='seg btn-gap' id='gap-filters'>
          <View id='gap-filter-all' className={filter === 'all' ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setFilter('all')}>
            全部
          </View>
          {GAP_ACTIVITIES.map((a) => {
            return (
              <View key={a} id={`gap-filter-${a}`} className={filter === a ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setFilter(a)}>
                {ACTIVITY_WORDS[a]} {gapCount(a)}
              </View>
            );
          })}
        </View>
        {filter === 'exam' && data.exams.length > 1 ? (
          <View className='seg btn-gap'>
            {data.exams.map((e) => (
              <View key={e.examId} className={chosenExam === e.examId ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setExamId(e.examId)}>
                {e.title}
              </View>
            ))}
          </View>
        ) : null}
        {nudgeable ? <NudgeBlock unitId={unitId} period={period} activity={filter as GapActivity} examId={filter === 'exam' ? chosenExam : null} /> : null}
        {filter === 'all' ? <Text className='gap-counts'>选择上面的一项，可复制提醒文字、发送提醒或转发到群里。</Text> : null}
        <Button id='gap-export' block className='btn-gap' type='primary' loading={exporter.running} onClick={() => void runExport()}>
          导出 Excel
        </Button>
        <FormError message={exporter.error?.message} className='btn-gap' />
      </Card>
      <Card title='名单' id='gap-list'>
        {leaders.length + members.length === 0 ? <EmptyView title={filter === 'all' ? '这里还没有党员' : '这一项没有人落下'} /> : null}
        {section('领导班子', leaders, 'gap-leaders')}
        {section('党员', members, 'gap-members')}
        {data.nextCursor ? (
          <Button id='gap-more' block className='btn-gap' fill='outline' loading={loadingMore} disabled={loadingMore} onClick={() => void loadMore()}>
            加载更多
          </Button>
        ) : null}
      </Card>
    </>
  );
}

export default function Page() {
  const { params } = useRouter();
  return (
    <PageShell>
      <AdminGate>{(me) => <GapList unitId={params.unitId || (me.role === 'org_admin' ? me.org.id : me.unit.id)} initial={periodFromParams(params, beijingDayKey(Date.now()))} />}</AdminGate>
    </PageShell>
  );
}
