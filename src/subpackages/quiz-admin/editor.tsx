// 新建竞赛 / 修改竞赛: the name and a word to members, the window (Beijing time), questions per round,
// seconds per question or untimed, how many rounds a day count, for whom (a unit and everything
// below it), and optionally which tags of the bank to draw from. Saved as a draft, then published;
// once published only the close (later), the name and the description change. The form's rules are
// in editorModel.ts; the server checks every one again.
import { useEffect, useReducer, useState } from 'react';
import { Input, Text, Textarea } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ManagedContest, ManagedUnit, MeMember } from '@core/contracts';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import { ActionBar, EditorLoaded, Field, NotEditable, SwitchLine } from '@/components/Editor';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { call, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { audienceOptions, blankContestForm, contestDraftOf, contestEditRefusal, contestFormOf, contestFormProblem, publishQuestion, type ContestForm } from './editorModel';
import './ui.scss';

type Patch = Partial<ContestForm>;

function Editor({ viewer, units, initial }: { viewer: MeMember; units: ManagedUnit[]; initial: ManagedContest | null }) {
  const [contestId, setContestId] = useState<string | null>(initial?.contestId ?? null);
  const [form, patch] = useReducer((f: ContestForm, p: Patch) => ({ ...f, ...p }), initial, (i) => (i ? contestFormOf(i) : blankContestForm(Date.now(), viewer, units)));
  const [problem, setProblem] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const save = useMutation('quiz', 'saveContest');
  const published = initial?.status === 'published';
  const options = audienceOptions(viewer, units);

  const saveForm = async (): Promise<ManagedContest | null> => {
    const local = contestFormProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ contestId, contest: contestDraftOf(form) });
    if (view) setContestId(view.contestId);
    return view;
  };

  const onSave = async () => {
    const view = await saveForm();
    if (!view) return;
    void Taro.showToast({ title: published ? '修改已保存' : '草稿已保存', icon: 'none' });
    if (published) void Taro.redirectTo({ url: `${PAGE.quizAdminContest}?id=${view.contestId}` });
  };

  const onPublish = async () => {
    const local = contestFormProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    const name = options.find((o) => o.value === form.audienceUnitId)?.label ?? '';
    const answer = await askConfirm({ title: '发布竞赛', content: publishQuestion(form, name), confirmText: '发布', cancelText: '再看看' });
    if (!answer) return;
    const view = await saveForm();
    if (!view) return;
    setPublishing(true);
    try {
      const done = await call('quiz', 'publishContest', { contestId: view.contestId });
      void Taro.showToast({ title: '竞赛已发布', icon: 'none' });
      void Taro.redirectTo({ url: `${PAGE.quizAdminContest}?id=${done.contestId}` });
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setPublishing(false);
    }
  };

  return (
    <>
      <Card title='基本信息'>
        <Field label='竞赛名称'>
          <Input id='qa-title' className='field__input' placeholderClass='placeholder' placeholder='如：党史知识竞赛' maxlength={40} value={form.title} onInput={(e) => patch({ title: e.detail.value })} />
        </Field>
        <Field label='竞赛说明' hint='选填，党员参加前可以看到'>
          <Textarea
            id='qa-description'
            className='field__textarea'
            placeholderClass='placeholder'
            placeholder='如：庆祝建党，学党史、知党情'
            maxlength={500}
            autoHeight
            value={form.description}
            onInput={(e) => patch({ description: e.detail.value })}
          />
        </Field>
      </Card>

      <Card title='时间'>
        {published ? <Text className='admin-note'>竞赛已发布：开始时间不能再改，结束时间只能往后延。</Text> : <DateTimeField id='qa-opens' label='开始' value={form.opensAt} onChange={(opensAt) => patch({ opensAt })} />}
        <DateTimeField id='qa-closes' label='结束' value={form.closesAt} onChange={(closesAt) => patch({ closesAt })} />
      </Card>

      {published ? (
        <Card title='规则'>
          <Text className='qa-line'>竞赛已发布，规则和参赛范围不再修改：党员按发布时的规则答题，成绩才公平。</Text>
        </Card>
      ) : (
        <Card title='规则'>
          <NumberField id='qa-questions' label='每局题数' value={form.questionsPerRound} onChange={(questionsPerRound) => patch({ questionsPerRound })} min={5} max={50} step={5} unit='题' />
          <SwitchLine id='qa-timed' label='每题限时' hint='关闭后不限时，年纪大的同志可以慢慢答' checked={form.timed} onChange={(timed) => patch({ timed })} />
          {form.timed ? <NumberField id='qa-seconds' label='每题秒数' hint='答对越快加分越多' value={form.seconds} onChange={(seconds) => patch({ seconds })} min={10} max={120} step={5} unit='秒' /> : null}
          <NumberField id='qa-counting' label='每天计分局数' hint='每天前几局计入成绩，之后是练习' value={form.countingRounds} onChange={(countingRounds) => patch({ countingRounds })} min={1} max={5} unit='局' />
          <Field label='参赛范围' hint='所选组织及其下级的全体党员' className='btn-gap'>
            <Chips id='qa-audience' options={options} selected={form.audienceUnitId ? [form.audienceUnitId] : []} onToggle={(audienceUnitId) => patch({ audienceUnitId })} />
          </Field>
          <Field label='题目标签' hint='选填，只从带这些标签的题目中出题，用“、”隔开'>
            <Input id='qa-tags' className='field__input' placeholderClass='placeholder' placeholder='如：党史、党章党规' maxlength={200} value={form.tagsText} onInput={(e) => patch({ tagsText: e.detail.value })} />
          </Field>
        </Card>
      )}

      <Card>
        <FormError id='qa-editor-error' message={problem ?? save.error?.message ?? null} />
        {contestId && !published ? <Text className='admin-note'>草稿已保存。发布前，党员看不到这个竞赛。</Text> : null}
        <ActionBar
          className='btn-gap'
          disabled={save.running || publishing}
          buttons={[
            {
              id: 'qa-save',
              text: published ? '保存修改' : '保存草稿',
              type: published ? 'primary' : 'default',
              fill: published ? 'solid' : 'outline',
              loading: save.running && !publishing,
              onClick: () => void onSave(),
            },
            ...(published ? [] : [{ id: 'qa-publish', text: '发布', type: 'primary' as const, loading: publishing, onClick: () => void onPublish() }]),
          ]}
        />
      </Card>
    </>
  );
}

function EditorLoader({ viewer, contestId }: { viewer: MeMember; contestId: string | null }) {
  const contest = useAction('quiz', 'getManagedContest', contestId ? { contestId } : null, [contestId]);
  return (
    <EditorLoaded item={contest} editing={contestId !== null}>
      {(units, c) => {
        const refusal = c ? contestEditRefusal(c) : null;
        if (c && refusal) return <NotEditable title={refusal} desc={c.title} actionText='查看竞赛' onAction={() => goPage(`${PAGE.quizAdminContest}?id=${c.contestId}`)} />;
        return <Editor viewer={viewer} units={units} initial={c} />;
      }}
    </EditorLoaded>
  );
}

export default function QuizAdminEditorPage() {
  const contestId = useRouter().params.id || null;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: contestId ? '修改竞赛' : '新建竞赛' });
  }, [contestId]);
  return (
    <PageShell>
      <AdminGate>{(viewer) => <EditorLoader viewer={viewer} contestId={contestId} />}</AdminGate>
    </PageShell>
  );
}
