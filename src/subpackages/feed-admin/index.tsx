// 宣传文章管理: the organiser's posts by state (草稿, 待审核 — members' submissions —, 已发布,
// 已撤下), newest change first, and the ways in to a new post, the comment queue and 先进典型.
// A submission opens for review; anything else in the editor. When submissions wait, the page opens
// on 待审核 and that tab carries the count, so a waiting review is never hidden behind 草稿.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { AdminPostRow } from '@core/contracts';
import { POST_KIND_LABELS } from '@core/domain/feed';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { useAction, usePaged } from '@/hooks';
import { POST_STATUS_VIEW, postDateText, scheduleText } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './index.scss';
import './badge.scss';

type AdminTab = 'draft' | 'pending' | 'published' | 'unpublished';

const TABS: Array<{ value: AdminTab; label: string }> = [
  { value: 'draft', label: '草稿' },
  { value: 'pending', label: '待审核' },
  { value: 'published', label: '已发布' },
  { value: 'unpublished', label: '已撤下' },
];

const EMPTY: Record<AdminTab, { title: string; desc: string }> = {
  draft: { title: '没有草稿', desc: '点“写文章”开始写一篇活动报道或通知' },
  pending: { title: '没有待审核的投稿', desc: '党员投来的活动报道和先进典型会在这里等您审核' },
  published: { title: '还没有发布的文章', desc: '发布后，党员会在首页看到' },
  unpublished: { title: '没有撤下的文章', desc: '撤下的文章不再出现在首页，可以修改后重新发布' },
};

function when(p: AdminPostRow): string {
  if (p.status === 'published' && p.publishAt !== null) {
    return p.publishAt > Date.now() ? scheduleText(p.publishAt) : `发布于 ${postDateText(p.publishAt)}`;
  }
  return `${p.status === 'pending' ? '提交于' : '修改于'} ${postDateText(p.updatedAt)}`;
}

function PostRow({ p }: { p: AdminPostRow }) {
  const open = () => goPage(p.status === 'pending' ? `${PAGE.feedReview}?id=${p.id}` : `${PAGE.feedEditor}?id=${p.id}`);
  const status = POST_STATUS_VIEW[p.status];
  return (
    <View className='fa-row' id={`admin-post-${p.id}`} hoverClass='fa-row--pressed' onClick={open}>
      <View className='fa-row__tags'>
        <Text className='tag'>{POST_KIND_LABELS[p.kind]}</Text>
        <Text className={status.tag}>{status.label}</Text>
        {p.pinned ? <Text className='tag tag--red'>▲ 置顶</Text> : null}
      </View>
      <Text className='fa-row__title'>{p.title}</Text>
      <Text className='fa-row__meta'>
        {p.authorName} · {when(p)}
      </Text>
      <Text className='fa-row__arrow'>{p.status === 'pending' ? '去审核 ›' : '›'}</Text>
    </View>
  );
}

/** How many submissions wait, read as one page of the 待审核 list (more than a page reads "20+"). */
const WAITING_PAGE = 20;

function PostsHome() {
  const initial = useRouter().params.tab as AdminTab | undefined;
  const asked = TABS.some((t) => t.value === initial) ? (initial as AdminTab) : null;
  const [picked, setPicked] = useState<AdminTab | null>(asked);
  const waiting = useAction('feed', 'listAdminPosts', { status: 'pending', limit: WAITING_PAGE }, []);
  const waitingCount = waiting.data?.items.length ?? 0;
  const waitingText = waiting.data ? `${waitingCount}${waiting.data.nextCursor ? '+' : ''}` : '';
  // Unless a tab was asked for, the page waits for the count: 待审核 when something waits, else 草稿
  // (if the count cannot be read, 草稿 as before).
  const tab: AdminTab | null = picked ?? (waiting.data ? (waitingCount > 0 ? 'pending' : 'draft') : waiting.error ? 'draft' : null);
  const list = usePaged('feed', 'listAdminPosts', tab ? { status: tab, limit: 20 } : null, [tab]);
  const firstShow = useRef(true);

  // Back from the editor or a review: the lists and the waiting count have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else {
      list.reload();
      waiting.reload();
    }
  });
  usePullDownRefresh(() => {
    list.reload();
    waiting.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  return (
    <>
      <Card>
        <Button id='post-new' block type='primary' size='large' onClick={() => goPage(PAGE.feedEditor)}>
          写文章
        </Button>
        <View id='posts-comments' className='row-link btn-gap' onClick={() => goPage(PAGE.feedComments)}>
          <Text>评论审核</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
        <View id='posts-models' className='row-link' onClick={() => goPage(PAGE.feedModelsAdmin)}>
          <Text>先进典型设置</Text>
          <Text className='row-link__arrow'>›</Text>
        </View>
      </Card>

      <Card id='posts-list'>
        <View className='seg' id='posts-tabs'>
          {TABS.map((t) => (
            <View key={t.value} id={`posts-tab-${t.value}`} className={tab === t.value ? 'seg__item seg__item--on' : 'seg__item'} onClick={() => setPicked(t.value)}>
              {tab === t.value ? '✓ ' : ''}
              {t.label}
              {t.value === 'pending' && waitingCount > 0 ? (
                <Text className='fa-badge' id='posts-pending-count' aria-label={`${waitingText} 篇待审核`}>
                  {waitingText}
                </Text>
              ) : null}
            </View>
          ))}
        </View>
        <View className='fa-list'>
          <PagedList list={list} empty={EMPTY[tab ?? 'draft']} emptyAtEnd moreId='posts-more' endText={`共 ${list.items.length} 篇`}>
            {(items) => items.map((p) => <PostRow key={p.id} p={p} />)}
          </PagedList>
        </View>
      </Card>
    </>
  );
}

export default function FeedAdminIndexPage() {
  return (
    <PageShell className='fa-page'>
      <AdminGate>{() => <PostsHome />}</AdminGate>
    </PageShell>
  );
}
