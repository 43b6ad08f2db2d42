// 编辑文章: an organiser writes or edits a post — kind, title, body, cover, photos, tags, the branch
// (org admins may choose 全单位), and for 先进典型 the featured member — then saves a draft or
// publishes it, now or at a chosen Beijing time. A published post can be pinned or taken down
// with a reason. An existing body keeps its formatting (shown as a preview) unless the organiser
// chooses to retype it as plain paragraphs.
import { useMemo, useState } from 'react';
import { Input, RichText, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AdminPost, ManagedUnit, MeMember, PostInput } from '@core/contracts';
import { POST_KIND_LABELS, POST_KINDS, POST_TAGS, type PostKind, type PostTag } from '@core/domain/posts';
import { call, toApiError } from '@/api';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import FormError from '@/components/FormError';
import PhotoPicker, { type PickedPhoto } from '@/components/PhotoPicker';
import { ReasonDialog } from '@/components/Dialog';
import { Button } from '@/components/nut';
import { ErrorView, LoadingView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import {
  htmlToParagraphs,
  paragraphsToHtml,
  POST_STATUS_VIEW,
  postDateText,
  previewHtml,
  scheduleText,
} from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './editor.scss';
import { isPickableUnit } from '@core/domain/units';

const ALL_UNITS = 'all';
const NO_MODEL = 'none';
const MAX_TAGS = 5;
const UNPUBLISH_REASONS = ['内容需要修改', '信息有误', '活动已取消'];

interface Form {
  kind: PostKind;
  title: string;
  /** 'html': keep the stored body as it is; 'text': the paragraphs typed in the box. */
  bodyMode: 'html' | 'text';
  html: string;
  text: string;
  cover: PickedPhoto[];
  images: PickedPhoto[];
  tags: PostTag[];
  unitId: string | null;
  modelMemberId: string | null;
}

function formOf(p: AdminPost): Form {
  return {
    kind: p.kind,
    title: p.title,
    bodyMode: p.body.trim() === '' ? 'text' : 'html',
    html: p.body,
    text: '',
    cover: p.cover ? [{ fileID: p.cover, preview: p.coverUrl ?? '' }] : [],
    images: p.images.map((fileID, i) => ({ fileID, preview: p.imageUrls[i] ?? '' })),
    tags: p.tags.filter((t): t is PostTag => (POST_TAGS as readonly string[]).includes(t)),
    unitId: p.unitId,
    modelMemberId: p.modelMemberId,
  };
}

function newForm(viewer: MeMember, branches: ManagedUnit[]): Form {
  return {
    kind: 'report',
    title: '',
    bodyMode: 'text',
    html: '',
    text: '',
    cover: [],
    images: [],
    tags: [],
    unitId: viewer.role === 'org_admin' ? null : (branches[0]?.id ?? null),
    modelMemberId: null,
  };
}

function inputOf(form: Form): PostInput {
  return {
    kind: form.kind,
    title: form.title.trim(),
    body: form.bodyMode === 'html' ? form.html : paragraphsToHtml(form.text),
    // Without a chosen cover the feed shows the first photo.
    cover: form.cover[0]?.fileID ?? form.images[0]?.fileID ?? null,
    images: form.images.map((p) => p.fileID),
    tags: form.tags,
    unitId: form.unitId,
    modelMemberId: form.kind === 'model' ? form.modelMemberId : null,
  };
}

/** Problems worth saying before the round trip; the server checks everything again. */
function localProblem(form: Form): string | null {
  if (form.title.trim().length < 2) return '请填写标题（至少2个字）';
  const body = form.bodyMode === 'html' ? form.html : paragraphsToHtml(form.text);
  if (body.trim() === '' && form.images.length === 0) return '请填写正文';
  return null;
}

function StatusCard({ post }: { post: AdminPost }) {
  const status = POST_STATUS_VIEW[post.status];
  const scheduled = post.status === 'published' && post.publishAt !== null && post.publishAt > Date.now();
  return (
    <View className='fe-status' id='editor-status'>
      <Text className={status.tag} id='editor-status-label'>
        {status.label}
      </Text>
      {post.pinned ? (
        <Text className='tag tag--red' id='editor-status-pinned'>
          ▲ 已置顶
        </Text>
      ) : null}
      <Text className='fe-status__text'>
        {scheduled && post.publishAt !== null
          ? scheduleText(post.publishAt)
          : post.status === 'published' && post.publishAt !== null
            ? `发布于 ${postDateText(post.publishAt)} · 阅读 ${post.reads} · 赞 ${post.likes} · 评论 ${post.comments}`
            : post.status === 'rejected' && post.rejectReason
              ? `未通过的原因：${post.rejectReason}`
              : post.source?.type === 'event'
                ? '由活动自动生成的草稿，请核对后发布'
                : ''}
      </Text>
    </View>
  );
}

interface EditorProps {
  viewer: MeMember;
  units: ManagedUnit[];
  initial: AdminPost | null;
}

function Editor({ viewer, units, initial }: EditorProps) {
  const branches = useMemo(() => units.filter(isPickableUnit), [units]);
  const [saved, setSaved] = useState<AdminPost | null>(initial);
  const [form, setForm] = useState<Form>(() => (initial ? formOf(initial) : newForm(viewer, branches)));
  const [problem, setProblem] = useState<string | null>(null);
  const [schedule, setSchedule] = useState<'now' | 'later'>('now');
  const [publishAt, setPublishAt] = useState(() => Math.ceil((Date.now() + 3_600_000) / 1_800_000) * 1_800_000);
  const [busy, setBusy] = useState<null | 'publish' | 'pin'>(null);
  const [unpublishing, setUnpublishing] = useState(false);
  const save = useMutation('feed', 'savePost');
  const models = useAction('feed', 'listModels', form.kind === 'model' ? {} : null, [form.kind === 'model']);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const isOrgAdmin = viewer.role === 'org_admin';
  const status = saved?.status ?? 'draft';

  const toggleTag = (t: PostTag) => {
    if (form.tags.includes(t)) set({ tags: form.tags.filter((x) => x !== t) });
    else if (form.tags.length >= MAX_TAGS) setProblem(`标签最多选${MAX_TAGS}个`);
    else set({ tags: [...form.tags, t] });
  };

  /** Save the form; the saved post, or null with the problem shown. */
  const saveForm = async (): Promise<AdminPost | null> => {
    const local = localProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ postId: saved?.id ?? null, post: inputOf(form) });
    if (view) setSaved(view);
    return view;
  };

  const onSave = async () => {
    const view = await saveForm();
    if (view) void Taro.showToast({ title: view.status === 'published' ? '修改已保存' : '草稿已保存', icon: 'none' });
  };

  const onPublish = async () => {
    const local = localProblem(form);
    if (local) {
      setProblem(local);
      return;
    }
    if (schedule === 'later' && publishAt <= Date.now()) {
      setProblem('定时发布的时间要晚于现在');
      return;
    }
    const where = form.unitId ? (branches.find((b) => b.id === form.unitId)?.name ?? '本支部') : '全单位';
    const answer = await Taro.showModal({
      title: '发布文章',
      content: `${schedule === 'later' ? scheduleText(publishAt) : '立即发布'}，${where}的党员会在首页看到。确定发布吗？`,
      confirmText: '发布',
      confirmColor: '#C8161D',
      cancelText: '再看看',
    });
    if (!answer.confirm) return;
    setBusy('publish');
    try {
      const view = await saveForm();
      if (!view) return;
      const published = await call('feed', 'publishPost', { postId: view.id, publishAt: schedule === 'later' ? publishAt : null });
      setSaved(published);
      void Taro.showToast({ title: schedule === 'later' ? '已设置定时发布' : '已发布', icon: 'success' });
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

  const onPin = async () => {
    if (!saved) return;
    setBusy('pin');
    setProblem(null);
    try {
      const view = await call('feed', 'pinPost', { postId: saved.id, pinned: !saved.pinned });
      setSaved(view);
      void Taro.showToast({ title: view.pinned ? '已置顶' : '已取消置顶', icon: 'none' });
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

  const onUnpublish = async (reason: string): Promise<string | null> => {
    if (!saved) return null;
    try {
      setSaved(await call('feed', 'unpublishPost', { postId: saved.id, reason }));
    } catch (e) {
      return toApiError(e).message;
    }
    void Taro.showToast({ title: '已撤下', icon: 'none' });
    return null;
  };

  const unitOptions = [
    ...(isOrgAdmin ? [{ value: ALL_UNITS, label: '全单位' }] : []),
    ...branches.map((b) => ({ value: b.id, label: b.name })),
  ];
  const modelOptions = [{ value: NO_MODEL, label: '不指定' }, ...(models.data ?? []).map((m) => ({ value: m.memberId, label: `${m.name}（${m.honour}）` }))];
  const running = save.running || busy !== null;
  const canPublish = status !== 'published' && status !== 'rejected';

  return (
    <>
      {saved ? (
        <Card>
          <StatusCard post={saved} />
        </Card>
      ) : null}

      <Card id='editor-form'>
        <View className='field'>
          <Text className='field__label'>类型</Text>
          <Chips id='editor-kind' options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))} selected={[form.kind]} onToggle={(kind) => set({ kind })} />
        </View>

        <View className='field'>
          <Text className='field__label'>
            标题<Text className='field__hint'> 2–40字</Text>
          </Text>
          <Input
            id='editor-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='例如：支部开展主题党日活动'
            maxlength={40}
            value={form.title}
            onInput={(e) => set({ title: e.detail.value })}
          />
        </View>

        <View className='field'>
          <Text className='field__label'>正文</Text>
          {form.bodyMode === 'html' ? (
            <View>
              <View className='fe-preview'>
                <RichText id='editor-body-preview' className='fe-preview__body' nodes={previewHtml(form.html)} />
              </View>
              <Text className='fe-note'>正文保持原有格式。要修改文字，可改为纯文本重新编辑（原有的格式和正文里的图片会去掉）。</Text>
              <Button id='editor-body-rewrite' block className='btn-gap' fill='outline' onClick={() => set({ bodyMode: 'text', text: htmlToParagraphs(form.html) })}>
                改为纯文本编辑
              </Button>
            </View>
          ) : (
            <View>
              <Textarea
                id='editor-body'
                className='fe-body'
                placeholderClass='placeholder'
                placeholder='每段之间换行。写清时间、地点、参加的人和做了什么。'
                maxlength={15000}
                value={form.text}
                onInput={(e) => set({ text: e.detail.value })}
              />
              {initial && initial.body.trim() !== '' ? (
                <Button id='editor-body-restore' block className='btn-gap' fill='outline' onClick={() => set({ bodyMode: 'html' })}>
                  恢复原来的正文
                </Button>
              ) : null}
            </View>
          )}
        </View>

        <PhotoPicker
          id='editor-cover'
          label='封面'
          hint='选填，不选时用第一张照片；JPG 或 PNG，不超过4MB'
          max={1}
          photos={form.cover}
          onChange={(cover) => set({ cover })}
          addText='选择封面'
        />
        {form.cover.length > 0 ? (
          <Button id='editor-cover-clear' block fill='outline' className='fe-gap-bottom' onClick={() => set({ cover: [] })}>
            不用封面
          </Button>
        ) : null}
        <PhotoPicker id='editor-images' label='照片' max={9} photos={form.images} onChange={(images) => set({ images })} addText='添加照片' />

        <View className='field'>
          <Text className='field__label'>
            标签<Text className='field__hint'> 选填，最多{MAX_TAGS}个</Text>
          </Text>
          <Chips id='editor-tags' multiple options={POST_TAGS.map((t, i) => ({ value: t, label: t, key: String(i) }))} selected={form.tags} onToggle={toggleTag} />
        </View>

        <View className='field'>
          <Text className='field__label'>发布范围</Text>
          <Chips
            id='editor-unit'
            options={unitOptions}
            selected={[form.unitId ?? ALL_UNITS]}
            onToggle={(v) => set({ unitId: v === ALL_UNITS ? null : v })}
          />
        </View>

        {form.kind === 'model' ? (
          <View className='field'>
            <Text className='field__label'>
              写的是哪位先进典型<Text className='field__hint'> 选填，会列在“先进典型”页</Text>
            </Text>
            {models.loading && !models.data ? (
              <LoadingView />
            ) : (
              <Chips id='editor-model' options={modelOptions} selected={[form.modelMemberId ?? NO_MODEL]} onToggle={(v) => set({ modelMemberId: v === NO_MODEL ? null : v })} />
            )}
            {models.data && models.data.length === 0 ? (
              <Text className='fe-note'>还没有先进典型，可以先到“先进典型设置”中添加。</Text>
            ) : null}
          </View>
        ) : null}

        {canPublish ? (
          <View className='field'>
            <Text className='field__label'>发布时间</Text>
            <Chips
              id='post-schedule'
              options={[
                { value: 'now', label: '立即发布' },
                { value: 'later', label: '定时发布' },
              ]}
              selected={[schedule]}
              onToggle={(v) => setSchedule(v as 'now' | 'later')}
            />
            {schedule === 'later' ? <DateTimeField id='post-publish-at' className='fe-publish-at' label='发布时间' value={publishAt} onChange={setPublishAt} /> : null}
          </View>
        ) : null}

        <FormError id='editor-error' message={problem ?? save.error?.message} />

        <View className='fe-actions'>
          <Button id='post-save' className='fe-actions__btn' fill='outline' type='primary' size='large' loading={save.running && busy === null} disabled={running} onClick={() => void onSave()}>
            {status === 'published' ? '保存修改' : '保存草稿'}
          </Button>
          {canPublish ? (
            <Button id='post-publish' className='fe-actions__btn' type='primary' size='large' loading={busy === 'publish'} disabled={running} onClick={() => void onPublish()}>
              {status === 'unpublished' ? '重新发布' : schedule === 'later' ? '定时发布' : '发布'}
            </Button>
          ) : null}
        </View>
        {saved && status !== 'rejected' ? (
          <View className='fe-actions btn-gap'>
            <Button id='post-pin' className='fe-actions__btn' fill='outline' loading={busy === 'pin'} disabled={running} onClick={() => void onPin()}>
              {saved.pinned ? '取消置顶' : '置顶'}
            </Button>
            {status === 'published' ? (
              <Button id='post-unpublish' className='fe-actions__btn' fill='outline' disabled={running} onClick={() => setUnpublishing(true)}>
                撤下
              </Button>
            ) : null}
          </View>
        ) : null}
        {saved && status === 'published' && (saved.publishAt ?? 0) <= Date.now() ? (
          <Button id='post-view' block className='btn-gap' fill='none' onClick={() => goPage(`${PAGE.feedPost}?id=${saved.id}`)}>
            查看党员看到的文章 ›
          </Button>
        ) : null}
      </Card>

      {unpublishing ? (
        <ReasonDialog
          id='unpublish-dialog'
          title='撤下这篇文章'
          desc='撤下后党员在首页看不到这篇文章，可以修改后重新发布。原因会留作记录。'
          confirmText='撤下'
          presets={UNPUBLISH_REASONS}
          onSubmit={onUnpublish}
          onClose={() => setUnpublishing(false)}
        />
      ) : null}
    </>
  );
}

function EditorLoader({ viewer, postId }: { viewer: MeMember; postId: string | null }) {
  const units = useAction('org', 'listUnits', {}, []);
  const post = useAction('feed', 'getPostAdmin', postId ? { postId } : null, [postId]);
  const loading = (units.loading && !units.data) || (postId !== null && post.loading && !post.data);
  if (loading) {
    return (
      <Card>
        <LoadingView />
      </Card>
    );
  }
  if (!units.data || (postId !== null && !post.data)) {
    const error = units.error ?? post.error;
    return (
      <Card>
        <ErrorView
          message={error?.message ?? ''}
          onRetry={() => {
            units.reload();
            post.reload();
          }}
        />
      </Card>
    );
  }
  return <Editor viewer={viewer} units={units.data.units} initial={post.data ?? null} />;
}

export default function FeedEditorPage() {
  const id = useRouter().params.id ?? null;
  return (
    <PageShell className='fe-page'>
      <AdminGate>{(viewer) => <EditorLoader viewer={viewer} postId={id} />}</AdminGate>
    </PageShell>
  );
}
