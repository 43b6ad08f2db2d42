// 编辑题目: one question of the bank, new or edited. The form keeps what the organiser types
// (options, blanks as "答案/同义答案" lines, tags); saving sends the whole question and the server
// checks it again. An edit makes a new version; published exams keep the version they pinned, so
// after a changed key the page names the exams still grading with the old one and offers 重新评分.
import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { QuestionDetail, StaleKeyExams as Stale } from '@core/contracts';
import {
  AREA_TAGS,
  DIFFICULTY_LABELS,
  LIMITS,
  OPTION_LETTERS,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
} from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import './components/ui.scss';
import './question.scss';
import StaleKeyExams from './components/StaleKeyExams';
import { EMPTY, formOf, formProblem, inputOf, isChoice, JUDGE_CHOICES, withoutOption, withType, type Form } from './questionForm';


function QuestionForm({ questionId, initial }: { questionId: string | null; initial: QuestionDetail | null }) {
  const [form, setForm] = useState<Form>(initial ? formOf(initial) : EMPTY);
  const [tagInput, setTagInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation('exam', 'saveQuestion');
  const staleQuery = useMutation('exam', 'listStaleExamKeys');
  const [stale, setStale] = useState<{ list: Stale; version: number; keyJson: string } | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const held = initial?.keyHeld ?? null;

  const toggleAnswer = (i: number) =>
    setForm((f) => {
      if (f.type === 'multiple') return { ...f, answer: f.answer.includes(i) ? f.answer.filter((x) => x !== i) : [...f.answer, i] };
      return { ...f, answer: [i] };
    });

  const toggleTag = (tag: string) => setForm((f) => ({ ...f, tags: f.tags.includes(tag) ? f.tags.filter((t) => t !== tag) : [...f.tags, tag] }));

  const addTag = () => {
    const tag = tagInput.trim();
    if (tag === '') return;
    if (tag.length > LIMITS.tag) {
      setProblem(`标签最多 ${LIMITS.tag} 个字`);
      return;
    }
    if (form.tags.length >= LIMITS.tags && !form.tags.includes(tag)) {
      setProblem(`标签最多 ${LIMITS.tags} 个`);
      return;
    }
    setProblem(null);
    if (!form.tags.includes(tag)) set({ tags: [...form.tags, tag] });
    setTagInput('');
  };

  const submit = async () => {
    const question = inputOf(form);
    // The same rule the server applies, checked here first so the answer comes at once.
    const local = formProblem(form, held !== null);
    if (local) {
      setProblem(local);
      return;
    }
    setProblem(null);
    const saved = await save.run({ questionId, question });
    if (!saved) return;
    const changed = JSON.stringify([saved.answer, saved.blanks]) !== JSON.stringify([initial?.answer, initial?.blanks]);
    if (questionId && initial && held === null && changed) {
      // A changed key: exams that pinned the old one still grade with it.
      const list = await staleQuery.run({ questionId });
      if (list && list.exams.length > 0) {
        // Proposed on the regrade page by the text of the correct options (the exam may order them otherwise).
        const keyJson = JSON.stringify({ texts: saved.answer.map((i) => saved.options[i]), blanks: saved.blanks });
        setStale({ list, version: saved.version, keyJson });
        return;
      }
    }
    void Taro.showToast({ title: questionId ? `已保存为第 ${saved.version} 版` : '已加入题库', icon: 'none' });
    setTimeout(() => {
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
      else void Taro.redirectTo({ url: PAGE.examBank });
    }, 800);
  };

  const customTags = form.tags.filter((t) => !(AREA_TAGS as readonly string[]).includes(t));
  const shownError = problem ?? save.error?.message ?? null;
  if (stale) return <StaleKeyExams stale={stale.list} version={stale.version} keyJson={stale.keyJson} />;

  return (
    <Card id='question-form'>
      {initial ? (
        <View className='qform-meta'>
          <Text>
            当前为第 {initial.version} 版{initial.status === 'retired' ? '，已停用' : ''}
            {initial.openReports > 0 ? `，有 ${initial.openReports} 条待处理的纠错` : ''}
          </Text>
          <View id='question-history' className='qform-meta__link' onClick={() => goPage(`${PAGE.examQuestionHistory}?id=${initial.id}`)}>
            修改记录 ›
          </View>
        </View>
      ) : null}
      {held ? (
        <View className='notice notice--wait' id='question-key-held' role='status'>
          <Text className='notice__title'>答案和解析暂不显示</Text>
          <Text className='notice__text'>
            这道题在您还可以参加的{held.windows.length > 0 ? `“${held.windows.join('”“')}”` : '考试'}中。修改题干、选项文字或标签后直接保存，原答案会保留；要改答案，请在考试结束后修改，或请不参加这场考试的管理员修改。
          </Text>
        </View>
      ) : null}

      <View className='field'>
        <Text className='field__label'>题型</Text>
        <Chips
          id='question-type'
          options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
          selected={[form.type]}
          onToggle={(t) => setForm((f) => withType(f, t))}
        />
      </View>

      <View className='field'>
        <Text className='field__label'>
          题干
          {form.type === 'fill' ? <Text className='field__hint'> 用“____”表示要填的空</Text> : null}
        </Text>
        <Textarea
          id='question-stem'
          className='field__textarea'
          placeholderClass='placeholder'
          placeholder='请输入题目'
          maxlength={LIMITS.stem}
          autoHeight
          value={form.stem}
          onInput={(e) => set({ stem: e.detail.value })}
        />
      </View>

      {isChoice(form.type) ? (
        <View className='field'>
          <Text className='field__label'>
            选项<Text className='field__hint'> 至少 2 个，最多 8 个</Text>
          </Text>
          {form.options.map((opt, i) => (
            <View key={i} className='qform-option'>
              <Text className='qform-option__letter'>{OPTION_LETTERS[i]}</Text>
              <Input
                id={`question-option-${i}`}
                className='field__input qform-option__input'
                placeholderClass='placeholder'
                placeholder={`选项 ${OPTION_LETTERS[i]}`}
                maxlength={LIMITS.option}
                value={opt}
                onInput={(e) => {
                  const value = e.detail.value;
                  setForm((f) => ({ ...f, options: f.options.map((o, k) => (k === i ? value : o)) }));
                }}
              />
              {form.options.length > 2 ? (
                <View id={`question-option-remove-${i}`} className='qform-option__remove' onClick={() => setForm((f) => withoutOption(f, i))}>
                  删除
                </View>
              ) : null}
            </View>
          ))}
          {form.options.length < OPTION_LETTERS.length ? (
            <Button id='question-option-add' size='small' fill='outline' onClick={() => set({ options: [...form.options, ''] })}>
              ＋ 添加选项
            </Button>
          ) : null}
        </View>
      ) : null}

      <View className='field'>
        <Text className='field__label'>
          正确答案
          {form.type === 'multiple' ? <Text className='field__hint'>{form.indefinite ? ' 可多选，也可以只选一项' : ' 可多选，至少两项'}</Text> : null}
          {form.type === 'fill' ? <Text className='field__hint'> 每个空一行，几种说法都算对时用“/”隔开</Text> : null}
        </Text>
        {isChoice(form.type) ? (
          <Chips
            id='question-answer'
            multiple={form.type === 'multiple'}
            options={form.options.map((o, i) => ({ value: i, label: `${OPTION_LETTERS[i]}${o.trim() ? `. ${o.trim().slice(0, 8)}` : ''}` }))}
            selected={form.answer}
            onToggle={toggleAnswer}
          />
        ) : null}
        {form.type === 'multiple' ? (
          <Chips
            id='question-indefinite'
            className='qform-tags'
            multiple
            options={[{ value: 'indefinite', label: '不定项（正确答案可以只有一个）' }]}
            selected={form.indefinite ? ['indefinite'] : []}
            onToggle={() => set({ indefinite: !form.indefinite })}
          />
        ) : null}
        {form.type === 'judge' ? (
          <Chips id='question-answer' options={JUDGE_CHOICES.map((label, i) => ({ value: i, label }))} selected={form.answer} onToggle={toggleAnswer} />
        ) : null}
        {form.type === 'fill' ? (
          <View>
            {form.blanks.map((line, i) => (
              <View key={i} className='qform-option'>
                <Text className='qform-option__letter'>{i + 1}</Text>
                <Input
                  id={`question-blank-${i}`}
                  className='field__input qform-option__input'
                  placeholderClass='placeholder'
                  placeholder='如：遵义会议/遵义'
                  value={line}
                  onInput={(e) => {
                    const value = e.detail.value;
                    setForm((f) => ({ ...f, blanks: f.blanks.map((b, k) => (k === i ? value : b)) }));
                  }}
                />
                {form.blanks.length > 1 ? (
                  <View id={`question-blank-remove-${i}`} className='qform-option__remove' onClick={() => setForm((f) => ({ ...f, blanks: f.blanks.filter((_, k) => k !== i) }))}>
                    删除
                  </View>
                ) : null}
              </View>
            ))}
            {form.blanks.length < LIMITS.blanks ? (
              <Button id='question-blank-add' size='small' fill='outline' onClick={() => set({ blanks: [...form.blanks, ''] })}>
                ＋ 添加一个空
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      <View className='field'>
        <Text className='field__label'>
          解析<Text className='field__hint'> 选填，交卷后给党员看</Text>
        </Text>
        <Textarea
          id='question-explanation'
          className='field__textarea'
          placeholderClass='placeholder'
          placeholder='说明答案的依据'
          maxlength={LIMITS.explanation}
          autoHeight
          value={form.explanation}
          onInput={(e) => set({ explanation: e.detail.value })}
        />
      </View>

      <View className='field'>
        <Text className='field__label'>分类和标签</Text>
        <Chips
          id='question-tag'
          multiple
          options={AREA_TAGS.map((t, i) => ({ value: t as string, label: t, key: String(i) }))}
          selected={form.tags}
          onToggle={toggleTag}
        />
        {customTags.length > 0 ? (
          <Chips
            id='question-custom-tag'
            className='qform-tags'
            options={customTags.map((t, i) => ({ value: t, label: `${t} ✕`, key: String(i) }))}
            selected={[]}
            onToggle={toggleTag}
          />
        ) : null}
        <View className='qform-tag-add'>
          <Input
            id='question-tag-input'
            className='field__input qform-tag-add__input'
            placeholderClass='placeholder'
            placeholder='自定义标签，如：党的二十大'
            maxlength={LIMITS.tag}
            value={tagInput}
            onInput={(e) => setTagInput(e.detail.value)}
            onConfirm={addTag}
          />
          <Button id='question-tag-add' fill='outline' onClick={addTag}>
            添加
          </Button>
        </View>
      </View>

      <View className='field'>
        <Text className='field__label'>难度</Text>
        <Chips
          id='question-difficulty'
          options={([1, 2, 3] as const).map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
          selected={[form.difficulty]}
          onToggle={(d) => set({ difficulty: d })}
        />
      </View>

      <View className='field'>
        <Text className='field__label'>仅用于考试（不出现在每日答题和竞赛中）</Text>
        <Chips
          id='question-exam-only'
          options={[
            { value: 'no', label: '否' },
            { value: 'yes', label: '是，仅用于考试' },
          ]}
          selected={[form.examOnly ? 'yes' : 'no']}
          onToggle={(v) => set({ examOnly: v === 'yes' })}
        />
      </View>

      <FormError id='question-error' message={shownError} />
      <Button id='question-save' block type='primary' size='large' loading={save.running} onClick={() => void submit()}>
        {questionId ? '保存修改' : '加入题库'}
      </Button>
      <Text className='admin-note'>修改后将生成新版本，已发布的考试不受影响；改了答案的话，保存后会列出仍按原答案评分的考试，可以为它们重新评分。</Text>
    </Card>
  );
}

function EditExisting({ questionId }: { questionId: string }) {
  const q = useAction('exam', 'getQuestion', { questionId }, [questionId]);
  return <Loaded state={q}>{(data) => <QuestionForm questionId={questionId} initial={data} />}</Loaded>;
}

export default function QuestionPage() {
  const router = useRouter();
  const questionId = router.params.id || null;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: questionId ? '修改题目' : '新增题目' });
  }, [questionId]);
  return (
    <PageShell>
      <AdminGate>{() => (questionId ? <EditExisting questionId={questionId} /> : <QuestionForm questionId={null} initial={null} />)}</AdminGate>
    </PageShell>
  );
}
