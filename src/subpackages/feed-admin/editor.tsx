// 编辑文章: an organiser writes or edits a post — kind, title, body, cover, photos, tags, the branch
// (org admins may choose 全单位), and for 先进典型 the featured member — then saves a draft or
// publishes it, now or at a chosen Beijing time. A published post can be pinned or taken down
// with a reason. An existing body keeps its formatting (shown as a preview) unless the organiser
// chooses to retype it as plain paragraphs; a body of plain paragraphs (a drafted report) opens as
// text to edit. The form's rules are in editorModel.ts.
import { useReducer, useState } from 'react';
import { Input, RichText, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AdminPost, ManagedUnit, MeMember } from '@core/contracts';
import { POST_KIND_LABELS, POST_KINDS, POST_TAGS, type PostTag } from '@core/domain/feed';
import { call, toApiError } from '@/api';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import { ActionBar, ALL_UNITS, EditorLoaded, Field, unitChipOptions } from '@/components/Editor';
import FormError from '@/components/FormError';
import PhotoPicker from '@/components/PhotoPicker';
import { ReasonDialog } from '@/components/Dialog';
import { Button } from '@/components/nut';
import { LoadingView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { POST_STATUS_VIEW, previewHtml } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import {
  blankPostForm,
  canPublish,
  defaultPublishAt,
  hasStoredBody,
  isLive,
  isPlainBody,
  MAX_TAGS,
  NO_MODEL,
  postFormOf,
  postFormProblem,
  postInputOf,
  postPublishQuestion,
  postStatusLine,
  promptProblem,
  publishAtOf,
  publishButtonText,
  scheduleProblem,
  tagProblem,
  updatePostForm,
  type Schedule,
} from './editorModel';
import './editor.scss';
import { askConfirm } from '@/components/Dialog/confirm';

const UNPUBLISH_REASONS = ['内容需要修改', '信息有误', '活动已取消'];
/** Covers and photos go to the feed, which accepts only the editor's own uploads (or the post's own pictures). */
const POST_IMAGE = { context: 'feed', purpose: 'postImage' } as const;

function StatusCard({ post }: { post: AdminPost }) {
  const status = POST_STATUS_VIEW[post.status];
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
      <Text className='fe-status__text'>{postStatusLine(post, Date.now())}</Text>
    </View>
  );
}

interface EditorProps {
  viewer: MeMember;
  branches: ManagedUnit[];
  initial: AdminPost | null;
}

function Editor({ viewer, branches, initial }: EditorProps) {
  const [saved, setSaved] = useState<AdminPost | null>(initial);
  const [form, dispatch] = useReducer(updatePostForm, initial, (i) => (i ? postFormOf(i) : blankPostForm(viewer, branches)));
  const [problem, setProblem] = useState<string | null>(null);
  const [schedule, setSchedule] = useState<Schedule>('now');
  const [publishAt, setPublishAt] = useState(() => defaultPublishAt(Date.now()));
  const [busy, setBusy] = useState<null | 'publish' | 'pin'>(null);
  const [unpublishing, setUnpublishing] = useState(false);
  const save = useMutation('feed', 'savePost');
  const models = useAction('feed', 'listModels', form.kind === 'model' ? {} : null, [form.kind === 'model']);
  const status = saved?.status ?? 'draft';

  const toggleTag = (tag: PostTag) => {
    const refused = tagProblem(form, tag);
    if (refused) setProblem(refused);
    else dispatch({ type: 'toggleTag', tag });
  };

  /** Save the form; the saved post, or null with the problem shown. */
  const saveForm = async (): Promise<AdminPost | null> => {
    const local = postFormProblem(form);
    if (local) {
      setProblem(local);
      return null;
    }
    setProblem(null);
    const view = await save.run({ postId: saved?.id ?? null, post: postInputOf(form) });
    if (view) setSaved(view);
    return view;
  };

  const onSave = async () => {
    const view = await saveForm();
    if (view) void Taro.showToast({ title: view.status === 'published' ? '修改已保存' : '草稿已保存', icon: 'none' });
  };

  const onPublish = async () => {
    const local = postFormProblem(form) ?? promptProblem(form) ?? scheduleProblem(schedule, publishAt, Date.now());
    if (local) {
      setProblem(local);
      return;
    }
    const confirmed = await askConfirm({
      title: '发布文章',
      content: postPublishQuestion(form, branches, schedule, publishAt, Date.now()),
      confirmText: '发布',
      cancelText: '再看看',
    });
    if (!confirmed) return;
    setBusy('publish');
    try {
      const view = await saveForm();
      if (!view) return;
      const published = await call('feed', 'publishPost', { postId: view.id, publishAt: publishAtOf(schedule, publishAt) });
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

  const modelOptions = [{ value: NO_MODEL, label: '不指定' }, ...(models.data ?? []).map((m) => ({ value: m.memberId, label: `${m.name}（${m.honour}）` }))];
  const running = save.running || busy !== null;
  const publishable = canPublish(status);

  return (
    <>
      {saved ? (
        <Card>
          <StatusCard post={saved} />
        </Card>
      ) : null}

      <Card id='editor-form'>
        <Field label='类型'>
          <Chips
            id='editor-kind'
            options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))}
            selected={[form.kind]}
            onToggle={(kind) => dispatch({ type: 'set', patch: { kind } })}
          />
        </Field>

        <Field label='标题' hint='2–40字'>
          <Input
            id='editor-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='例如：支部开展主题党日活动'
            maxlength={40}
            value={form.title}
            onInput={(e) => dispatch({ type: 'set', patch: { title: e.detail.value } })}
          />
        </Field>

        <Field label='正文'>
          {form.bodyMode === 'html' ? (
            <View>
              <View className='fe-preview'>
                <RichText id='editor-body-preview' className='fe-preview__body' nodes={previewHtml(form.html)} />
              </View>
              <Text className='fe-note'>正文保持原有格式。要修改文字，可改为纯文本重新编辑（原有的格式和正文里的图片会去掉）。</Text>
              <Button id='editor-body-rewrite' block className='btn-gap' fill='outline' onClick={() => dispatch({ type: 'retypeBody' })}>
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
                onInput={(e) => dispatch({ type: 'set', patch: { text: e.detail.value } })}
              />
              {/* Plain paragraphs opened as text already: there is no other form to go back to. */}
              {initial && hasStoredBody(initial) && !isPlainBody(initial.body) ? (
                <Button id='editor-body-restore' block className='btn-gap' fill='outline' onClick={() => dispatch({ type: 'restoreBody' })}>
                  恢复原来的正文
                </Button>
              ) : null}
            </View>
          )}
        </Field>

        <PhotoPicker
          id='editor-cover'
          upload={POST_IMAGE}
          label='封面'
          hint='选填，不选时用第一张照片；JPG 或 PNG，不超过4MB'
          max={1}
          photos={form.cover}
          onChange={(cover) => dispatch({ type: 'set', patch: { cover } })}
          addText='选择封面'
        />
        {form.cover.length > 0 ? (
          <Button id='editor-cover-clear' block fill='outline' className='fe-gap-bottom' onClick={() => dispatch({ type: 'set', patch: { cover: [] } })}>
            不用封面
          </Button>
        ) : null}
        <PhotoPicker id='editor-images' upload={POST_IMAGE} label='照片' max={9} photos={form.images} onChange={(images) => dispatch({ type: 'set', patch: { images } })} addText='添加照片' />

        <Field label='标签' hint={`选填，最多${MAX_TAGS}个`}>
          <Chips id='editor-tags' multiple options={POST_TAGS.map((t, i) => ({ value: t, label: t, key: String(i) }))} selected={form.tags} onToggle={toggleTag} />
        </Field>

        <Field label='发布范围'>
          <Chips
            id='editor-unit'
            options={unitChipOptions(viewer.role === 'org_admin', branches, '全单位')}
            selected={[form.unitId ?? ALL_UNITS]}
            onToggle={(chip) => dispatch({ type: 'unit', chip })}
          />
        </Field>

        {form.kind === 'model' ? (
          <Field label='写的是哪位先进典型' hint='选填，会列在“先进典型”页'>
            {/* A spinner inside one field while its choices load: the form around it stays usable. */}
            {models.loading && !models.data ? (
              <LoadingView />
            ) : (
              <Chips id='editor-model' options={modelOptions} selected={[form.modelMemberId ?? NO_MODEL]} onToggle={(chip) => dispatch({ type: 'model', chip })} />
            )}
            {models.data && models.data.length === 0 ? <Text className='fe-note'>还没有先进典型，可以先到“先进典型设置”中添加。</Text> : null}
          </Field>
        ) : null}

        {publishable ? (
          <Field label='发布时间'>
            <Chips
              id='post-schedule'
              options={[
                { value: 'now' as const, label: '立即发布' },
                { value: 'later' as const, label: '定时发布' },
              ]}
              selected={[schedule]}
              onToggle={setSchedule}
            />
            {schedule === 'later' ? <DateTimeField id='post-publish-at' className='fe-publish-at' label='发布时间' value={publishAt} onChange={setPublishAt} /> : null}
          </Field>
        ) : null}

        <FormError id='editor-error' message={problem ?? save.error?.message} />

        <ActionBar
          block='fe-actions'
          size='large'
          disabled={running}
          buttons={[
            { id: 'post-save', text: status === 'published' ? '保存修改' : '保存草稿', fill: 'outline', type: 'primary', loading: save.running && busy === null, onClick: () => void onSave() },
            ...(publishable ? [{ id: 'post-publish', text: publishButtonText(status, schedule), type: 'primary' as const, loading: busy === 'publish', onClick: () => void onPublish() }] : []),
          ]}
        />
        {saved && status !== 'rejected' ? (
          <ActionBar
            block='fe-actions'
            className='btn-gap'
            disabled={running}
            buttons={[
              { id: 'post-pin', text: saved.pinned ? '取消置顶' : '置顶', fill: 'outline', loading: busy === 'pin', onClick: () => void onPin() },
              ...(status === 'published' ? [{ id: 'post-unpublish', text: '撤下', fill: 'outline' as const, onClick: () => setUnpublishing(true) }] : []),
            ]}
          />
        ) : null}
        {saved && isLive(saved, Date.now()) ? (
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
  const post = useAction('feed', 'getPostAdmin', postId ? { postId } : null, [postId]);
  return (
    <EditorLoaded item={post} editing={postId !== null}>
      {(branches, initial) => <Editor viewer={viewer} branches={branches} initial={initial} />}
    </EditorLoaded>
  );
}

export default function FeedEditorPage() {
  const id = useRouter().params.id ?? null;
  return (
    <PageShell className='fe-page'>
      <AdminGate>{(viewer) => <EditorLoader viewer={viewer} postId={id} />}</AdminGate>
    </PageShell>
  );
}
