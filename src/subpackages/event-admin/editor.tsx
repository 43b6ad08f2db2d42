// 发布活动 / 修改活动: what (kind, title, description, cover), where, when (the event and its
// sign-up window, Beijing time), how many seats (0 = no limit), waitlist and review, for whom
// (the whole organisation, or branches) and the cancellation cut-off. Saved as a draft, then
// published; a published event can still be changed until it ends (the server keeps the seats
// already taken). Every rule is checked again by the server.
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { EventAdminView, EventDraft, ManagedUnit, MeMember } from '@core/contracts';
import { EVENT_KIND_LABELS, EVENT_KINDS, eventTimesProblem, type EventKind } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { Button, Switch } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import { call, toApiError, uploadFile } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { eventWhen } from '@/utils/event-format';
import { goPage, PAGE } from '@/utils/nav';
import { defaultEventTimes, moveStart, type EventTimesForm } from './components/format';
import './components/ui.scss';
import './editor.scss';
import { isPickableUnit } from '@core/domain/units';

/** The server refuses covers over 4 MB; say so before uploading. */
const MAX_COVER_BYTES = 4 * 1024 * 1024;

interface Form extends EventTimesForm {
  kind: EventKind;
  title: string;
  description: string;
  /** fileID of the uploaded cover, or null. */
  cover: string | null;
  /** What to show for the cover: a local preview or the saved cover's URL. */
  coverPreview: string | null;
  place: string;
  capacity: number;
  waitlist: boolean;
  approval: boolean;
  /** The whole organisation (org admins only): sent as an empty unitIds. */
  allUnits: boolean;
  unitIds: string[];
  cancelHours: number;
}

function newForm(now: number, viewer: MeMember, branches: ManagedUnit[]): Form {
  const isOrgAdmin = viewer.role === 'org_admin';
  return {
    kind: 'lecture_tour',
    title: '',
    description: '',
    cover: null,
    coverPreview: null,
    place: '',
    ...defaultEventTimes(now),
    capacity: 0,
    waitlist: true,
    approval: false,
    allUnits: isOrgAdmin,
    // A branch organiser with one branch means that branch.
    unitIds: !isOrgAdmin && branches.length === 1 ? [branches[0].id] : [],
    cancelHours: 2,
  };
}

function formOf(view: EventAdminView): Form {
  return {
    kind: view.kind,
    title: view.title,
    description: view.description,
    cover: view.cover,
    coverPreview: view.coverUrl,
    place: view.place,
    signupOpensAt: view.signupOpensAt,
    signupClosesAt: view.signupClosesAt,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    capacity: view.capacity,
    waitlist: view.waitlist,
    approval: view.approval,
    allUnits: view.unitIds.length === 0,
    unitIds: view.unitIds,
    cancelHours: view.cancelHours,
  };
}

function draftOf(form: Form): EventDraft {
  return {
    kind: form.kind,
    title: form.title.trim(),
    description: form.description.trim(),
    cover: form.cover,
    place: form.place.trim(),
    startsAt: form.startsAt,
    endsAt: form.endsAt,
    signupOpensAt: form.signupOpensAt,
    signupClosesAt: form.signupClosesAt,
    capacity: form.capacity,
    waitlist: form.waitlist,
    approval: form.approval,
    unitIds: form.allUnits ? [] : form.unitIds,
    cancelHours: form.cancelHours,
  };
}

/** Problems worth saying before the round trip; the server checks everything again. */
function localProblem(form: Form): string | null {
  if (form.title.trim().length < 2) return '请填写活动名称（至少2个字）';
  if (form.place.trim() === '') return '请填写活动地点';
  if (!form.allUnits && form.unitIds.length === 0) return '请选择面向的支部';
  return eventTimesProblem(form);
}

function SwitchLine({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <View className='editor-line'>
      <View className='editor-line__text'>
        <Text>{label}</Text>
        {hint ? <Text className='editor-line__hint'>{hint}</Text> : null}
      </View>
      <Text className='muted' id={`${id}-state`}>
        {checked ? '开' : '关'}
      </Text>
      <Switch id={id} checked={checked} onChange={(v: boolean) => onChange(v)} />
    </View>
  );
}

/** Choose a cover picture and upload it: a file input in the browser, the album or camera in WeChat. */
function CoverPicker({ preview, onPicked, onClear }: { preview: string | null; onPicked: (fileID: string, preview: string) => void; onClear: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (source: string | Blob, name: string, size: number, localPreview: string) => {
    if (size > MAX_COVER_BYTES) {
      setProblem('图片超过4MB，请换一张小一些的图片');
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      onPicked(await uploadFile(source, name), localPreview);
    } catch (e) {
      setProblem(`封面没有上传成功：${toApiError(e).message}`);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again should fire again
    if (f) void upload(f, f.name, f.size, URL.createObjectURL(f));
  };

  const choose = async () => {
    try {
      const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const file = res.tempFiles[0];
      if (!file) return;
      const ext = /\.(png|jpe?g|gif|webp)$/i.exec(file.path)?.[1] ?? 'jpg';
      await upload(file.path, `cover.${ext}`, file.size, file.path);
    } catch {
      // The organiser closed the chooser: nothing to do.
    }
  };

  return (
    <View className='field'>
      <Text className='field__label'>
        封面图片<Text className='field__hint'> 选填，JPG 或 PNG，不超过4MB</Text>
      </Text>
      {preview ? <Image className='editor-cover' id='event-cover-preview' src={preview} mode='aspectFill' /> : null}
      <View className='admin-actions'>
        {process.env.TARO_ENV === 'h5' ? (
          <label className='editor-file'>
            <span>{busy ? '正在上传…' : preview ? '更换封面' : '选择封面图片'}</span>
            <input id='event-cover-input' className='editor-file__input' type='file' accept='image/png,image/jpeg' disabled={busy} onChange={onFile} />
          </label>
        ) : (
          <Button id='event-cover-choose' className='admin-actions__btn' fill='outline' type='primary' loading={busy} disabled={busy} onClick={() => void choose()}>
            {preview ? '更换封面' : '选择封面图片'}
          </Button>
        )}
        {preview ? (
          <Button id='event-cover-clear' className='admin-actions__btn' fill='outline' disabled={busy} onClick={onClear}>
            不用封面
          </Button>
        ) : null}
      </View>
      <FormError id='event-cover-error' message={problem} />
    </View>
  );
}

interface EditorProps {
  viewer: MeMember;
  units: ManagedUnit[];
  initial: EventAdminView | null;
}

function Editor({ viewer, units, initial }: EditorProps) {
  const branches = useMemo(() => units.filter(isPickableUnit), [units]);
  const [eventId, setEventId] = useState<string | null>(initial?.id ?? null);
  const [form, setForm] = useState<Form>(() => (initial ? formOf(initial) : newForm(Date.now(), viewer, branches)));
  const [problem, setProblem] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const save = useMutation('event', 'saveEvent');
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const isOrgAdmin = viewer.role === 'org_admin';
  const published = initial?.status === 'published';

  const toggleUnit = (id: string) => {
    if (id === 'all') {
      setForm((f) => ({ ...f, allUnits: !f.allUnits, unitIds: [] }));
      return;
    }
    setForm((f) => ({ ...f, allUnits: false, unitIds: f.unitIds.includes(id) ? f.unitIds.filter((u) => u !== id) : [...f.unitIds, id] }));
  };

  /** Save the form; the saved view, or null with the problem shown. */
  const saveForm = async (): Promise<EventAdminView | null> => {
    const local = localProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ eventId, event: draftOf(form) });
    if (view) setEventId(view.id);
    return view;
  };

  const onSave = async () => {
    const view = await saveForm();
    if (!view) return;
    if (view.status === 'published') {
      void Taro.showToast({ title: '修改已保存', icon: 'none' });
      void Taro.redirectTo({ url: `${PAGE.eventManage}?id=${view.id}` });
    } else {
      void Taro.showToast({ title: '草稿已保存', icon: 'none' });
    }
  };

  const onPublish = async () => {
    const local = localProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    const audience = form.allUnits ? '全单位' : branches.filter((b) => form.unitIds.includes(b.id)).map((b) => b.name).join('、');
    const seats = form.capacity > 0 ? `限${form.capacity}人${form.waitlist ? '，满后可候补' : ''}` : '人数不限';
    const answer = await Taro.showModal({
      title: '发布活动',
      content: `面向${audience}，${eventWhen(form.startsAt, form.endsAt)}，${seats}。发布后党员就可以看到并报名，确定发布吗？`,
      confirmText: '发布',
      confirmColor: '#C8161D',
      cancelText: '再看看',
    });
    if (!answer.confirm) return;
    const view = await saveForm();
    if (!view) return;
    setPublishing(true);
    try {
      const done = await call('event', 'publishEvent', { eventId: view.id });
      void Taro.showToast({ title: '活动已发布', icon: 'none' });
      void Taro.redirectTo({ url: `${PAGE.eventManage}?id=${done.id}` });
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
          <Text className='field__label'>活动类型</Text>
          <Chips id='event-kind' options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} selected={[form.kind]} onToggle={(kind) => set({ kind })} />
        </View>
        <View className='field'>
          <Text className='field__label'>活动名称</Text>
          <Input
            id='event-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：学习二十大精神专题党课'
            maxlength={40}
            value={form.title}
            onInput={(e) => set({ title: e.detail.value })}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>活动地点</Text>
          <Input
            id='event-place'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：学校报告厅'
            maxlength={60}
            value={form.place}
            onInput={(e) => set({ place: e.detail.value })}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>
            活动介绍<Text className='field__hint'> 选填，党员报名前可以看到</Text>
          </Text>
          <Textarea
            id='event-description'
            className='field__textarea'
            placeholderClass='placeholder'
            placeholder='如：由支部书记讲授，请带好笔记本'
            maxlength={2000}
            autoHeight
            value={form.description}
            onInput={(e) => set({ description: e.detail.value })}
          />
        </View>
        <CoverPicker
          preview={form.coverPreview}
          onPicked={(cover, coverPreview) => set({ cover, coverPreview })}
          onClear={() => set({ cover: null, coverPreview: null })}
        />
      </Card>

      <Card title='时间'>
        <DateTimeField id='event-starts' label='活动开始' value={form.startsAt} onChange={(startsAt) => setForm((f) => moveStart(f, startsAt))} />
        <DateTimeField id='event-ends' label='活动结束' value={form.endsAt} onChange={(endsAt) => set({ endsAt })} />
        <DateTimeField id='event-signup-opens' label='报名开始' value={form.signupOpensAt} onChange={(signupOpensAt) => set({ signupOpensAt })} />
        <DateTimeField id='event-signup-closes' label='报名截止' value={form.signupClosesAt} onChange={(signupClosesAt) => set({ signupClosesAt })} />
        <NumberField
          id='event-cancel-hours'
          label='取消报名截止'
          hint='活动开始前多少小时起不能再取消'
          value={form.cancelHours}
          onChange={(cancelHours) => set({ cancelHours })}
          min={0}
          max={168}
          unit='小时'
        />
      </Card>

      <Card title='名额与报名'>
        <NumberField
          id='event-capacity'
          label='人数上限'
          hint='0 表示不限'
          value={form.capacity}
          onChange={(capacity) => set({ capacity })}
          min={0}
          max={10_000}
          step={5}
          unit={form.capacity === 0 ? '人（不限）' : '人'}
        />
        <SwitchLine id='event-waitlist' label='允许候补' hint='名额满后可以排队，有人取消时按顺序递补' checked={form.waitlist} onChange={(waitlist) => set({ waitlist })} />
        <SwitchLine id='event-approval' label='需要审核' hint='报名后由支部管理员通过才算报上' checked={form.approval} onChange={(approval) => set({ approval })} />
        <View className='field btn-gap'>
          <Text className='field__label'>面向</Text>
          <Chips
            id='event-unit'
            multiple
            options={[...(isOrgAdmin ? [{ value: 'all', label: '全单位' }] : []), ...branches.map((b) => ({ value: b.id, label: b.name }))]}
            selected={form.allUnits ? ['all'] : form.unitIds}
            onToggle={toggleUnit}
          />
        </View>
      </Card>

      <Card>
        <FormError id='event-editor-error' message={shownError} />
        {eventId && !published ? <Text className='admin-note'>草稿已保存。发布前，党员看不到这个活动。</Text> : null}
        {published ? <Text className='admin-note'>活动已发布，修改会立即对党员生效；人数上限不能少于已报名的人数。</Text> : null}
        <View className='editor-actions btn-gap'>
          <Button
            id='event-save'
            className='editor-actions__btn'
            type={published ? 'primary' : 'default'}
            fill={published ? 'solid' : 'outline'}
            loading={save.running && !publishing}
            disabled={busy}
            onClick={() => void onSave()}
          >
            {published ? '保存修改' : '保存草稿'}
          </Button>
          {published ? null : (
            <Button id='event-publish' className='editor-actions__btn' type='primary' loading={publishing} disabled={busy} onClick={() => void onPublish()}>
              发布
            </Button>
          )}
        </View>
      </Card>
    </>
  );
}

function EditorLoader({ viewer, eventId }: { viewer: MeMember; eventId: string | null }) {
  const units = useAction('org', 'listUnits', {}, []);
  const view = useAction('event', 'getEventAdmin', eventId ? { eventId } : null, [eventId]);
  const loading = (units.loading && !units.data) || (eventId !== null && view.loading && !view.data);
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
  if (eventId !== null && !view.data) {
    return (
      <Card>
        <ErrorView message={view.error?.message ?? ''} onRetry={view.reload} />
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
  const v = view.data;
  if (v && (!v.canEdit || v.status === 'cancelled' || v.phase === 'ended')) {
    const why = v.status === 'cancelled' ? '活动已取消，不能再修改' : v.phase === 'ended' ? '活动已结束，不能再修改' : '只有发起人或单位管理员可以修改这个活动';
    return (
      <Card>
        <EmptyView
          title={why}
          desc={v.title}
          action={
            <Button block type='primary' onClick={() => goPage(`${PAGE.eventManage}?id=${v.id}`)}>
              查看活动
            </Button>
          }
        />
      </Card>
    );
  }
  return <Editor viewer={viewer} units={units.data.units} initial={v ?? null} />;
}

export default function EventEditorPage() {
  const router = useRouter();
  const eventId = router.params.id || null;
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: eventId ? '修改活动' : '发布活动' });
  }, [eventId]);
  return (
    <PageShell>
      <AdminGate>{(viewer) => <EditorLoader viewer={viewer} eventId={eventId} />}</AdminGate>
    </PageShell>
  );
}
