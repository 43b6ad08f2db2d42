// 发布活动 / 修改活动: what (kind, title, description, cover), where, when (the event and its
// sign-up window, Beijing time), how many seats (0 = no limit), waitlist and review, for whom
// (the whole organisation, or branches) and the cancellation cut-off. Saved as a draft, then
// published; a published event can still be changed until it ends (the server keeps the seats
// already taken). The form's rules are in editorModel.ts; every rule is checked again by the server.
import { useEffect, useReducer, useState, type ChangeEvent } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { EventAdminView, ManagedUnit, MeMember } from '@core/contracts';
import { EVENT_KIND_LABELS, EVENT_KINDS } from '@core/domain/event';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import { ActionBar, AudienceChips, EditorLoaded, Field, NotEditable, SwitchLine } from '@/components/Editor';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { Button } from '@/components/nut';
import { call, toApiError, uploadFile } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { MAX_IMAGE_BYTES, MAX_IMAGE_TEXT } from '@core/domain/images';
import { blankEventForm, eventDraftOf, eventEditRefusal, eventFormOf, eventFormProblem, eventPublishQuestion, updateEventForm } from './editorModel';
import './components/ui.scss';
import './editor.scss';


/** Choose a cover picture and upload it: a file input in the browser, the album or camera in WeChat. */
function CoverPicker({ preview, onPicked, onClear }: { preview: string | null; onPicked: (fileID: string, preview: string) => void; onClear: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const upload = async (source: string | Blob, name: string, size: number, localPreview: string) => {
    // The server refuses bigger pictures; say so before uploading.
    if (size > MAX_IMAGE_BYTES) {
      setProblem(`图片超过${MAX_IMAGE_TEXT}，请换一张小一些的图片`);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      onPicked(await uploadFile('event', 'cover', source, name), localPreview);
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
    <Field label='封面图片' hint='选填，JPG 或 PNG，不超过4MB'>
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
    </Field>
  );
}

interface EditorProps {
  viewer: MeMember;
  branches: ManagedUnit[];
  initial: EventAdminView | null;
}

function Editor({ viewer, branches, initial }: EditorProps) {
  const [eventId, setEventId] = useState<string | null>(initial?.id ?? null);
  const [form, dispatch] = useReducer(updateEventForm, initial, (i) => (i ? eventFormOf(i) : blankEventForm(Date.now(), viewer, branches)));
  const [problem, setProblem] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const save = useMutation('event', 'saveEvent');
  const isOrgAdmin = viewer.role === 'org_admin';
  const published = initial?.status === 'published';

  /** Save the form; the saved view, or null with the problem shown. */
  const saveForm = async (): Promise<EventAdminView | null> => {
    const local = eventFormProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ eventId, event: eventDraftOf(form) });
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
    const local = eventFormProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    const answer = await askConfirm({
      title: '发布活动',
      content: eventPublishQuestion(form, branches, Date.now()),
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!answer) return;
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

  return (
    <>
      <Card title='基本信息'>
        <Field label='活动类型'>
          <Chips
            id='event-kind'
            options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
            selected={[form.kind]}
            onToggle={(kind) => dispatch({ type: 'set', patch: { kind } })}
          />
        </Field>
        <Field label='活动名称'>
          <Input
            id='event-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：学习二十大精神专题党课'
            maxlength={40}
            value={form.title}
            onInput={(e) => dispatch({ type: 'set', patch: { title: e.detail.value } })}
          />
        </Field>
        <Field label='活动地点'>
          <Input
            id='event-place'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='如：学校报告厅'
            maxlength={60}
            value={form.place}
            onInput={(e) => dispatch({ type: 'set', patch: { place: e.detail.value } })}
          />
        </Field>
        <Field label='活动介绍' hint='选填，党员报名前可以看到'>
          <Textarea
            id='event-description'
            className='field__textarea'
            placeholderClass='placeholder'
            placeholder='如：由支部书记讲授，请带好笔记本'
            maxlength={2000}
            autoHeight
            value={form.description}
            onInput={(e) => dispatch({ type: 'set', patch: { description: e.detail.value } })}
          />
        </Field>
        <CoverPicker
          preview={form.coverPreview}
          onPicked={(cover, preview) => dispatch({ type: 'cover', cover, preview })}
          onClear={() => dispatch({ type: 'cover', cover: null, preview: null })}
        />
      </Card>

      <Card title='时间'>
        <DateTimeField id='event-starts' label='活动开始' value={form.startsAt} onChange={(startsAt) => dispatch({ type: 'startsAt', startsAt })} />
        <DateTimeField id='event-ends' label='活动结束' value={form.endsAt} onChange={(endsAt) => dispatch({ type: 'set', patch: { endsAt } })} />
        <DateTimeField id='event-signup-opens' label='报名开始' value={form.signupOpensAt} onChange={(signupOpensAt) => dispatch({ type: 'set', patch: { signupOpensAt } })} />
        <DateTimeField id='event-signup-closes' label='报名截止' value={form.signupClosesAt} onChange={(signupClosesAt) => dispatch({ type: 'set', patch: { signupClosesAt } })} />
        <NumberField
          id='event-cancel-hours'
          label='取消报名截止'
          hint='活动开始前多少小时起不能再取消'
          value={form.cancelHours}
          onChange={(cancelHours) => dispatch({ type: 'set', patch: { cancelHours } })}
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
          onChange={(capacity) => dispatch({ type: 'set', patch: { capacity } })}
          min={0}
          max={10_000}
          step={5}
          unit={form.capacity === 0 ? '人（不限）' : '人'}
        />
        <SwitchLine
          id='event-waitlist'
          label='允许候补'
          hint='名额满后可以排队，有人取消时按顺序递补'
          checked={form.waitlist}
          onChange={(waitlist) => dispatch({ type: 'set', patch: { waitlist } })}
        />
        <SwitchLine
          id='event-approval'
          label='需要审核'
          hint='报名后由支部管理员通过才算报上'
          checked={form.approval}
          onChange={(approval) => dispatch({ type: 'set', patch: { approval } })}
        />
        <Field label='面向' className='btn-gap'>
          <AudienceChips id='event-unit' allLabel='全单位' isOrgAdmin={isOrgAdmin} branches={branches} audience={form} onToggle={(chip) => dispatch({ type: 'toggleUnit', chip })} />
        </Field>
      </Card>

      <Card>
        <FormError id='event-editor-error' message={problem ?? save.error?.message ?? null} />
        {eventId && !published ? <Text className='admin-note'>草稿已保存。发布前，党员看不到这个活动。</Text> : null}
        {published ? <Text className='admin-note'>活动已发布，修改会立即对党员生效；人数上限不能少于已报名的人数。</Text> : null}
        <ActionBar
          className='btn-gap'
          disabled={save.running || publishing}
          buttons={[
            {
              id: 'event-save',
              text: published ? '保存修改' : '保存草稿',
              type: published ? 'primary' : 'default',
              fill: published ? 'solid' : 'outline',
              loading: save.running && !publishing,
              onClick: () => void onSave(),
            },
            ...(published ? [] : [{ id: 'event-publish', text: '发布', type: 'primary' as const, loading: publishing, onClick: () => void onPublish() }]),
          ]}
        />
      </Card>
    </>
  );
}

function EditorLoader({ viewer, eventId }: { viewer: MeMember; eventId: string | null }) {
  const event = useAction('event', 'getEventAdmin', eventId ? { eventId } : null, [eventId]);
  return (
    <EditorLoaded item={event} editing={eventId !== null} needsBranch>
      {(branches, v) => {
        const refusal = v ? eventEditRefusal(v) : null;
        if (v && refusal) {
          return <NotEditable title={refusal} desc={v.title} actionText='查看活动' onAction={() => goPage(`${PAGE.eventManage}?id=${v.id}`)} />;
        }
        return <Editor viewer={viewer} branches={branches} initial={v} />;
      }}
    </EditorLoaded>
  );
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
