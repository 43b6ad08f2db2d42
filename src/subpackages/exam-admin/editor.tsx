// 编辑考试: a draft exam — who takes it, when, for how long, which questions (drawn by rules or a
// fixed paper), how it is scored — saved as a draft and then published. Publishing pins the
// questions; after it nothing here can change. Every rule is checked again by the server.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DrawRule, ExamDraftInput, ExamDraftView, ManagedUnit, MeMember, Points, QuestionRow, ReleasePolicy } from '@core/contracts';
import { DEFAULT_POINTS } from '@core/domain/exam';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from '@core/domain/questions';
import { addDays, formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { Button, Switch } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import { call, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import QuestionPicker from './components/QuestionPicker';
import RuleEditor from './components/RuleEditor';
import { beijingParts, fromBeijing } from '@/utils/field-input';
import { formatWindow } from './components/format';
import './components/ui.scss';
import './editor.scss';
import { isPickableUnit } from '@core/domain/units';

interface Form {
  title: string;
  description: string;
  /** The whole organisation (org admins only): sent as an empty unitIds. */
  allUnits: boolean;
  unitIds: string[];
  opensAt: number;
  closesAt: number;
  durationMinutes: number;
  mode: 'rules' | 'fixed';
  rules: DrawRule[];
  questionIds: string[];
  points: Points;
  multiplePartial: boolean;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  passScore: number;
  /** Until the organiser sets a pass mark, it follows 60 % of the total. */
  passTouched: boolean;
  maxAttempts: number;
  releaseAnswers: ReleasePolicy;
  switchTolerance: number;
}

/** A common paper shape: with the default points it totals 100. */
const DEFAULT_RULES: DrawRule[] = [
  { type: 'single', tag: null, count: 20 },
  { type: 'multiple', tag: null, count: 10 },
  { type: 'judge', tag: null, count: 20 },
  { type: 'fill', tag: null, count: 5 },
];

const RELEASE_OPTIONS: Array<{ value: ReleasePolicy; label: string }> = [
  { value: 'after_close', label: '考试结束后公布' },
  { value: 'after_submit', label: '交卷后公布' },
];

function newForm(now: number): Form {
  // Opens now (to the minute), closes a week later at 18:00 Beijing time.
  const opensAt = Math.floor(now / 60_000) * 60_000;
  const closesAt = fromBeijing(addDays(beijingParts(now).day, 7), '18:00');
  return {
    title: '',
    description: '',
    allUnits: false,
    unitIds: [],
    opensAt,
    closesAt,
    durationMinutes: 60,
    mode: 'rules',
    rules: DEFAULT_RULES,
    questionIds: [],
    points: { ...DEFAULT_POINTS },
    multiplePartial: false,
    shuffleQuestions: true,
    shuffleOptions: true,
    passScore: 0,
    passTouched: false,
    maxAttempts: 1,
    releaseAnswers: 'after_close',
    switchTolerance: 3,
  };
}

function formOf(view: ExamDraftView): Form {
  const e = view.exam;
  return {
    title: e.title,
    description: e.description,
    allUnits: e.unitIds.length === 0,
    unitIds: e.unitIds,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    durationMinutes: e.durationMinutes,
    mode: e.paper.mode,
    rules: e.paper.mode === 'rules' ? e.paper.rules : DEFAULT_RULES,
    questionIds: e.paper.mode === 'fixed' ? e.paper.questionIds : [],
    points: e.points,
    multiplePartial: e.multiplePartial,
    shuffleQuestions: e.shuffleQuestions,
    shuffleOptions: e.shuffleOptions,
    passScore: e.passScore,
    passTouched: true,
    maxAttempts: e.maxAttempts,
    releaseAnswers: e.releaseAnswers,
    switchTolerance: e.switchTolerance,
  };
}

/** Questions per type on the paper; null while a fixed paper has questions of unknown type. */
function typeCounts(form: Form, known: Record<string, QuestionType>): Record<QuestionType, number> | null {
  const counts: Record<QuestionType, number> = { single: 0, multiple: 0, judge: 0, fill: 0 };
  if (form.mode === 'rules') {
    for (const r of form.rules) counts[r.type] += r.count;
    return counts;
  }
  for (const id of form.questionIds) {
    const t = known[id];
    if (!t) return null;
    counts[t]++;
  }
  return counts;
}

function autoPass(total: number): number {
  return Math.ceil(total * 0.6);
}

function draftOf(form: Form, passScore: number): ExamDraftInput {
  return {
    title: form.title.trim(),
    description: form.description.trim(),
    unitIds: form.allUnits ? [] : form.unitIds,
    opensAt: form.opensAt,
    closesAt: form.closesAt,
    durationMinutes: form.durationMinutes,
    paper: form.mode === 'rules' ? { mode: 'rules', rules: form.rules } : { mode: 'fixed', questionIds: form.questionIds },
    points: form.points,
    multiplePartial: form.multiplePartial,
    shuffleQuestions: form.shuffleQuestions,
    shuffleOptions: form.shuffleOptions,
    passScore,
    maxAttempts: form.maxAttempts,
    releaseAnswers: form.releaseAnswers,
    switchTolerance: form.switchTolerance,
  };
}

/** Problems worth saying before the round trip; the server checks everything again. */
function localProblem(form: Form): string | null {
  if (form.title.trim() === '') return '请填写考试名称';
  if (!form.allUnits && form.unitIds.length === 0) return '请选择参加考试的支部';
  if (form.closesAt <= form.opensAt) return '结束时间应晚于开始时间';
  if (form.mode === 'fixed' && form.questionIds.length === 0) return '请至少选择一道题';
  return null;
}

function SwitchLine({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <View className='editor-line'>
      <View className='editor-line__text'>
        <Text>{label}</Text>
        {hint ? <Text className='editor-line__hint'>{hint}</Text> : null}
      </View>
      <Text className='muted'>{checked ? '开' : '关'}</Text>
      <Switch id={id} checked={checked} onChange={(v: boolean) => onChange(v)} />
    </View>
  );
}

interface EditorProps {
  viewer: MeMember;
  units: ManagedUnit[];
  initial: ExamDraftView | null;
}

function Editor({ viewer, units, initial }: EditorProps) {
  const [examId, setExamId] = useState<string | null>(initial?.id ?? null);
  const [form, setForm] = useState<Form>(() => (initial ? formOf(initial) : newForm(Date.now())));
  const [known, setKnown] = useState<Record<string, QuestionType>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const summary = useAction('exam', 'bankSummary', {}, []);
  const save = useMutation('exam', 'saveExam');
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const branches = useMemo(() => units.filter(isPickableUnit), [units]);
  const isOrgAdmin = viewer.role === 'org_admin';

  const onSeen = useCallback((rows: QuestionRow[]) => {
    setKnown((k) => {
      if (rows.every((r) => k[r.id] === r.type)) return k;
      const next = { ...k };
      for (const r of rows) next[r.id] = r.type;
      return next;
    });
  }, []);

  // A saved fixed paper: learn the types of its questions (for the total) that no list showed yet.
  const unknownIds = form.mode === 'fixed' ? form.questionIds.filter((id) => !known[id]) : [];
  const unknownKey = unknownIds.join(',');
  useEffect(() => {
    if (unknownKey === '') return undefined;
    let live = true;
    const ids = unknownKey.split(',');
    void (async () => {
      for (let i = 0; i < ids.length && live; i += 10) {
        const batch = ids.slice(i, i + 10);
        const found = await Promise.all(batch.map((questionId) => call('exam', 'getQuestion', { questionId }).catch(() => null)));
        if (!live) return;
        setKnown((k) => {
          const next = { ...k };
          for (const q of found) if (q) next[q.id] = q.type;
          return next;
        });
      }
    })();
    return () => {
      live = false;
    };
  }, [unknownKey]);

  const counts = typeCounts(form, known);
  const questionCount = counts ? QUESTION_TYPES.reduce((n, t) => n + counts[t], 0) : null;
  const total = counts ? QUESTION_TYPES.reduce((n, t) => n + counts[t] * form.points[t], 0) : null;
  const passScore = form.passTouched ? form.passScore : autoPass(total ?? 0);

  const toggleUnit = (id: string) => {
    if (id === 'all') {
      setForm((f) => ({ ...f, allUnits: !f.allUnits, unitIds: [] }));
      return;
    }
    setForm((f) => ({ ...f, allUnits: false, unitIds: f.unitIds.includes(id) ? f.unitIds.filter((u) => u !== id) : [...f.unitIds, id] }));
  };

  const togglePick = useCallback((q: QuestionRow) => {
    setForm((f) => ({ ...f, questionIds: f.questionIds.includes(q.id) ? f.questionIds.filter((x) => x !== q.id) : [...f.questionIds, q.id] }));
  }, []);

  /** Save the form as the draft; the saved view, or null with the problem shown. */
  const saveDraft = async (): Promise<ExamDraftView | null> => {
    const local = localProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ examId, exam: draftOf(form, passScore) });
    if (view) {
      setExamId(view.id);
      setForm((f) => ({ ...f, passScore, passTouched: true }));
    }
    return view;
  };

  const onSave = async () => {
    const view = await saveDraft();
    if (view) void Taro.showToast({ title: '草稿已保存', icon: 'none' });
  };

  const onPublish = async () => {
    const local = localProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    const audience = form.allUnits ? '全体支部' : branches.filter((b) => form.unitIds.includes(b.id)).map((b) => b.name).join('、');
    const answer = await Taro.showModal({
      title: '发布考试',
      content: `面向${audience}，${formatWindow(form.opensAt, form.closesAt)}。发布后试卷和设置不能再修改，确定发布吗？`,
      confirmText: '发布',
      confirmColor: '#C8161D',
      cancelText: '再看看',
    });
    if (!answer.confirm) return;
    const view = await saveDraft();
    if (!view) return;
    setPublishing(true);
    try {
      const done = await call('exam', 'publishExam', { examId: view.id });
      void Taro.showToast({ title: `已发布，共 ${done.questionCount} 题`, icon: 'none' });
      void Taro.redirectTo({ url: `${PAGE.examStats}?id=${done.examId}` });
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setPublishing(false);
    }
  };

  const busy = save.running || publishing;
  const shownError = problem ?? save.error?.message ?? null;

  return (
    <>
      <Card title='基本信息'>
        <View className='field'>
          <Text className='field__label'>考试名称</Text>
          <Input
            id='editor-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：2025年第一季度党史知识测试'
            maxlength={40}
            value={form.title}
            onInput={(e) => set({ title: e.detail.value })}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>
            考试说明<Text className='field__hint'> 选填，党员开考前可以看到</Text>
          </Text>
          <Textarea
            id='editor-description'
            className='field__textarea'
            placeholderClass='placeholder'
            placeholder='如：闭卷作答，请独立完成'
            maxlength={500}
            autoHeight
            value={form.description}
            onInput={(e) => set({ description: e.detail.value })}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>参加的支部</Text>
          <Chips
            id='editor-unit'
            multiple
            options={[...(isOrgAdmin ? [{ value: 'all', label: '全体支部' }] : []), ...branches.map((b) => ({ value: b.id, label: b.name }))]}
            selected={form.allUnits ? ['all'] : form.unitIds}
            onToggle={toggleUnit}
          />
        </View>
      </Card>

      <Card title='时间'>
        <DateTimeField id='editor-opens' label='开始时间' value={form.opensAt} onChange={(opensAt) => set({ opensAt })} />
        <DateTimeField id='editor-closes' label='结束时间' value={form.closesAt} onChange={(closesAt) => set({ closesAt })} />
        <NumberField
          id='editor-duration'
          label='答题时长'
          hint='从开始答题算起，到结束时间为止'
          value={form.durationMinutes}
          onChange={(durationMinutes) => set({ durationMinutes })}
          min={1}
          max={600}
          step={5}
          unit='分钟'
        />
      </Card>

      <Card title='试卷'>
        <Chips
          id='editor-mode'
          options={[
            { value: 'rules' as const, label: '按规则抽题' },
            { value: 'fixed' as const, label: '固定试卷' },
          ]}
          selected={[form.mode]}
          onToggle={(mode) => set({ mode })}
        />
        <Text className='admin-note'>
          {form.mode === 'rules' ? '每人从题库中按规则随机抽题，每人的试卷不同。' : '从题库中选定题目，每人的试卷相同（可打乱顺序）。'}
        </Text>
        <View className='btn-gap'>
          {form.mode === 'rules' ? (
            <RuleEditor rules={form.rules} onChange={(rules) => set({ rules })} summary={summary.data} />
          ) : (
            <>
              <Text className='editor-picked' id='editor-picked'>
                已选 {form.questionIds.length} 道题
                {counts ? `：${QUESTION_TYPES.filter((t) => counts[t] > 0).map((t) => `${QUESTION_TYPE_LABELS[t]} ${counts[t]}`).join('、')}` : ''}
              </Text>
              <QuestionPicker selected={form.questionIds} onToggle={togglePick} onSeen={onSeen} />
            </>
          )}
        </View>
      </Card>

      <Card title='计分'>
        {QUESTION_TYPES.map((t) => (
          <View key={t} className='editor-line'>
            <Text>{QUESTION_TYPE_LABELS[t]}每题</Text>
            <NumberField
              id={`editor-points-${t}`}
              compact
              decimal
              value={form.points[t]}
              onChange={(v) => setForm((f) => ({ ...f, points: { ...f.points, [t]: v } }))}
              min={0.5}
              max={100}
              step={0.5}
              unit='分'
            />
          </View>
        ))}
        <SwitchLine
          id='editor-partial'
          label='多选题少选得一半分'
          hint='只选对一部分且没有选错时'
          checked={form.multiplePartial}
          onChange={(multiplePartial) => set({ multiplePartial })}
        />
        <View className='editor-total btn-gap' id='editor-total'>
          <Text>
            共 <Text className='editor-total__value'>{questionCount ?? '…'}</Text> 题
          </Text>
          <Text>
            总分 <Text className='editor-total__value'>{total ?? '…'}</Text> 分
          </Text>
        </View>
        <View className='btn-gap'>
          <NumberField
            id='editor-pass'
            label='及格分'
            hint={form.passTouched ? undefined : '默认为总分的六成'}
            decimal
            value={passScore}
            onChange={(v) => set({ passScore: v, passTouched: true })}
            min={0}
            max={10_000}
            step={1}
            unit='分'
          />
        </View>
      </Card>

      <Card title='答题规则'>
        <SwitchLine id='editor-shuffle-q' label='题目乱序' hint='同一题型内的题目顺序每人不同' checked={form.shuffleQuestions} onChange={(shuffleQuestions) => set({ shuffleQuestions })} />
        <SwitchLine id='editor-shuffle-o' label='选项乱序' hint='选择题的选项顺序每人不同' checked={form.shuffleOptions} onChange={(shuffleOptions) => set({ shuffleOptions })} />
        <View className='field btn-gap'>
          <Text className='field__label'>
            可以考几次<Text className='field__hint'> 取最高分</Text>
          </Text>
          <Chips
            id='editor-attempts'
            options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} 次` }))}
            selected={[form.maxAttempts]}
            onToggle={(maxAttempts) => set({ maxAttempts })}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>正确答案何时公布</Text>
          <Chips id='editor-release' options={RELEASE_OPTIONS} selected={[form.releaseAnswers]} onToggle={(releaseAnswers) => set({ releaseAnswers })} />
        </View>
        <NumberField
          id='editor-tolerance'
          label='切屏几次后标记'
          hint='答题时离开页面超过这个次数，会在统计中标记'
          value={form.switchTolerance}
          onChange={(switchTolerance) => set({ switchTolerance })}
          min={0}
          max={50}
          unit='次'
        />
      </Card>

      <Card>
        <FormError id='editor-error' message={shownError} />
        {examId ? <Text className='admin-note'>草稿已保存。发布前，党员看不到这场考试。</Text> : null}
        <View className='editor-actions btn-gap'>
          <Button id='editor-save' className='editor-actions__btn' fill='outline' loading={save.running && !publishing} disabled={busy} onClick={() => void onSave()}>
            保存草稿
          </Button>
          <Button id='editor-publish' className='editor-actions__btn' type='primary' loading={publishing} disabled={busy} onClick={() => void onPublish()}>
            发布考试
          </Button>
        </View>
      </Card>
    </>
  );
}

function Published({ view }: { view: ExamDraftView }) {
  return (
    <Card>
      <EmptyView
        title='这场考试已发布'
        desc={`${view.exam.title}：${formatBeijing(view.exam.opensAt)} 开始。发布后不能再修改。`}
        action={
          <Button block type='primary' onClick={() => goPage(`${PAGE.examStats}?id=${view.id}`)}>
            查看考试情况
          </Button>
        }
      />
    </Card>
  );
}

function EditorLoader({ viewer, examId }: { viewer: MeMember; examId: string | null }) {
  const units = useAction('org', 'listUnits', {}, []);
  const draft = useAction('exam', 'getExamDraft', examId ? { examId } : null, [examId]);
  const loading = (units.loading && !units.data) || (examId !== null && draft.loading && !draft.data);
  if (loading) {
    return (
      <Card>
        <LoadingView />
      </Card>
    );
  }
  if (!units.data) {
    return (
      <Card>
        <ErrorView message={units.error?.message ?? ''} onRetry={units.reload} />
      </Card>
    );
  }
  if (examId !== null && !draft.data) {
    return (
      <Card>
        <ErrorView message={draft.error?.message ?? ''} onRetry={draft.reload} />
      </Card>
    );
  }
  if (!units.data.units.some(isPickableUnit)) {
    return (
      <Card>
        <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />
      </Card>
    );
  }
  if (draft.data && draft.data.status !== 'draft') return <Published view={draft.data} />;
  return <Editor viewer={viewer} units={units.data.units} initial={draft.data ?? null} />;
}

export default function ExamEditorPage() {
  const router = useRouter();
  const examId = router.params.id || null;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: examId ? '修改考试' : '新建考试' });
  }, [examId]);
  return (
    <PageShell>
      <AdminGate>{(viewer) => <EditorLoader viewer={viewer} examId={examId} />}</AdminGate>
    </PageShell>
  );
}
