// 编辑考试: a draft exam — who takes it, when, for how long, which questions (drawn by rules or a
// fixed paper), how it is scored — saved as a draft and then published. Publishing pins the
// questions; after it nothing here can change. The form's rules are in editorModel.ts; every rule
// is checked again by the server.
import { useCallback, useEffect, useReducer, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ExamDraftView, ManagedUnit, MeMember, QuestionRow, ReleasePolicy } from '@core/contracts';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES } from '@core/domain/exam/questions';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import { ActionBar, AudienceChips, EditorLoaded, Field, NotEditable, SwitchLine } from '@/components/Editor';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { call, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import QuestionPicker from './components/QuestionPicker';
import RuleEditor from './components/RuleEditor';
import {
  blankExamForm,
  examDraftOf,
  examFormOf,
  examFormProblem,
  examPublishQuestion,
  learnTypes,
  paperTotals,
  unknownQuestionIds,
  updateExamForm,
  type KnownTypes,
} from './editorModel';
import './components/ui.scss';
import './editor.scss';
import { askConfirm } from '@/components/Dialog/confirm';

const RELEASE_OPTIONS: Array<{ value: ReleasePolicy; label: string }> = [
  { value: 'after_close', label: '考试结束后公布' },
  { value: 'after_submit', label: '交卷后公布' },
];

interface EditorProps {
  viewer: MeMember;
  branches: ManagedUnit[];
  initial: ExamDraftView | null;
}

function Editor({ viewer, branches, initial }: EditorProps) {
  const [examId, setExamId] = useState<string | null>(initial?.id ?? null);
  const [form, dispatch] = useReducer(updateExamForm, initial, (i) => (i ? examFormOf(i.exam) : blankExamForm(Date.now())));
  const [known, setKnown] = useState<KnownTypes>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const summary = useAction('exam', 'bankSummary', {}, []);
  const save = useMutation('exam', 'saveExam');
  const isOrgAdmin = viewer.role === 'org_admin';

  const onSeen = useCallback((rows: QuestionRow[]) => setKnown((k) => learnTypes(k, rows)), []);
  const togglePick = useCallback((q: QuestionRow) => dispatch({ type: 'toggleQuestion', questionId: q.id }), []);

  // A saved fixed paper: learn the types of its questions (for the total) that no list showed yet.
  const unknownKey = unknownQuestionIds(form, known).join(',');
  useEffect(() => {
    if (unknownKey === '') return undefined;
    let live = true;
    const ids = unknownKey.split(',');
    void (async () => {
      for (let i = 0; i < ids.length && live; i += 10) {
        const batch = ids.slice(i, i + 10);
        const found = await Promise.all(batch.map((questionId) => call('exam', 'getQuestion', { questionId }).catch(() => null)));
        if (!live) return;
        setKnown((k) => learnTypes(k, found.filter((q): q is NonNullable<typeof q> => q !== null)));
      }
    })();
    return () => {
      live = false;
    };
  }, [unknownKey]);

  const { counts, questionCount, total, passScore } = paperTotals(form, known);

  /** Save the form as the draft; the saved view, or null with the problem shown. */
  const saveDraft = async (): Promise<ExamDraftView | null> => {
    const local = examFormProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ examId, exam: examDraftOf(form, passScore) });
    if (view) {
      setExamId(view.id);
      dispatch({ type: 'passScore', passScore });
    }
    return view;
  };

  const onSave = async () => {
    const view = await saveDraft();
    if (view) void Taro.showToast({ title: '草稿已保存', icon: 'none' });
  };

  const onPublish = async () => {
    const local = examFormProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    const confirmed = await askConfirm({
      title: '发布考试',
      content: examPublishQuestion(form, branches),
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!confirmed) return;
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

  return (
    <>
      <Card title='基本信息'>
        <Field label='考试名称'>
          <Input
            id='editor-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：2025年第一季度党史知识测试'
            maxlength={40}
            value={form.title}
            onInput={(e) => dispatch({ type: 'set', patch: { title: e.detail.value } })}
          />
        </Field>
        <Field label='考试说明' hint='选填，党员开考前可以看到'>
          <Textarea
            id='editor-description'
            className='field__textarea'
            placeholderClass='placeholder'
            placeholder='如：闭卷作答，请独立完成'
            maxlength={500}
            autoHeight
            value={form.description}
            onInput={(e) => dispatch({ type: 'set', patch: { description: e.detail.value } })}
          />
        </Field>
        <Field label='参加的支部'>
          <AudienceChips id='editor-unit' allLabel='全体支部' isOrgAdmin={isOrgAdmin} branches={branches} audience={form} onToggle={(chip) => dispatch({ type: 'toggleUnit', chip })} />
        </Field>
      </Card>

      <Card title='时间'>
        <DateTimeField id='editor-opens' label='开始时间' value={form.opensAt} onChange={(opensAt) => dispatch({ type: 'set', patch: { opensAt } })} />
        <DateTimeField id='editor-closes' label='结束时间' value={form.closesAt} onChange={(closesAt) => dispatch({ type: 'set', patch: { closesAt } })} />
        <NumberField
          id='editor-duration'
          label='答题时长'
          hint='从开始答题算起，到结束时间为止'
          value={form.durationMinutes}
          onChange={(durationMinutes) => dispatch({ type: 'set', patch: { durationMinutes } })}
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
          onToggle={(mode) => dispatch({ type: 'set', patch: { mode } })}
        />
        <Text className='admin-note'>
          {form.mode === 'rules' ? '每人从题库中按规则随机抽题，每人的试卷不同。' : '从题库中选定题目，每人的试卷相同（可打乱顺序）。'}
        </Text>
        <View className='btn-gap'>
          {form.mode === 'rules' ? (
            <RuleEditor rules={form.rules} onChange={(rules) => dispatch({ type: 'set', patch: { rules } })} summary={summary.data} />
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
              onChange={(points) => dispatch({ type: 'points', questionType: t, points })}
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
          onChange={(multiplePartial) => dispatch({ type: 'set', patch: { multiplePartial } })}
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
            onChange={(v) => dispatch({ type: 'passScore', passScore: v })}
            min={0}
            max={10_000}
            step={1}
            unit='分'
          />
        </View>
      </Card>

      <Card title='答题规则'>
        <SwitchLine
          id='editor-shuffle-q'
          label='题目乱序'
          hint='同一题型内的题目顺序每人不同'
          checked={form.shuffleQuestions}
          onChange={(shuffleQuestions) => dispatch({ type: 'set', patch: { shuffleQuestions } })}
        />
        <SwitchLine
          id='editor-shuffle-o'
          label='选项乱序'
          hint='选择题的选项顺序每人不同'
          checked={form.shuffleOptions}
          onChange={(shuffleOptions) => dispatch({ type: 'set', patch: { shuffleOptions } })}
        />
        <Field label='可以考几次' hint='取最高分' className='btn-gap'>
          <Chips
            id='editor-attempts'
            options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n} 次` }))}
            selected={[form.maxAttempts]}
            onToggle={(maxAttempts) => dispatch({ type: 'set', patch: { maxAttempts } })}
          />
        </Field>
        <Field label='正确答案何时公布'>
          <Chips id='editor-release' options={RELEASE_OPTIONS} selected={[form.releaseAnswers]} onToggle={(releaseAnswers) => dispatch({ type: 'set', patch: { releaseAnswers } })} />
        </Field>
        <NumberField
          id='editor-tolerance'
          label='切屏几次后标记'
          hint='答题时离开页面超过这个次数，会在统计中标记'
          value={form.switchTolerance}
          onChange={(switchTolerance) => dispatch({ type: 'set', patch: { switchTolerance } })}
          min={0}
          max={50}
          unit='次'
        />
      </Card>

      <Card>
        <FormError id='editor-error' message={problem ?? save.error?.message ?? null} />
        {examId ? <Text className='admin-note'>草稿已保存。发布前，党员看不到这场考试。</Text> : null}
        <ActionBar
          className='btn-gap'
          disabled={save.running || publishing}
          buttons={[
            { id: 'editor-save', text: '保存草稿', fill: 'outline', loading: save.running && !publishing, onClick: () => void onSave() },
            { id: 'editor-publish', text: '发布考试', type: 'primary', loading: publishing, onClick: () => void onPublish() },
          ]}
        />
      </Card>
    </>
  );
}

function EditorLoader({ viewer, examId }: { viewer: MeMember; examId: string | null }) {
  const draft = useAction('exam', 'getExamDraft', examId ? { examId } : null, [examId]);
  return (
    <EditorLoaded item={draft} editing={examId !== null} needsBranch>
      {(branches, view) =>
        view && view.status !== 'draft' ? (
          <NotEditable
            title='这场考试已发布'
            desc={`${view.exam.title}：${formatBeijing(view.exam.opensAt)} 开始。发布后不能再修改。`}
            actionText='查看考试情况'
            onAction={() => goPage(`${PAGE.examStats}?id=${view.id}`)}
          />
        ) : (
          <Editor viewer={viewer} branches={branches} initial={view} />
        )
      }
    </EditorLoaded>
  );
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
