// 发起专项行动 / 修改专项行动: the title, what it is about, the unit whose subtree it reaches (new
// campaigns only), its stages (启动部署 · 组织实施 · 评估检验 by default, each from a day to a
// day), the reports owed upward (活动方案 at the first stage's end, 专题报告 at the last's, 阶段报告
// per stage; from every unit below or the direct ones only) and the activities attached to it
// (the organiser's exams, check-in challenges, events, contests and task lists, ticked from
// their lists). A problem is shown next to its field; the server's messages name the field.
// The form's rules are in components/editorModel.ts; the server checks every one again.
import { useEffect, useMemo, useReducer, useState, type Dispatch } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CampaignView, ManagedUnit } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import { Field } from '@/components/Editor';
import FormError from '@/components/FormError';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { Button } from '@/components/nut';
import { useAction, useMutation, type AsyncState } from '@/hooks';
import { AUDIENCE_LABELS, dayRangeText, REPORT_KIND_LABELS } from '@/utils/campaign-format';
import { eventWhen } from '@/utils/event-format';
import { examWindow } from '@/utils/exam-format';
import { PAGE } from '@/utils/nav';
import { Checklist, type CheckItem } from './components/Checklist';
import { DayField } from './components/DayField';
import {
  blankCampaignForm,
  campaignFormOf,
  campaignFormProblem,
  campaignPayload,
  fieldOfMessage,
  updateCampaignForm,
  type AttachKind,
  type CampaignForm,
  type CampaignFormAction,
  type FormField,
} from './components/editorModel';
import './components/campaign-ui.scss';
import './editor.scss';

const MAX_STAGES = 8;
const MAX_ASKS = 12;

interface Problem {
  field: FormField;
  message: string;
}

/** One kind of activity to attach: its list answered by the owning context, as rows to tick. */
function AttachSection<T>({
  kind,
  label,
  state,
  rows,
  form,
  known,
  dispatch,
  emptyText,
}: {
  kind: AttachKind;
  label: string;
  state: AsyncState<T>;
  rows: (data: T) => CheckItem[];
  form: CampaignForm;
  known: CheckItem[];
  dispatch: Dispatch<CampaignFormAction>;
  emptyText: string;
}) {
  return (
    <Field label={label}>
      <Loaded state={state} bare loadingText={`正在加载${label}…`}>
        {(data) => {
          const listed = rows(data);
          // Attached before but no longer in the first page of the list (older, or ended): still shown, to untick.
          const extra = known.filter((k) => form.attached[kind].includes(k.id) && !listed.some((l) => l.id === k.id));
          const items = [...extra, ...listed];
          return items.length === 0 ? (
            <Text className='muted'>{emptyText}</Text>
          ) : (
            <Checklist id={`campaign-attach-${kind}`} items={items} selected={form.attached[kind]} onToggle={(id) => dispatch({ type: 'toggleAttached', kind, id })} />
          );
        }}
      </Loaded>
    </Field>
  );
}

function AttachPicker({ form, dispatch, known, today }: { form: CampaignForm; dispatch: Dispatch<CampaignFormAction>; known: CampaignView['activities']; today: string }) {
  const exams = useAction('exam', 'listManagedExams', {}, []);
  const challenges = useAction('checkin', 'listChallenges', {}, []);
  const events = useAction('event', 'listAdminEvents', { limit: 50 }, []);
  const contests = useAction('quiz', 'listManagedContests', { limit: 50 }, []);
  const taskLists = useAction('campaign', 'listTaskLists', {}, []);
  const knownOf = (k: CampaignView['activities'][number]['kind']): CheckItem[] => known.filter((a) => a.kind === k).map((a) => ({ id: a.id, title: a.title, meta: '已关联' }));
  const common = { form, dispatch };
  return (
    <>
      <AttachSection
        {...common}
        kind='exams'
        label='考试'
        state={exams}
        known={knownOf('exam')}
        emptyText='还没有考试'
        rows={(d) => d.items.filter((e) => e.status === 'published').map((e) => ({ id: e.id, title: e.title, meta: examWindow(e.opensAt, e.closesAt) }))}
      />
      <AttachSection
        {...common}
        kind='challenges'
        label='打卡活动'
        state={challenges}
        known={knownOf('challenge')}
        emptyText='还没有打卡活动'
        rows={(d) => d.filter((c) => c.status === 'active').map((c) => ({ id: c.id, title: c.title, meta: dayRangeText(c.startDay, c.endDay, today) }))}
      />
      <AttachSection
        {...common}
        kind='events'
        label='活动'
        state={events}
        known={knownOf('event')}
        emptyText='还没有活动'
        rows={(d) => d.items.filter((e) => e.status === 'published').map((e) => ({ id: e.id, title: e.title, meta: eventWhen(e.startsAt, e.endsAt) }))}
      />
      <AttachSection
        {...common}
        kind='contests'
        label='知识竞赛'
        state={contests}
        known={knownOf('contest')}
        emptyText='还没有知识竞赛'
        rows={(d) => d.items.filter((c) => c.status === 'published').map((c) => ({ id: c.contestId, title: c.title, meta: examWindow(c.opensAt, c.closesAt) }))}
      />
      <AttachSection
        {...common}
        kind='taskLists'
        label='实事清单'
        state={taskLists}
        known={knownOf('taskList')}
        emptyText='还没有清单，可在“实事清单”中建立'
        rows={(d) => d.items.map((l) => ({ id: l.listId, title: l.title, meta: `${l.unitName} · 已完成 ${l.done} / ${l.total} 项` }))}
      />
    </>
  );
}

function StagesCard({ form, dispatch, problem }: { form: CampaignForm; dispatch: Dispatch<CampaignFormAction>; problem: string | null }) {
  return (
    <Card title='阶段' id='campaign-stages'>
      {form.stages.map((s, i) => (
        <View key={s.key} className='cmp-box' id={`campaign-stage-${s.key}`}>
          <View className='cmp-box__head'>
            <Text>第{i + 1}阶段</Text>
            {form.stages.length > 1 ? (
              <Button id={`campaign-stage-${s.key}-remove`} className='cmp-small-btn' size='small' fill='outline' onClick={() => dispatch({ type: 'removeStage', key: s.key })}>
                删除
              </Button>
            ) : null}
          </View>
          <Input
            id={`campaign-stage-${s.key}-name`}
            className='field__input btn-gap'
            placeholderClass='placeholder'
            placeholder='阶段名称，如：组织实施'
            maxlength={20}
            value={s.name}
            onInput={(e) => dispatch({ type: 'stage', key: s.key, patch: { name: e.detail.value } })}
          />
          <View className='cmp-days btn-gap'>
            <DayField id={`campaign-stage-${s.key}-start`} label='开始' value={s.startDay} onChange={(startDay) => dispatch({ type: 'stage', key: s.key, patch: { startDay } })} />
            <DayField id={`campaign-stage-${s.key}-end`} label='结束' value={s.endDay} onChange={(endDay) => dispatch({ type: 'stage', key: s.key, patch: { endDay } })} />
          </View>
        </View>
      ))}
      <FormError id='campaign-stages-error' message={problem} />
      {form.stages.length < MAX_STAGES ? (
        <Button id='campaign-stage-add' block fill='outline' type='primary' onClick={() => dispatch({ type: 'addStage' })}>
          添加阶段
        </Button>
      ) : null}
    </Card>
  );
}

function AsksCard({ form, dispatch, problem }: { form: CampaignForm; dispatch: Dispatch<CampaignFormAction>; problem: string | null }) {
  // The first stage without a stage report of its own: where 添加阶段报告 puts the next one.
  const nextStage = form.stages.find((s) => !form.asks.some((q) => q.kind === 'stage' && q.stageKey === s.key)) ?? form.stages[0];
  const full = form.asks.length >= MAX_ASKS;
  return (
    <Card title='报送要求' id='campaign-asks'>
      <Text className='admin-note'>下级单位按截止日期向上级报送；逾期报送会标为晚交。</Text>
      {form.asks.map((q) => (
        <View key={q.key} className='cmp-box btn-gap' id={`campaign-ask-${q.key}`}>
          <View className='cmp-box__head'>
            <Text>{REPORT_KIND_LABELS[q.kind]}</Text>
            <Button id={`campaign-ask-${q.key}-remove`} className='cmp-small-btn' size='small' fill='outline' onClick={() => dispatch({ type: 'removeAsk', key: q.key })}>
              删除
            </Button>
          </View>
          <Input
            id={`campaign-ask-${q.key}-title`}
            className='field__input btn-gap'
            placeholderClass='placeholder'
            placeholder='报告名称'
            maxlength={30}
            value={q.title}
            onInput={(e) => dispatch({ type: 'ask', key: q.key, patch: { title: e.detail.value } })}
          />
          {q.kind === 'stage' ? (
            <View className='btn-gap'>
              <Text className='cmp-day__label'>哪个阶段的报告</Text>
              <Chips
                id={`campaign-ask-${q.key}-stage`}
                options={form.stages.map((s, i) => ({ value: s.key, label: s.name || `第${i + 1}阶段` }))}
                selected={q.stageKey ? [q.stageKey] : []}
                onToggle={(stageKey) => dispatch({ type: 'ask', key: q.key, patch: { stageKey, dueDay: form.stages.find((s) => s.key === stageKey)?.endDay ?? q.dueDay } })}
              />
            </View>
          ) : null}
          <View className='btn-gap'>
            <DayField id={`campaign-ask-${q.key}-due`} label='截止日期' value={q.dueDay} onChange={(dueDay) => dispatch({ type: 'ask', key: q.key, patch: { dueDay } })} />
          </View>
          <View className='btn-gap'>
            <Text className='cmp-day__label'>由谁报送</Text>
            <Chips
              id={`campaign-ask-${q.key}-audience`}
              options={(['all', 'children'] as const).map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
              selected={[q.audience]}
              onToggle={(audience) => dispatch({ type: 'ask', key: q.key, patch: { audience } })}
            />
          </View>
        </View>
      ))}
      {form.asks.length === 0 ? <Text className='admin-note'>没有报送要求：下级单位不需要报送材料。</Text> : null}
      <FormError id='campaign-asks-error' message={problem} />
      {full ? null : (
        <View className='admin-actions btn-gap'>
          <Button id='campaign-ask-add-stage' className='admin-actions__btn' fill='outline' type='primary' onClick={() => dispatch({ type: 'addAsk', kind: 'stage', stageKey: nextStage?.key ?? null })}>
            添加阶段报告
          </Button>
          {form.asks.some((q) => q.kind === 'plan') ? null : (
            <Button id='campaign-ask-add-plan' className='admin-actions__btn' fill='outline' onClick={() => dispatch({ type: 'addAsk', kind: 'plan' })}>
              添加活动方案
            </Button>
          )}
          {form.asks.some((q) => q.kind === 'final') ? null : (
            <Button id='campaign-ask-add-final' className='admin-actions__btn' fill='outline' onClick={() => dispatch({ type: 'addAsk', kind: 'final' })}>
              添加专题报告
            </Button>
          )}
        </View>
      )}
    </Card>
  );
}

/** The units a campaign may be set up for: the top of the caller's scope and the levels just below it. */
function unitChoices(units: ManagedUnit[]): ManagedUnit[] {
  const open = units.filter((u) => u.status === 'active');
  if (open.length === 0) return [];
  const base = Math.min(...open.map((u) => u.depth));
  return open.filter((u) => u.depth <= base + 1);
}

function Editor({ units, initial }: { units: ManagedUnit[]; initial: CampaignView | null }) {
  const today = beijingDayKey(Date.now());
  const choices = useMemo(() => unitChoices(units), [units]);
  const [form, dispatch] = useReducer(updateCampaignForm, initial, (i) => (i ? campaignFormOf(i) : blankCampaignForm(today, choices[0]?.id ?? null)));
  const [problem, setProblem] = useState<Problem | null>(null);
  const create = useMutation('campaign', 'createCampaign');
  const update = useMutation('campaign', 'updateCampaign');
  const running = create.running || update.running;
  const at = (field: FormField) => (problem?.field === field ? problem.message : null);

  const save = async () => {
    const local = campaignFormProblem(form);
    if (local) {
      setProblem({ field: fieldOfMessage(local), message: local });
      return;
    }
    setProblem(null);
    const fields = campaignPayload(form);
    // A refusal is in the mutation's error (shown next to its field below).
    const done =
      form.campaignId && form.version !== null
        ? await update.run({ campaignId: form.campaignId, version: form.version, ...fields })
        : await create.run({ unitId: form.unitId, ...fields });
    if (!done) return;
    void Taro.showToast({ title: form.campaignId ? '修改已保存' : '专项行动已发起', icon: 'none' });
    void Taro.redirectTo({ url: `${PAGE.campaignDetail}?id=${done.campaignId}` });
  };

  // The server's refusal, shown next to the field it names.
  const serverError = create.error ?? update.error;
  useEffect(() => {
    if (serverError) setProblem({ field: serverError.code === 'CONFLICT' ? 'form' : fieldOfMessage(serverError.message), message: serverError.message });
  }, [serverError]);

  return (
    <>
      <Card title='基本信息'>
        <Field label='行动名称'>
          <Input
            id='campaign-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：学习贯彻党的二十大精神专项行动'
            maxlength={40}
            value={form.title}
            onInput={(e) => dispatch({ type: 'set', patch: { title: e.detail.value } })}
          />
          <FormError id='campaign-title-error' className='btn-gap' message={at('title')} />
        </Field>
        <Field label='行动说明' hint='选填，下级单位可以看到'>
          <Textarea
            id='campaign-description'
            className='field__textarea'
            placeholderClass='placeholder'
            placeholder='目标、要求和注意事项'
            maxlength={2000}
            autoHeight
            value={form.description}
            onInput={(e) => dispatch({ type: 'set', patch: { description: e.detail.value } })}
          />
          <FormError id='campaign-description-error' className='btn-gap' message={at('description')} />
        </Field>
        {initial ? (
          <Field label='发起单位'>
            <Text className='cmp-line cmp-line--strong'>{initial.unitName}（含下级单位）</Text>
          </Field>
        ) : (
          <Field label='发起单位' hint='行动覆盖这个单位和它的下级'>
            <Chips id='campaign-unit' options={choices.map((u) => ({ value: u.id, label: u.name }))} selected={form.unitId ? [form.unitId] : []} onToggle={(unitId) => dispatch({ type: 'set', patch: { unitId } })} />
            <FormError id='campaign-unit-error' className='btn-gap' message={at('unit')} />
          </Field>
        )}
      </Card>

      <StagesCard form={form} dispatch={dispatch} problem={at('stages')} />
      <AsksCard form={form} dispatch={dispatch} problem={at('asks')} />

      <Card title='关联活动' id='campaign-attached'>
        <Text className='admin-note'>勾选本次行动包含的考试、打卡、活动、竞赛和清单，详情页会汇总它们的完成情况。</Text>
        <View className='btn-gap'>
          <AttachPicker form={form} dispatch={dispatch} known={initial?.activities ?? []} today={today} />
        </View>
        <FormError id='campaign-attached-error' message={at('attached')} />
      </Card>

      <Card>
        <FormError id='campaign-editor-error' message={at('form')} />
        <Button id='campaign-save' block type='primary' size='large' loading={running} disabled={running} onClick={() => void save()}>
          {initial ? '保存修改' : '发起专项行动'}
        </Button>
        {initial ? null : <Text className='admin-note'>发起后，下级单位的管理员在“专项行动”中看到报送要求。</Text>}
      </Card>
    </>
  );
}

function EditorLoader({ campaignId }: { campaignId: string | null }) {
  const units = useAction('org', 'listUnits', {}, []);
  const campaign = useAction('campaign', 'getCampaign', campaignId ? { campaignId } : null, [campaignId]);
  const ready = units.data !== undefined && (!campaignId || campaign.data !== undefined);
  const both: AsyncState<{ units: ManagedUnit[]; view: CampaignView | null }> = {
    data: ready && units.data ? { units: units.data.units, view: campaign.data ?? null } : undefined,
    loading: units.loading || (campaignId !== null && campaign.loading),
    error: units.error ?? campaign.error,
    reload: () => {
      units.reload();
      if (campaignId) campaign.reload();
    },
  };
  return (
    <Loaded state={both}>
      {({ units: list, view }) => {
        if (view && !view.mayEdit) {
          return (
            <Card>
              <EmptyView title='这项行动由上级发起' desc='只有发起单位的管理员可以修改' />
            </Card>
          );
        }
        if (view && view.status === 'closed') {
          return (
            <Card>
              <EmptyView title='这项行动已经结束' desc='结束后不能再修改' />
            </Card>
          );
        }
        if (!view && unitChoices(list).length === 0) {
          return (
            <Card>
              <EmptyView title='暂无可管理的单位' desc='请联系单位管理员为您设置管理范围' />
            </Card>
          );
        }
        return <Editor units={list} initial={view} />;
      }}
    </Loaded>
  );
}

export default function CampaignEditorPage() {
  const router = useRouter();
  const campaignId = router.params.id || null;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: campaignId ? '修改专项行动' : '发起专项行动' });
  }, [campaignId]);
  return (
    <PageShell>
      <AdminGate>{() => <EditorLoader campaignId={campaignId} />}</AdminGate>
    </PageShell>
  );
}
