// 审核投稿: a member's submission as it would read (title, author, photos, body, tags), then 通过
// (published at once, in the feed) or 不通过 with a reason the author sees in 我的投稿.
import { useState } from 'react';
import { Image, RichText, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AdminPost } from '@core/contracts';
import { POST_KIND_LABELS } from '@core/domain/feed';
import { call, toApiError } from '@/api';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import { ReasonDialog } from '@/components/Dialog';
import { Button } from '@/components/nut';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { POST_STATUS_VIEW, previewHtml } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './review.scss';
import { askConfirm } from '@/components/Dialog/confirm';

const REJECT_REASONS = ['内容与支部活动无关', '信息不完整，请补充后再投', '照片不清晰'];

function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: `${PAGE.feedAdmin}?tab=pending` });
}

function Review({ initial }: { initial: AdminPost }) {
  const [post, setPost] = useState(initial);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const status = POST_STATUS_VIEW[post.status];
  const pending = post.status === 'pending';

  const approve = async () => {
    const confirmed = await askConfirm({
      title: '通过投稿',
      content: `通过后「${post.title}」会立即发布在首页。确定通过吗？`,
      confirmText: '通过',
      cancelText: '再看看',
    });
    if (!confirmed) return;
    setRunning(true);
    setProblem(null);
    try {
      setPost(await call('feed', 'reviewPost', { postId: post.id, approve: true, reason: '' }));
      void Taro.showToast({ title: '已通过并发布', icon: 'success' });
    } catch (e) {
      setProblem(toApiError(e).message);
    } finally {
      setRunning(false);
    }
  };

  const reject = async (reason: string): Promise<string | null> => {
    try {
      setPost(await call('feed', 'reviewPost', { postId: post.id, approve: false, reason }));
    } catch (e) {
      return toApiError(e).message;
    }
    void Taro.showToast({ title: '已退回，作者会看到原因', icon: 'none' });
    return null;
  };

  return (
    <>
      <Card id='review-head'>
        <View className='rv-tags'>
          <Text className='tag'>{POST_KIND_LABELS[post.kind]}</Text>
          <Text className={status.tag} id='review-status'>
            {status.label}
          </Text>
        </View>
        <Text className='rv-title' id='review-title'>
          {post.title}
        </Text>
        <Text className='rv-meta'>投稿人：{post.authorName}</Text>
        {post.tags.length > 0 ? <Text className='rv-meta'>标签：{post.tags.join('、')}</Text> : null}
        {post.status === 'rejected' && post.rejectReason ? <Text className='rv-reason'>未通过的原因：{post.rejectReason}</Text> : null}
      </Card>

      <Card title='投稿内容'>
        <RichText id='review-body' className='rv-body' nodes={previewHtml(post.body)} />
        {post.imageUrls.length > 0 ? (
          <View className='rv-images' id='review-images'>
            {post.imageUrls.map((url, i) => (
              <Image
                key={`${url}-${i}`}
                className='rv-images__img'
                src={url}
                mode='aspectFill'
                onClick={() => void Taro.previewImage({ urls: post.imageUrls, current: url })}
              />
            ))}
          </View>
        ) : null}
      </Card>

      <Card>
        <FormError id='review-error' message={problem} />
        {pending ? (
          <View className='rv-actions'>
            <Button id='review-reject' className='rv-actions__btn' fill='outline' size='large' disabled={running} onClick={() => setRejecting(true)}>
              不通过
            </Button>
            <Button id='review-approve' className='rv-actions__btn' type='primary' size='large' loading={running} disabled={running} onClick={() => void approve()}>
              通过并发布
            </Button>
          </View>
        ) : (
          <View>
            <Text className='rv-done' id='review-done'>
              {post.status === 'published' ? '✓ 已通过，文章已发布在首页' : post.status === 'rejected' ? '✕ 已退回，作者会在“我的投稿”中看到原因' : '这篇投稿已经处理过了'}
            </Text>
            {post.status === 'published' ? (
              <Button id='review-edit' block className='btn-gap' fill='outline' onClick={() => goPage(`${PAGE.feedEditor}?id=${post.id}`)}>
                修改或置顶
              </Button>
            ) : null}
            <Button id='review-back' block className='btn-gap' type='primary' onClick={back}>
              返回列表
            </Button>
          </View>
        )}
      </Card>

      {rejecting ? (
        <ReasonDialog
          id='reject-dialog'
          title='不通过这篇投稿'
          desc='作者会在“我的投稿”中看到原因，可以修改后重新投稿。'
          confirmText='不通过'
          presets={REJECT_REASONS}
          onSubmit={reject}
          onClose={() => setRejecting(false)}
        />
      ) : null}
    </>
  );
}

function ReviewLoader({ postId }: { postId: string }) {
  const post = useAction('feed', 'getPostAdmin', { postId }, [postId]);
  return <Loaded state={post}>{(data) => <Review initial={data} />}</Loaded>;
}

export default function FeedReviewPage() {
  const id = useRouter().params.id ?? '';
  return (
    <PageShell className='rv-page'>
      <AdminGate>
        {() =>
          id ? (
            <ReviewLoader postId={id} />
          ) : (
            <Card>
              <EmptyView title='找不到这篇投稿' desc='请从“宣传文章管理”的待审核列表打开' />
            </Card>
          )
        }
      </AdminGate>
    </PageShell>
  );
}
