// 打卡活动: themed runs of study days (for example 21 days of party history) for the organiser's
// branches — or, for an org admin, the whole organisation — each with the number of days a member
// should check in. The list (newest first) opens a challenge's progress; a running or upcoming one
// can be cancelled. The form says its problems before the round trip; the server checks again.
import { useRef, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ChallengeSummary, ManagedUnit, MeMember } from '@core/contracts';
import { challengeLength } from '@core/domain/checkin';
import { addDays, beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { CHALLENGE_PHASE, challengePhase, dayRangeText } from '@/utils/checkin-format';
import { goPage, PAGE } from '@/utils/nav';
import DayPicker from './components/DayPicker';
import './components/ui.scss';
import './challenges.scss';
import { isPickableUnit } from '@core/domain/org/units';
import { askConfirm } from '@/components/Dialog/confirm';

const ALL = 'all';
const TONE_CLASS = { plain: 'tag', red: 'tag tag--red', gold: 'tag tag--gold' } as const;

interface Form {
  title: string;
  description: string;
  startDay: string;
  endDay: string;
  requiredDays: number;
  /** The whole organisation (org admins only): sent as an empty unitIds. */
  allUnits: boolean;
  unitIds: string[];
}

function newForm(today: string, branches: ManagedUnit[]): Form {
  return {
    title: '',
    description: '',
    startDay: today,
    endDay: addDays(today, 20),
    requiredDays: 15,
    allUnits: false,
    // One branch to manage: it is the only possible audience.
    unitIds: branches.length === 1 ? [branches[0].id] : [],
  };
}

/** Problems worth saying before the round trip. */
function localProblem(form: Form): string | null {
  if (form.title.trim().length < 2) return '活动名称至少2个字';
  if (form.endDay < form.startDay) return '结束日期不能早于开始日期';
  const length = challengeLength(form);
  if (form.requiredDays > length) return `达标天数不能超过活动天数（${length}天）`;
  if (!form.allUnits && form.unitIds.length === 0) return '请选择参加活动的支部';
  return null;
}

function CreateForm({ viewer, branches, onCreated, onClose }: { viewer: MeMember; branches: ManagedUnit[]; onCreated: () => void; onClose: () => void }) {
  const today = beijingDayKey(Date.now());
  const [form, setForm] = useState<Form>(() => newForm(today, branches));
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation('checkin', 'createChallenge');
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const isOrgAdmin = viewer.role === 'org_admin';
  const length = form.endDay >= form.startDay ? challengeLength(form) : 0;

  const toggleUnit = (id: string) => {
    if (id === ALL) {
      setForm((f) => ({ ...f, allUnits: !f.allUnits, unitIds: [] }));
      return;
    }
    setForm((f) => ({ ...f, allUnits: false, unitIds: f.unitIds.includes(id) ? f.unitIds.filter((u) => u !== id) : [...f.unitIds, id] }));
  };

  const submit = async () => {
    const local = localProblem(form);
    setProblem(local);
    if (local) return;
    const done = await create.run({
      title: form.title.trim(),
      description: form.description.trim(),
      startDay: form.startDay,
      endDay: form.endDay,
      requiredDays: form.requiredDays,
      unitIds: form.allUnits ? [] : form.unitIds,
    });
    if (!done) return;
    void Taro.showToast({ title: '打卡活动已发起', icon: 'none' });
    onCreated();
  };

  return (
    <Card title='发起打卡活动' id='challenge-form' extra={<Text id='challenge-form-close' className='challenge-form__close' onClick={onClose}>✕ 收起</Text>}>
      <View className='field'>
        <Text className='field__label'>活动名称</Text>
        <Input
          id='challenge-title'
          className='field__input'
          placeholderClass='placeholder'
          placeholder='如：党史学习21天打卡'
          maxlength={30}
          value={form.title}
          onInput={(e) => set({ title: e.detail.value })}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>
          活动说明<Text className='field__hint'> 选填</Text>
        </Text>
        <Textarea
          id='challenge-description'
          className='challenge-form__textarea'
          placeholderClass='placeholder'
          placeholder='如：每天学习一篇党史故事并打卡'
          maxlength={300}
          value={form.description}
          onInput={(e) => set({ description: e.detail.value })}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>开始日期</Text>
        <DayPicker id='challenge-start' value={form.startDay} onChange={(startDay) => set({ startDay })} />
      </View>
      <View className='field'>
        <Text className='field__label'>结束日期</Text>
        <DayPicker id='challenge-end' value={form.endDay} start={form.startDay} onChange={(endDay) => set({ endDay })} />
      </View>
      <NumberField
        id='challenge-required'
        label='达标天数'
        hint={`活动共 ${length} 天，打卡满这些天算达标`}
        value={form.requiredDays}
        onChange={(requiredDays) => set({ requiredDays })}
        min={1}
        max={366}
        unit='天'
      />
      <View className='field'>
        <Text className='field__label'>参加的支部</Text>
        <Chips
          id='challenge-unit'
          multiple
          options={[...(isOrgAdmin ? [{ value: ALL, label: '全单位' }] : []), ...branches.map((b) => ({ value: b.id, label: b.name }))]}
          selected={form.allUnits ? [ALL] : form.unitIds}
          onToggle={toggleUnit}
        />
      </View>
      <FormError id='challenge-error' message={problem ?? create.error?.message} />
      <Button id='challenge-submit' block type='primary' size='large' loading={create.running} disabled={create.running} onClick={() => void submit()}>
        发起活动
      </Button>
    </Card>
  );
}

function ChallengeItem({ c, today, onCancelled }: { c: ChallengeSummary; today: string; onCancelled: () => void }) {
  const cancel = useMutation('checkin', 'cancelChallenge');
  const phase = challengePhase(c, c.today || today);
  const look = CHALLENGE_PHASE[phase];
  const canCancel = c.canCancel === true && (phase === 'running' || phase === 'upcoming');

  const confirmCancel = async () => {
    const confirmed = await askConfirm({
      title: '取消打卡活动',
      content: `取消后党员不再看到“${c.title}”，已打的卡不受影响。确定取消吗？`,
      confirmText: '取消活动',
      cancelText: '再想想',
    });
    if (!confirmed) return;
    const done = await cancel.run({ challengeId: c.id });
    if (!done) return;
    void Taro.showToast({ title: '活动已取消', icon: 'none' });
    onCancelled();
  };

  return (
    <View className='ca-row' id={`challenge-${c.id}`} data-phase={phase}>
      <View className='ca-row__head' hoverClass='ca-row--pressed' onClick={() => goPage(`${PAGE.checkinChallenge}?id=${c.id}`)}>
        <Text className='ca-row__title'>{c.title}</Text>
        <Text className={TONE_CLASS[look.tone]}>{look.label}</Text>
      </View>
      <Text className='ca-row__meta'>{dayRangeText(c.startDay, c.endDay)}</Text>
      <Text className='ca-row__meta'>
        打卡满 {c.requiredDays} 天达标 · 共 {challengeLength(c)} 天
      </Text>
      <Text className='ca-row__meta'>面向：{c.audienceNames.length ? c.audienceNames.join('、') : '全单位'}</Text>
      <Text className='ca-row__meta'>发起人：{c.createdByName}</Text>
      <View className='admin-actions btn-gap'>
        <Button id={`challenge-open-${c.id}`} className='admin-actions__btn' size='small' type='primary' fill='outline' onClick={() => goPage(`${PAGE.checkinChallenge}?id=${c.id}`)}>
          查看进度
        </Button>
        {canCancel ? (
          <Button id={`challenge-cancel-${c.id}`} className='admin-actions__btn' size='small' fill='outline' loading={cancel.running} onClick={() => void confirmCancel()}>
            取消活动
          </Button>
        ) : null}
      </View>
      <FormError message={cancel.error?.message} className='btn-gap' />
    </View>
  );
}

function Challenges({ viewer }: { viewer: MeMember }) {
  const list = useAction('checkin', 'listChallenges', {}, []);
  const units = useAction('org', 'listUnits', {}, []);
  const [creating, setCreating] = useState(false);
  const firstShow = useRef(true);
  const today = beijingDayKey(Date.now());
  const branches = (units.data?.units ?? []).filter(isPickableUnit);

  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else list.reload();
  });
  usePullDownRefresh(() => {
    list.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  return (
    <>
      {creating && units.data ? (
        <CreateForm
          viewer={viewer}
          branches={branches}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            list.reload();
          }}
        />
      ) : (
        <Card>
          <Button id='challenge-new' block type='primary' size='large' loading={creating && units.loading} onClick={() => setCreating(true)}>
            发起打卡活动
          </Button>
          {creating && units.error ? <FormError message={units.error.message} className='btn-gap' /> : null}
          <Text className='admin-note'>如“党史学习21天打卡”：选好支部、日期和达标天数，党员在“学习”页可以看到自己的进度。</Text>
        </Card>
      )}

      <Card title='打卡活动' id='challenge-list'>
        <Loaded bare state={list}>
          {(challenges) =>
            challenges.length === 0 ? (
              <EmptyView title='还没有打卡活动' desc='点“发起打卡活动”，为支部安排一段集中学习' />
            ) : (
              challenges.map((c) => <ChallengeItem key={c.id} c={c} today={today} onCancelled={list.reload} />)
            )
          }
        </Loaded>
      </Card>
    </>
  );
}

export default function CheckinChallengesPage() {
  return (
    <PageShell>
      <AdminGate>{(member) => <Challenges viewer={member} />}</AdminGate>
    </PageShell>
  );
}
