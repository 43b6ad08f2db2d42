// 我的投稿: what the member sent and what became of it (待审核, 已发布, 未通过 with the reason
// the organiser gave). A published one opens as a post.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { SubmissionRow } from '@core/contracts';
import { POST_KIND_LABELS } from '@core/domain/feed';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { POST_STATUS_VIEW, postDateText } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './mine.scss';

function Row({ s }: { s: SubmissionRow }) {
  const status = POST_STATUS_VIEW[s.status];
  const published = s.status === 'published';
  return (
    <View
      className='sub-row'
      id={`submission-${s.id}`}
      hoverClass={published ? 'sub-row--pressed' : 'none'}
      onClick={published ? () => goPage(`${PAGE.feedPost}?id=${s.id}`) : undefined}
    >
      <View className='sub-row__head'>
        <Text className='tag'>{POST_KIND_LABELS[s.kind]}</Text>
        <Text className={status.tag} id={`submission-status-${s.id}`}>
          {status.label}
        </Text>
      </View>
      <Text className='sub-row__title'>{s.title}</Text>
      <Text className='sub-row__meta muted'>提交于 {postDateText(s.createdAt)}</Text>
      {s.status === 'pending' ? <Text className='sub-row__note'>支部管理员审核后会发布在首页</Text> : null}
      {s.status === 'rejected' && s.rejectReason ? (
        <Text className='sub-row__reason' id={`submission-reason-${s.id}`}>
          未通过的原因：{s.rejectReason}
        </Text>
      ) : null}
      {published ? <Text className='sub-row__open'>查看文章 ›</Text> : null}
    </View>
  );
}

function Submissions({ refreshKey, justSent }: { refreshKey: number; justSent: boolean }) {
  const list = usePaged('feed', 'mySubmissions', { limit: 20 }, [refreshKey]);
  return (
    <>
      {justSent ? (
        <View className='notice notice--ok sub-notice' id='submission-sent'>
          <Text className='notice__title'>✓ 投稿已提交</Text>
          <Text className='notice__text'>支部管理员审核通过后，文章会出现在首页。</Text>
        </View>
      ) : null}
      <Card title='我的投稿' id='submission-list'>
        <PagedList
          list={list}
          empty={{ title: '还没有投稿', desc: '可以把支部活动或身边的先进党员写下来，投给支部' }}
          moreId='submission-more'
          endText={`共 ${list.items.length} 篇`}
        >
          {(items) => items.map((s) => <Row key={s.id} s={s} />)}
        </PagedList>
        <Button id='submission-new' block className='btn-gap' type='primary' onClick={() => goPage(PAGE.feedSubmit)}>
          写一篇投稿
        </Button>
      </Card>
    </>
  );
}

export default function FeedMinePage() {
  const justSent = useRouter().params.submitted === '1';
  return (
    <PageShell className='sub-page'>
      <MemberGate why='绑定后才能投稿和查看投稿。'>{(refreshKey) => <Submissions refreshKey={refreshKey} justSent={justSent} />}</MemberGate>
    </PageShell>
  );
}
