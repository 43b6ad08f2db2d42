// 事项详情: one item of a task list with its record — progress notes, the close-out and any
// reopening (time, who, text, photos). Its owner or an organiser 写进展 (text and photos) and 办结
// (what was done and its evidence, after a confirmation); an organiser 重新打开 a done item with a
// reason, and marks each photo 公开 or not for the public view. The owner, a plain member, comes
// here from a link: no AdminGate — the server decides, and its refusal is shown as it is.
import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { TaskItemView, TaskListView, TaskNoteView, TaskPhoto } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { askConfirm } from '@/components/Dialog/confirm';
import { ReasonDialog } from '@/components/Dialog';
import FormError from '@/components/FormError';
import { LoadingOrError } from '@/components/Loaded';
import { Button } from '@/components/nut';
import PhotoPicker, { type PickedPhoto } from '@/components/PhotoPicker';
import { EmptyView } from '@/components/StateView';
import { call, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { goBackOrHome } from '@/utils/nav';
import { itemDeadlineLine, NOTE_KIND_LABEL, noteMoment, overdueText, statusTagClass, TASK_KIND_LABEL, TASK_STATUS_LABEL } from '@/utils/task-format';
import TaskItemForm, { type TaskItemValues } from './components/TaskItemForm';
import './item.scss';

const REOPEN_REASONS = ['群众反映问题没有解决', '验收不合格', '办结材料不全'];
const TASK_PHOTO = { context: 'campaign', purpose: 'photo' } as const;

function Photo({ item, photo, id, mayEdit, onChanged }: { item: TaskItemView; photo: TaskPhoto; id: string; mayEdit: boolean; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const done = await call('campaign', 'setPhotoPublic', { itemId: item.itemId, fileID: photo.fileID, public: !photo.public });
      void Taro.showToast({ title: done.public ? '照片已公开' : '照片已不公开', icon: 'none' });
      onChanged();
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='tk-photo' id={id} data-public={photo.public ? 'yes' : 'no'}>
      {photo.url ? (
        <Image className='tk-photo__img' src={photo.url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: [photo.url ?? ''], current: photo.url ?? '' })} />
      ) : (
        <View className='tk-photo__img tk-photo__img--none'>
          <Text>照片暂时无法显示</Text>
        </View>
      )}
      {mayEdit ? (
        <Button id={`${id}-public`} size='small' type={photo.public ? 'primary' : 'default'} fill='outline' loading={busy} disabled={busy} onClick={() => void toggle()}>
          {photo.public ? '✓ 已公开' : '设为公开'}
        </Button>
      ) : (
        <Text className='tk-photo__state'>{photo.public ? '群众可见' : '不公开'}</Text>
      )}
      <FormError message={problem} />
    </View>
  );
}

function Note({ item, note, mayEdit, today, onChanged }: { item: TaskItemView; note: TaskNoteView; mayEdit: boolean; today: string; onChanged: () => void }) {
  return (
    <View className='tk-note' id={`item-note-${note.noteId}`}>
      <View className='tk-row__head'>
        <Text className={note.kind === 'closeOut' ? 'tag tag--ok' : note.kind === 'reopen' ? 'tag tag--red' : 'tag'}>{NOTE_KIND_LABEL[note.kind]}</Text>
        <Text className='tk-note__who'>{note.byName}</Text>
        <Text className='muted'>{noteMoment(note.at, today)}</Text>
      </View>
      <Text className='tk-note__text'>{note.text}</Text>
      {note.photos.length > 0 ? (
        <View className='tk-photos'>
          {note.photos.map((p, i) => (
            <Photo key={p.fileID} item={item} photo={p} id={`item-note-${note.noteId}-photo-${i}`} mayEdit={mayEdit} onChanged={onChanged} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function WriteForm({ item, mode, onDone, onClose }: { item: TaskItemView; mode: 'progress' | 'close'; onDone: () => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const note = useMutation('campaign', 'addTaskNote');
  const close = useMutation('campaign', 'closeTaskItem');
  const running = note.running || close.running;
  const closing = mode === 'close';
  const prefix = closing ? 'item-close' : 'item-note';

  const submit = async () => {
    if (text.trim().length < 2) return setProblem(closing ? '请写明完成情况' : '请写一句进展');
    setProblem(null);
    const payload = { itemId: item.itemId, text: text.trim(), photos: photos.map((p) => p.fileID) };
    if (closing) {
      const ok = await askConfirm({
        title: '办结事项',
        content: `“${item.title}”办结后算作已完成${photos.length === 0 ? '。还没有添加照片，办结时最好留下照片作为凭证' : `，附${photos.length}张照片`}。确定办结吗？`,
        confirmText: '办结',
        cancelText: '再看看',
      });
      if (!ok) return;
      const done = await close.run(payload);
      if (!done) return;
      void Taro.showToast({ title: done.doneLate ? '已办结（逾期完成）' : '已办结', icon: 'none' });
    } else {
      const done = await note.run(payload);
      if (!done) return;
      void Taro.showToast({ title: '进展已记下', icon: 'none' });
    }
    onDone();
  };

  return (
    <Card title={closing ? '办结' : '写进展'} id={`${prefix}-form`} extra={<Text id={`${prefix}-form-close`} className='tk-close' onClick={onClose}>✕ 收起</Text>}>
      <View className='field'>
        <Text className='field__label'>{closing ? '完成情况' : '进展'}</Text>
        <Textarea
          id={`${prefix}-text`}
          className='field__textarea'
          placeholderClass='placeholder'
          placeholder={closing ? '办成了什么，群众怎么说' : '今天做了什么，下一步做什么'}
          maxlength={1000}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      <PhotoPicker
        id={`${prefix}-photos`}
        upload={TASK_PHOTO}
        label={closing ? '凭证照片' : '照片'}
        max={9}
        photos={photos}
        onChange={setPhotos}
        onBusy={setUploading}
        addText='添加照片'
        disabled={running}
      />
      <FormError id={`${prefix}-error`} message={problem ?? (closing ? close.error?.message : note.error?.message)} />
      <Button id={`${prefix}-submit`} block className='btn-gap' type='primary' size='large' loading={running} disabled={running || uploading} onClick={() => void submit()}>
        {closing ? '办结' : '记下进展'}
      </Button>
    </Card>
  );
}

function EditItemForm({ list, item, today, onDone, onClose }: { list: TaskListView; item: TaskItemView; today: string; onDone: (saved: boolean) => void; onClose: () => void }) {
  const save = useMutation('campaign', 'updateTaskItem');
  const submit = async (values: TaskItemValues) => {
    // `version` is the one this page last read: a change made meanwhile is refused (CONFLICT), not overwritten.
    const done = await save.run({ itemId: item.itemId, version: item.version, ...values });
    if (!done) {
      onDone(false); // read it again, so the next try carries the current version
      return;
    }
    void Taro.showToast({ title: '事项已保存', icon: 'none' });
    onDone(true);
  };
  return (
    <TaskItemForm
      id='item-edit'
      title='修改事项'
      submitText='保存'
      unitId={list.unitId}
      today={today < item.deadlineDay ? today : item.deadlineDay}
      initial={{ title: item.title, detail: item.detail, ownerMemberId: item.ownerMemberId, deadlineDay: item.deadlineDay }}
      running={save.running}
      refusal={save.error?.message ?? null}
      onSubmit={(values) => void submit(values)}
      onClose={onClose}
    />
  );
}

function Item({ list, item, onChanged }: { list: TaskListView; item: TaskItemView; onChanged: () => void }) {
  const [form, setForm] = useState<'progress' | 'close' | 'edit' | null>(null);
  const [reopening, setReopening] = useState(false);
  const today = beijingDayKey(Date.now());
  const late = item.status !== 'done' && item.overdue ? overdueText(item.deadlineDay, today) : null;
  const done = () => {
    setForm(null);
    onChanged();
  };

  const reopen = async (reason: string): Promise<string | null> => {
    try {
      await call('campaign', 'reopenTaskItem', { itemId: item.itemId, reason });
      void Taro.showToast({ title: '事项已重新打开', icon: 'none' });
      onChanged();
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  };

  return (
    <>
      <View className='page-intro'>
        <Text className='page-intro__title' id='item-title'>
          {item.title}
        </Text>
        <Text className='page-intro__desc'>
          {list.title} · {TASK_KIND_LABEL[list.kind]} · {list.unitName}
        </Text>
      </View>
      <Card id='item-summary'>
        <View className='tk-row__tags'>
          <Text className={statusTagClass(item.status, item.overdue)} id='item-status'>
            {TASK_STATUS_LABEL[item.status]}
          </Text>
          {late ? <Text className='tag tag--red'>{late}</Text> : null}
        </View>
        <Text className='tk-row__meta'>负责人：{item.ownerName}</Text>
        <Text className={late ? 'tk-row__meta tk-overdue' : 'tk-row__meta'} id='item-deadline'>
          {itemDeadlineLine(item, today)}
        </Text>
        {item.detail ? <Text className='tk-item__detail'>{item.detail}</Text> : null}
        {item.mayUpdate && item.status !== 'done' && form === null ? (
          <View className='admin-actions btn-gap'>
            <Button id='item-note-open' className='admin-actions__btn' type='primary' fill='outline' onClick={() => setForm('progress')}>
              写进展
            </Button>
            <Button id='item-close-open' className='admin-actions__btn' type='primary' onClick={() => setForm('close')}>
              办结
            </Button>
          </View>
        ) : null}
        {item.mayEdit && item.status !== 'done' && form === null ? (
          <Button id='item-edit-open' block className='btn-gap' fill='outline' onClick={() => setForm('edit')}>
            修改事项（负责人、截止日期）
          </Button>
        ) : null}
        {item.mayEdit && item.status === 'done' ? (
          <Button id='item-reopen' block className='btn-gap' fill='outline' onClick={() => setReopening(true)}>
            重新打开
          </Button>
        ) : null}
        {item.mayEdit ? <Text className='admin-note'>照片标为“公开”后，群众在公开清单里能看到；姓名和进展文字不会公开。</Text> : null}
      </Card>
      {form === 'progress' || form === 'close' ? <WriteForm key={form} item={item} mode={form} onDone={done} onClose={() => setForm(null)} /> : null}
      {form === 'edit' ? <EditItemForm list={list} item={item} today={today} onDone={(saved) => (saved ? done() : onChanged())} onClose={() => setForm(null)} /> : null}
      <Card title='办理记录' id='item-notes'>
        {item.notes.length === 0 ? (
          <EmptyView title='还没有进展' desc={item.mayUpdate ? '办的过程中点“写进展”，拍几张照片留下记录' : undefined} />
        ) : (
          [...item.notes].reverse().map((n) => <Note key={n.noteId} item={item} note={n} mayEdit={item.mayEdit} today={today} onChanged={onChanged} />)
        )}
      </Card>
      {reopening ? (
        <ReasonDialog
          id='item-reopen-dialog'
          title='重新打开事项'
          desc={`“${item.title}”将回到进行中，原因会记在办理记录里。`}
          confirmText='重新打开'
          presets={REOPEN_REASONS}
          onSubmit={reopen}
          onClose={() => setReopening(false)}
        />
      ) : null}
    </>
  );
}

function ItemLoader({ listId, itemId }: { listId: string; itemId: string }) {
  const [tick, setTick] = useState(0);
  const view = useAction('campaign', 'getTaskList', { listId }, [listId, tick]);
  const reload = () => setTick((t) => t + 1);
  useDidShow(() => {
    if (view.data) reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  if (view.data === undefined) {
    // A refusal (not this member's item, not an organiser here) is said as the server says it.
    const refused = view.error && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(view.error.code);
    if (!refused) return <LoadingOrError state={view} />;
  }
  const item = view.data?.items.find((i) => i.itemId === itemId);
  if (!view.data || !item) {
    return (
      <Card id='item-refused'>
        <EmptyView
          title={view.error?.message ?? '没有找到这个事项'}
          desc='事项由负责人和清单所属单位的管理员办理'
          action={
            <Button block type='primary' onClick={goBackOrHome}>
              返回
            </Button>
          }
        />
      </Card>
    );
  }
  return <Item list={view.data} item={item} onChanged={reload} />;
}

export default function ItemPage() {
  const { listId = '', itemId = '' } = useRouter().params;
  return (
    <PageShell>
      {listId && itemId ? (
        <ItemLoader listId={listId} itemId={itemId} />
      ) : (
        <Card>
          <EmptyView title='没有找到这个事项' desc='请从清单里打开' />
        </Card>
      )}
    </PageShell>
  );
}
