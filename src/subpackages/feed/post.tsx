// 文章: one post (opening it counts a read). The body is the server's sanitised HTML rendered by
// RichText, never injected by hand. A like shows at once and is undone if the server refuses;
// comments are checked by the content service before they show: refused ones keep the text and
// say why, held ones say they wait for review. Members report a comment; the post's organisers
// also see held and hidden comments and hide or restore them with a reason.
import { useEffect, useRef, useState } from 'react';
import { Image, RichText, Text, Textarea, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import type { CommentView, PostDetail } from '@core/contracts';
import { POST_KIND_LABELS } from '@core/domain/feed';
import { call, toApiError } from '@/api';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import FormError from '@/components/FormError';
import { ReasonDialog } from '@/components/Dialog';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation, usePaged } from '@/hooks';
import { countText, FEED_POST_CHANGED, postDateText, postSource, type FeedPostChange } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './post.scss';

const REPORT_REASONS = ['不文明用语', '内容不实', '广告或无关内容', '其他'];
const HIDE_REASONS = ['不文明用语', '与文章无关', '含有个人隐私'];
const RESTORE_REASONS = ['内容没有问题', '核实后恢复'];

function tell(change: FeedPostChange): void {
  Taro.eventCenter.trigger(FEED_POST_CHANGED, change);
}

function LikeButton({ post }: { post: PostDetail }) {
  const [like, setLike] = useState({ liked: post.likedByMe, likes: post.likes });
  const busy = useRef(false);

  const toggle = async () => {
    if (busy.current) return;
    busy.current = true;
    const before = like;
    // Optimistic: the heart changes at once; the server's count replaces the guess.
    setLike({ liked: !before.liked, likes: Math.max(0, before.likes + (before.liked ? -1 : 1)) });
    try {
      const res = await call('feed', 'likePost', { postId: post.id, like: !before.liked });
      setLike(res);
      tell({ id: post.id, likes: res.likes });
    } catch (e) {
      setLike(before);
      void Taro.showToast({ title: `没有成功：${toApiError(e).message}`, icon: 'none' });
    } finally {
      busy.current = false;
    }
  };

  return (
    <Button
      id='post-like'
      className={like.liked ? 'post-like post-like--on' : 'post-like'}
      type='primary'
      fill={like.liked ? 'solid' : 'outline'}
      aria-pressed={like.liked}
      onClick={() => void toggle()}
    >
      {like.liked ? '♥ 已赞' : '♡ 点赞'} {countText(like.likes)}
    </Button>
  );
}

interface CommentBoxProps {
  postId: string;
  onAdded: (c: CommentView) => void;
}

function CommentBox({ postId, onAdded }: CommentBoxProps) {
  const [text, setText] = useState('');
  const [held, setHeld] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const send = useMutation('feed', 'addComment');

  const submit = async () => {
    const t = text.trim();
    if (t === '') {
      setLocal('请先写下评论');
      return;
    }
    setLocal(null);
    setHeld(false);
    const res = await send.run({ postId, text: t });
    if (!res) return; // refused: the message shows below and the text stays for editing
    setText('');
    if (res.comment) onAdded(res.comment);
    setHeld(res.held);
  };

  return (
    <View className='comment-box'>
      <Textarea
        id='comment-input'
        className='comment-box__input'
        placeholderClass='placeholder'
        placeholder='写下您的评论（最多200字）'
        maxlength={200}
        autoHeight
        value={text}
        onInput={(e) => {
          setText(e.detail.value);
          if (local) setLocal(null);
        }}
      />
      <FormError id='comment-error' message={local ?? send.error?.message} className='btn-gap' />
      {held ? (
        <View className='notice notice--wait btn-gap' id='comment-held'>
          <Text className='notice__title'>… 评论已提交，审核后显示</Text>
        </View>
      ) : null}
      <Button id='comment-send' block className='btn-gap' type='primary' loading={send.running} disabled={send.running} onClick={() => void submit()}>
        发表评论
      </Button>
    </View>
  );
}

interface CommentItemProps {
  c: CommentView;
  organiser: boolean;
  reported: boolean;
  onReport: (c: CommentView) => void;
  onModerate: (c: CommentView) => void;
}

function CommentItem({ c, organiser, reported, onReport, onModerate }: CommentItemProps) {
  return (
    <View className={c.hidden ? 'comment comment--hidden' : 'comment'} id={`comment-${c.id}`}>
      <View className='comment__head'>
        <Text className='comment__name'>
          {c.name}
          {c.mine ? '（我）' : ''}
        </Text>
        <Text className='comment__date muted'>{postDateText(c.at)}</Text>
      </View>
      <Text className='comment__text'>{c.text}</Text>
      {organiser && (c.hidden || (c.reports ?? 0) > 0) ? (
        <View className='comment__flags'>
          {c.hidden ? <Text className='tag'>○ 未显示</Text> : null}
          {(c.reports ?? 0) > 0 ? <Text className='tag tag--gold'>被举报 {c.reports} 次</Text> : null}
        </View>
      ) : null}
      <View className='comment__actions'>
        {!c.mine && !c.hidden ? (
          reported ? (
            <Text className='comment__done muted'>已举报</Text>
          ) : (
            <Text id={`comment-report-${c.id}`} className='comment__action' onClick={() => onReport(c)}>
              举报
            </Text>
          )
        ) : null}
        {organiser ? (
          <Text id={c.hidden ? `comment-restore-${c.id}` : `comment-hide-${c.id}`} className='comment__action comment__action--strong' onClick={() => onModerate(c)}>
            {c.hidden ? '恢复显示' : '隐藏'}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function Comments({ post }: { post: PostDetail }) {
  const [key, setKey] = useState(0);
  const list = usePaged('feed', 'listComments', { postId: post.id, limit: 10 }, [post.id, key]);
  const [added, setAdded] = useState<CommentView[]>([]);
  const [reported, setReported] = useState<string[]>([]);
  const [moderating, setModerating] = useState<CommentView | null>(null);
  const count = post.comments + added.length;

  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) list.loadMore();
  });

  const onAdded = (c: CommentView) => {
    setAdded((prev) => [c, ...prev]);
    tell({ id: post.id, comments: count + 1 });
  };

  const report = async (c: CommentView) => {
    let reason: string;
    try {
      reason = REPORT_REASONS[(await Taro.showActionSheet({ itemList: REPORT_REASONS })).tapIndex] ?? '';
    } catch {
      return; // the sheet was dismissed
    }
    try {
      await call('feed', 'reportComment', { commentId: c.id, reason });
      setReported((r) => [...r, c.id]);
      void Taro.showToast({ title: '已举报，管理员会尽快处理', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };

  const moderate = async (reason: string): Promise<string | null> => {
    if (!moderating) return null;
    try {
      await call('feed', 'hideComment', { commentId: moderating.id, hidden: !moderating.hidden, reason });
    } catch (e) {
      return toApiError(e).message;
    }
    void Taro.showToast({ title: moderating.hidden ? '已恢复显示' : '已隐藏', icon: 'none' });
    setAdded([]);
    setKey((k) => k + 1);
    return null;
  };

  const shown = [...added.filter((a) => !list.items.some((c) => c.id === a.id)), ...list.items];

  return (
    <Card title={`评论 ${countText(count)}`} id='post-comments'>
      <CommentBox postId={post.id} onAdded={onAdded} />
      <View className='comment-list' id='comment-list'>
        <PagedList list={list} items={shown} empty={{ title: '还没有评论', desc: '写下您的学习体会，和大家交流' }} moreId='comment-more' endText='没有更多评论了'>
          {(items) =>
            items.map((c) => (
              <CommentItem key={c.id} c={c} organiser={post.canManage} reported={reported.includes(c.id)} onReport={(x) => void report(x)} onModerate={setModerating} />
            ))
          }
        </PagedList>
      </View>
      {moderating ? (
        <ReasonDialog
          id='moderate-dialog'
          title={moderating.hidden ? '恢复显示这条评论' : '隐藏这条评论'}
          desc={moderating.hidden ? `恢复后大家都能看到${moderating.name}的这条评论。原因会留作记录。` : `隐藏后只有管理员能看到${moderating.name}的这条评论。原因会留作记录。`}
          confirmText={moderating.hidden ? '恢复显示' : '隐藏'}
          presets={moderating.hidden ? RESTORE_REASONS : HIDE_REASONS}
          onSubmit={moderate}
          onClose={() => setModerating(null)}
        />
      ) : null}
    </Card>
  );
}

function PostView({ post }: { post: PostDetail }) {
  useEffect(() => {
    tell({ id: post.id, reads: post.reads, likes: post.likes, comments: post.comments });
  }, [post]);

  const preview = (i: number) => void Taro.previewImage({ urls: post.imageUrls, current: post.imageUrls[i] ?? '' });

  return (
    <>
      <Card id='post-head'>
        <View className='post-head__tags'>
          {post.pinned ? <Text className='tag tag--red'>▲ 置顶</Text> : null}
          <Text className='tag'>{POST_KIND_LABELS[post.kind]}</Text>
          {post.tags.map((t) => (
            <Text key={t} className='tag tag--gold'>
              {t}
            </Text>
          ))}
        </View>
        <Text className='post-head__title' id='post-title'>
          {post.title}
        </Text>
        <Text className='post-head__meta' id='post-meta'>
          {postSource(post)} · {postDateText(post.publishAt)}
        </Text>
        <Text className='post-head__meta' id='post-reads'>
          阅读 {countText(post.reads)}
        </Text>
      </Card>

      <Card>
        <RichText id='post-body' className='post-body' nodes={post.bodyHtml} />
        {post.imageUrls.length > 0 ? (
          <View className='post-images' id='post-images'>
            {post.imageUrls.map((url, i) => (
              <Image key={url} id={`post-image-${i}`} className='post-images__img' src={url} mode='widthFix' lazyLoad onClick={() => preview(i)} />
            ))}
          </View>
        ) : null}
        <View className='post-actions'>
          <LikeButton post={post} />
          {post.canManage ? (
            <Button id='post-manage' className='post-actions__manage' fill='outline' onClick={() => goPage(`${PAGE.feedEditor}?id=${post.id}`)}>
              管理这篇文章
            </Button>
          ) : null}
        </View>
      </Card>

      <Comments post={post} />
    </>
  );
}

function PostLoader({ postId }: { postId: string }) {
  const post = useAction('feed', 'getPost', { postId }, [postId]);
  return <Loaded state={post}>{(data) => <PostView post={data} />}</Loaded>;
}

export default function FeedPostPage() {
  const postId = useRouter().params.id ?? '';
  return (
    <PageShell className='post-page'>
      {postId ? (
        <PostLoader postId={postId} />
      ) : (
        <Card>
          <EmptyView title='找不到这篇文章' desc='请从首页的文章列表打开' />
        </Card>
      )}
    </PageShell>
  );
}
