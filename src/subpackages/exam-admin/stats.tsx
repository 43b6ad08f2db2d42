// 考试情况: one exam at a glance for its organisers — each branch's numbers (应考, 已考, 缺考,
// 及格 …), the score distribution, each question's accuracy — and one branch's names with who has
// not taken part: copy that list, remind them, export everything, give extra time, reopen an
// attempt, and once the exam is over, arrange a make-up (补考).
import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ExamStatsView, QuestionStat, RosterRow, UnitStats } from '@core/contracts';
import { SCORE_BUCKET_LABELS } from '@core/domain/exam';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import { addDays, beijingParts } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import Dialog, { ReasonDialog } from '@/components/Dialog';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import Loaded, { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { call, copyText, openFile, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { percent } from '@/utils/format';
import { goPage, PAGE } from '@/utils/nav';
import { fromBeijing } from '@/utils/field-input';
import { formatScore, formatSeconds, PHASE_LABELS, PHASE_TAG_CLASS, ROSTER_STATUS_LABELS } from './components/format';
import './components/ui.scss';
import './stats.scss';

type RosterFilter = 'all' | 'absent' | 'in_progress' | 'passed' | 'failed' | 'flagged';
const FILTERS: Array<{ value: RosterFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'absent', label: '缺考' },
  { value: 'in_progress', label: '答题中' },
  { value: 'passed', label: '及格' },
  { value: 'failed', label: '不及格' },
  { value: 'flagged', label: '被标记' },
];

const METRICS: Array<{ key: string; label: string; value: (u: UnitStats) => string }> = [
  { key: 'audience', label: '应考', value: (u) => `${u.audience}` },
  { key: 'submitted', label: '已考', value: (u) => `${u.submitted}` },
  { key: 'inProgress', label: '答题中', value: (u) => `${u.inProgress}` },
  { key: 'absent', label: '未参加', value: (u) => `${u.absent}` },
  { key: 'passed', label: '及格', value: (u) => `${u.passed}` },
  { key: 'failed', label: '不及格', value: (u) => `${u.failed}` },
  { key: 'average', label: '平均分', value: (u) => formatScore(u.averageScore) },
  { key: 'seconds', label: '平均用时', value: (u) => formatSeconds(u.averageSeconds) },
  { key: 'flagged', label: '被标记', value: (u) => `${u.flagged}` },
];

const EXTRA_REASONS = ['网络中断', '手机故障', '不熟悉操作', '其他特殊情况'];
const REOPEN_REASONS = ['答题中途断网', '误操作提前交卷', '手机故障'];

type Include = 'absent' | 'failed' | 'both';
const INCLUDE_OPTIONS: Array<{ value: Include; label: string }> = [
  { value: 'absent', label: '缺考的' },
  { value: 'failed', label: '未通过的' },
  { value: 'both', label: '两者都要' },
];

function BranchTable({ stats }: { stats: ExamStatsView }) {
  const columns = [stats.overall, ...stats.units];
  return (
    <ScrollView scrollX className='stbl' id='stats-table'>
      <View className='stbl__row stbl__row--head'>
        <Text className='stbl__cell stbl__cell--label'>{' '}</Text>
        {columns.map((u) => (
          <Text key={u.unitId} className='stbl__cell' id={`stats-col-${u.unitId}`}>
            {u.unitName}
          </Text>
        ))}
      </View>
      {METRICS.map((m) => (
        <View key={m.key} className='stbl__row'>
          <Text className='stbl__cell stbl__cell--label'>{m.label}</Text>
          {columns.map((u) => (
            <Text key={u.unitId} className={u.unitId === stats.overall.unitId ? 'stbl__cell stbl__cell--total' : 'stbl__cell'} id={`stats-cell-${u.unitId}-${m.key}`}>
              {m.value(u)}
            </Text>
          ))}
        </View>
      ))}
    </ScrollView>
  );
}

function Distribution({ unit }: { unit: UnitStats }) {
  const max = Math.max(1, ...unit.distribution);
  // Highest band first: the organiser reads from the top.
  const bands = SCORE_BUCKET_LABELS.map((label, i) => ({ label, n: unit.distribution[i] ?? 0 })).reverse();
  if (unit.submitted === 0) return <EmptyView title='还没有人交卷' desc='有人交卷后，这里显示各分数段的人数' />;
  return (
    <View id='stats-dist'>
      {bands.map((b) => (
        <View key={b.label} className='xa-bar'>
          <Text className='xa-bar__label'>{b.label}</Text>
          <View className='xa-bar__track'>
            <View className='xa-bar__fill' style={{ width: `${percent(b.n, max)}%` }} />
          </View>
          <Text className='xa-bar__value'>{b.n} 人</Text>
        </View>
      ))}
      <Text className='admin-note'>按得分占总分的比例分段。</Text>
    </View>
  );
}

function QuestionStats({ questions }: { questions: QuestionStat[] }) {
  const [order, setOrder] = useState<'lowest' | 'index'>('lowest');
  const [all, setAll] = useState(false);
  if (questions.length === 0) return <EmptyView title='还没有作答记录' />;
  const sorted =
    order === 'index'
      ? [...questions].sort((a, b) => a.index - b.index)
      : // Unanswered questions last: nothing is known about them yet.
        [...questions].sort((a, b) => (a.accuracy ?? 101) - (b.accuracy ?? 101) || a.index - b.index);
  const shown = all ? sorted : sorted.slice(0, 10);
  return (
    <View id='stats-questions'>
      <Chips
        id='stats-qorder'
        options={[
          { value: 'lowest' as const, label: '正确率从低到高' },
          { value: 'index' as const, label: '按题目顺序' },
        ]}
        selected={[order]}
        onToggle={setOrder}
      />
      {shown.map((q) => (
        <View key={q.qid} className='qstat'>
          <View className='qstat__head'>
            <Text>
              {order === 'index' ? `第 ${q.index} 题 · ` : ''}
              {QUESTION_TYPE_LABELS[q.type]}
            </Text>
            <Text>{q.accuracy === null ? '无人作答' : `答对 ${q.correct}/${q.answered} 人次`}</Text>
          </View>
          <Text className='qstat__stem clamp-2'>{q.stem}</Text>
          <View className='xa-bar'>
            <View className='xa-bar__track'>
              <View className='xa-bar__fill xa-bar__fill--gold' style={{ width: `${q.accuracy ?? 0}%` }} />
            </View>
            <Text className='xa-bar__value qstat__acc'>{q.accuracy === null ? '—' : `${q.accuracy}%`}</Text>
          </View>
        </View>
      ))}
      {sorted.length > shown.length ? (
        <Button id='stats-questions-all' block className='btn-gap' fill='outline' onClick={() => setAll(true)}>
          显示全部 {sorted.length} 题
        </Button>
      ) : null}
    </View>
  );
}

type RowAction = { kind: 'extra' | 'reopen'; row: RosterRow } | null;

function RosterItem({ r, canExtra, onAction }: { r: RosterRow; canExtra: boolean; onAction: (a: RowAction) => void }) {
  const submitted = r.status === 'passed' || r.status === 'failed';
  return (
    <View className='admin-row' id={`roster-${r.memberId}`}>
      <View className='admin-row__head'>
        <Text className='admin-row__title'>{r.name}</Text>
        {r.leader ? <Text className='tag tag--gold'>领导班子</Text> : null}
        <Text className={`tag roster-status--${r.status}`}>{ROSTER_STATUS_LABELS[r.status]}</Text>
        {r.flagged ? <Text className='tag tag--red'>! 切屏标记</Text> : null}
        {r.score !== null ? <Text className='roster-row__score'>{r.score} 分</Text> : null}
      </View>
      <View className='roster-row__line'>
        {r.durationSeconds !== null ? <Text>用时 {formatSeconds(r.durationSeconds)}</Text> : null}
        {r.attempts > 0 ? <Text>答题 {r.attempts} 次</Text> : null}
        {r.extraMinutes > 0 ? <Text>已补时 {r.extraMinutes} 分钟</Text> : null}
      </View>
      {canExtra || (submitted && r.attemptId) ? (
        <View className='admin-row__actions'>
          {canExtra ? (
            <Button id={`roster-extra-${r.memberId}`} size='small' fill='outline' onClick={() => onAction({ kind: 'extra', row: r })}>
              补时
            </Button>
          ) : null}
          {submitted && r.attemptId ? (
            <Button id={`roster-reopen-${r.memberId}`} size='small' fill='outline' onClick={() => onAction({ kind: 'reopen', row: r })}>
              重新开放
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function BranchRoster({ examId, stats, onChanged }: { examId: string; stats: ExamStatsView; onChanged: () => void }) {
  const [unitId, setUnitId] = useState<string>(stats.units[0]?.unitId ?? '');
  const [filter, setFilter] = useState<RosterFilter>('all');
  const [action, setAction] = useState<RowAction>(null);
  const roster = useAction('exam', 'examRoster', unitId ? { examId, unitId, filter } : null, [examId, unitId, filter]);
  const remind = useMutation('exam', 'remindAbsentees');
  const open = stats.phase === 'open' || stats.phase === 'upcoming';

  const copyAbsent = async () => {
    const text = roster.data?.absentText ?? '';
    if (text === '') {
      void Taro.showToast({ title: '没有缺考的党员', icon: 'none' });
      return;
    }
    try {
      await copyText(text);
      void Taro.showToast({ title: '缺考名单已复制，可粘贴到群里', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };

  const runRemind = async () => {
    const done = await remind.run({ examId, unitId });
    if (!done) return;
    void Taro.showToast({ title: `已提醒 ${done.sent} 人，${done.withoutCredit} 人未开启提醒`, icon: 'none', duration: 3000 });
  };

  const submitAction = async (reason: string, minutes = 0): Promise<string | null> => {
    if (!action) return null;
    try {
      if (action.kind === 'extra') {
        await call('exam', 'grantExtraTime', { examId, memberIds: [action.row.memberId], minutes, reason });
        void Taro.showToast({ title: `已为${action.row.name}补时 ${minutes} 分钟`, icon: 'none' });
      } else {
        if (!action.row.attemptId) return '找不到这次答题记录';
        await call('exam', 'reopenAttempt', { attemptId: action.row.attemptId, minutes, reason });
        void Taro.showToast({ title: `已为${action.row.name}重新开放 ${minutes} 分钟`, icon: 'none' });
      }
      roster.reload();
      onChanged();
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  };

  if (stats.units.length === 0) return <EmptyView title='没有您管理的支部参加这场考试' />;

  return (
    <View>
      <Text className='stats-label'>支部</Text>
      <Chips id='stats-unit' options={stats.units.map((u) => ({ value: u.unitId, label: u.unitName }))} selected={[unitId]} onToggle={setUnitId} />
      <Text className='stats-label'>显示</Text>
      <Chips id='stats-filter' options={FILTERS} selected={[filter]} onToggle={setFilter} />

      {/* The answer for the previous branch or filter is not shown while the new one loads. */}
      <Loaded bare fresh state={roster}>
        {(data) => (
          <>
            {data.leaders.total > 0 ? (
              <Text className='stats-leaders' id='stats-leaders'>
                领导班子 {data.leaders.total} 人：已交卷 {data.leaders.taken} 人，及格 {data.leaders.passed} 人
              </Text>
            ) : null}
            <View className='absent-box' id='stats-absent-text'>
              <Text>{data.absentText || `${data.unitName}没有缺考的党员`}</Text>
            </View>
            <View className='admin-actions'>
              <Button id='stats-copy-absent' className='admin-actions__btn' type='primary' fill='outline' onClick={() => void copyAbsent()}>
                复制缺考名单
              </Button>
              {open ? (
                <Button id='stats-remind' className='admin-actions__btn' fill='outline' loading={remind.running} onClick={() => void runRemind()}>
                  提醒未参加
                </Button>
              ) : null}
            </View>
            <FormError message={remind.error?.message} className='btn-gap' />
            <View id='stats-roster' className='btn-gap'>
              {data.rows.length === 0 ? (
                <EmptyView title='没有符合条件的党员' />
              ) : (
                data.rows.map((r) => <RosterItem key={r.memberId} r={r} canExtra={open || r.status === 'in_progress'} onAction={setAction} />)
              )}
            </View>
          </>
        )}
      </Loaded>

      {action ? (
        <ReasonDialog
          key={`${action.kind}-${action.row.memberId}`}
          id={action.kind === 'extra' ? 'extra-dialog' : 'reopen-dialog'}
          title={action.kind === 'extra' ? `为${action.row.name}补时` : `为${action.row.name}重新开放`}
          desc={
            action.kind === 'extra'
              ? '正在答题的，时间立即加上；还没开始的，开始答题时加上。'
              : '重新开放后，可以在规定的分钟数内继续作答，交卷后重新评分。'
          }
          confirmText={action.kind === 'extra' ? '确认补时' : '确认重新开放'}
          minutes={action.kind === 'extra' ? 10 : 30}
          minutesLabel={action.kind === 'extra' ? '增加多少分钟' : '可以再答多少分钟'}
          minLength={1}
          presets={action.kind === 'extra' ? EXTRA_REASONS : REOPEN_REASONS}
          onSubmit={submitAction}
          onClose={() => setAction(null)}
        />
      ) : null}
    </View>
  );
}

function MakeupDialog({ examId, onClose }: { examId: string; onClose: () => void }) {
  const make = useMutation('exam', 'createMakeup');
  const [include, setInclude] = useState<Include>('both');
  const [opensAt, setOpensAt] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  const [closesAt, setClosesAt] = useState(() => fromBeijing(addDays(beijingParts(Date.now()).day, 3), '18:00'));
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    if (closesAt <= opensAt) {
      setProblem('结束时间应晚于开始时间');
      return;
    }
    setProblem(null);
    const done = await make.run({ examId, include, opensAt, closesAt });
    if (!done) return;
    void Taro.showToast({ title: `已安排补考，邀请 ${done.invited} 人`, icon: 'none' });
    void Taro.redirectTo({ url: `${PAGE.examStats}?id=${done.examId}` });
  };

  return (
    <Dialog
      id='makeup-dialog'
      title='安排补考'
      confirmText='确认安排'
      onConfirm={() => void confirm()}
      onCancel={onClose}
      running={make.running}
      error={problem ?? make.error?.message}
    >
      <Text className='ui-dialog__desc'>补考从原考试的题目中重新抽题，只有被邀请的党员能参加，原成绩保留。</Text>
      <View className='field'>
        <Text className='field__label'>邀请哪些人</Text>
        <Chips id='makeup-include' options={INCLUDE_OPTIONS} selected={[include]} onToggle={setInclude} />
      </View>
      <DateTimeField id='makeup-opens' label='补考开始' value={opensAt} onChange={setOpensAt} />
      <DateTimeField id='makeup-closes' label='补考结束' value={closesAt} onChange={setClosesAt} />
    </Dialog>
  );
}

function Stats({ examId }: { examId: string }) {
  const stats = useAction('exam', 'examStats', { examId }, [examId]);
  const exporter = useMutation('exam', 'exportResults');
  const [makeup, setMakeup] = useState(false);
  const [rosterKey, setRosterKey] = useState(0);

  usePullDownRefresh(() => {
    stats.reload();
    setRosterKey((k) => k + 1);
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const runExport = async () => {
    const file = await exporter.run({ examId });
    if (!file) return;
    try {
      await openFile(file.url, file.fileName);
      void Taro.showToast({ title: '成绩表已生成', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '成绩表没有打开，请重试', icon: 'none' });
    }
  };

  if (!stats.data) return <LoadingOrError state={stats} />;
  const s = stats.data;
  const o = s.overall;

  return (
    <>
      <Card id='stats-head'>
        <View className='admin-row__head'>
          <Text className='stats-head__title'>{s.title}</Text>
          {s.kind === 'makeup' ? <Text className='tag tag--gold'>补考</Text> : null}
          <Text className={PHASE_TAG_CLASS[s.phase]}>{PHASE_LABELS[s.phase]}</Text>
        </View>
        <Text className='stats-head__meta'>
          总分 {s.totalScore} 分 · 及格 {s.passScore} 分
        </Text>
        <View className='admin-stats' id='stats-overall'>
          <View className='admin-stats__item'>
            <Text className='admin-stats__value'>
              {o.submitted}/{o.audience}
            </Text>
            <Text className='admin-stats__label'>已考/应考</Text>
          </View>
          <View className='admin-stats__item admin-stats__item--ok'>
            <Text className='admin-stats__value'>{o.passed}</Text>
            <Text className='admin-stats__label'>及格</Text>
          </View>
          <View className='admin-stats__item admin-stats__item--warn'>
            <Text className='admin-stats__value'>{o.absent}</Text>
            <Text className='admin-stats__label'>{s.phase === 'closed' ? '缺考' : '未参加'}</Text>
          </View>
        </View>
        <View className='admin-actions btn-gap'>
          <Button id='stats-export' className='admin-actions__btn' type='primary' loading={exporter.running} onClick={() => void runExport()}>
            导出成绩
          </Button>
          {s.phase === 'open' ? (
            <Button id='stats-monitor' className='admin-actions__btn' fill='outline' onClick={() => goPage(`${PAGE.examMonitor}?id=${examId}`)}>
              监考
            </Button>
          ) : null}
          {s.phase === 'closed' && s.kind !== 'makeup' ? (
            <Button id='stats-makeup' className='admin-actions__btn' fill='outline' type='primary' onClick={() => setMakeup(true)}>
              安排补考
            </Button>
          ) : null}
        </View>
        <FormError message={exporter.error?.message} className='btn-gap' />
      </Card>

      <Card title='各支部情况'>
        <BranchTable stats={s} />
      </Card>

      <Card title='分数分布'>
        <Distribution unit={o} />
      </Card>

      <Card title='各题正确率'>
        <QuestionStats questions={s.questions} />
      </Card>

      <Card title='支部名单' id='stats-branch'>
        <BranchRoster key={rosterKey} examId={examId} stats={s} onChanged={stats.reload} />
      </Card>

      {makeup ? <MakeupDialog examId={examId} onClose={() => setMakeup(false)} /> : null}
    </>
  );
}

export default function StatsPage() {
  const router = useRouter();
  const examId = router.params.id || '';
  // The statistics view does not say whether the exam is a make-up; the list passes it along.
  return (
    <PageShell>
      <AdminGate>
        {() =>
          examId ? (
            <Stats examId={examId} />
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
