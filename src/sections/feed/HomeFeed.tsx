// The feed context's section of the 首页 tab: tabs by kind, a title search, pinned posts first, more posts as the member scrolls
// (with a 加载更多 button as the fallback), and the ways to 先进典型 and 投稿. A post page reports
// likes and comments back through Taro.eventCenter, so cards stay current without a reload.
import { useEffect, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useReachBottom } from '@tarojs/taro';
import type { PostCard as Post } from '@core/contracts';
import { POST_KIND_LABELS, POST_KINDS, type PostKind } from '@core/domain/feed';
import Card from '@/components/Card';
import PostCard from '@/components/PostCard';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { FEED_POST_CHANGED, type FeedPostChange } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './HomeFeed.scss';

type Tab = PostKind | 'all';

const TABS: Array<{ value: Tab; label: string }> = [{ value: 'all', label: '全部' }, ...POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))];

/** Back on 首页 after this long away, the feed is fetched again (new posts may be out). */
const STALE_MS = 5 * 60_000;

export interface HomeFeedProps {
  /** Grows on pull-down refresh. */
  refreshKey: number;
}

export default function HomeFeed({ refreshKey }: HomeFeedProps) {
  const [tab, setTab] = useState<Tab>('all');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [patches, setPatches] = useState<Record<string, FeedPostChange>>({});
  const list = usePaged('feed', 'listPosts', { kind: tab === 'all' ? null : tab, q: q || null, limit: 10 }, [tab, q, refreshKey]);
  const hiddenAt = useRef<number | null>(null);

  useEffect(() => {
    const onChange = (change: FeedPostChange) => setPatches((prev) => ({ ...prev, [change.id]: { ...prev[change.id], ...change } }));
    Taro.eventCenter.on(FEED_POST_CHANGED, onChange);
    return () => {
      Taro.eventCenter.off(FEED_POST_CHANGED, onChange);
    };
  }, []);

  // A reload brings the server's counts, newer than anything a post page reported.
  useEffect(() => setPatches({}), [refreshKey]);

  useDidHide(() => {
    hiddenAt.current = Date.now();
  });
  useDidShow(() => {
    if (hiddenAt.current !== null && Date.now() - hiddenAt.current > STALE_MS) {
      setPatches({});
      list.reload();
    }
    hiddenAt.current = null;
  });

  // Infinite scroll: the next page when the member reaches the bottom of 首页.
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore && !list.error) list.loadMore();
  });

  const search = () => setQ(typed.trim());
  const clearSearch = () => {
    setTyped('');
    setQ('');
  };
  const open = (post: Post) => goPage(`${PAGE.feedPost}?id=${post.id}`);
  const items = list.items.map((p) => ({ ...p, ...patches[p.id] }));

  const empty = q
    ? { title: `没有找到标题含“${q}”的文章`, desc: '可以换个词再搜，或清除搜索看全部文章' }
    : { title: '这里还没有文章', desc: '支部发布的活动报道、先进典型、通知公告和学习资料会显示在这里' };

  return (
    <Card title='党建动态' id='home-feed'>
      <View className='home-feed__entries'>
        <View id='entry-models' className='home-feed__entry' hoverClass='home-feed__entry--pressed' onClick={() => goPage(PAGE.feedModels)}>
          <Text className='home-feed__entry-glyph'>★</Text>
          <Text>先进典型</Text>
        </View>
        <View id='entry-submit' className='home-feed__entry' hoverClass='home-feed__entry--pressed' onClick={() => goPage(PAGE.feedSubmit)}>
          <Text className='home-feed__entry-glyph'>✎</Text>
          <Text>我要投稿</Text>
        </View>
      </View>

      <View className='home-feed__search'>
        <Input
          id='feed-search'
          className='field__input home-feed__search-input'
          placeholderClass='placeholder'
          placeholder='搜索文章标题'
          confirmType='search'
          maxlength={20}
          value={typed}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
        />
        <Button id='feed-search-go' className='home-feed__search-btn' type='primary' onClick={search}>
          搜索
        </Button>
      </View>
      {q ? (
        <View className='home-feed__searching' id='feed-searching'>
          <Text>搜索“{q}”的结果</Text>
          <Text id='feed-search-clear' className='home-feed__clear' onClick={clearSearch}>
            ✕ 清除搜索
          </Text>
        </View>
      ) : null}

      <View className='home-feed__tabs' id='feed-tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.value}
            id={`feed-tab-${t.value}`}
            role='tab'
            aria-selected={tab === t.value}
            className={tab === t.value ? 'home-feed__tab home-feed__tab--on' : 'home-feed__tab'}
            onClick={() => setTab(t.value)}
          >
            {t.label}
          </View>
        ))}
      </View>

      <PagedList
        list={list}
        items={items}
        empty={empty}
        id='feed-list'
        moreId='feed-more'
        loadingText='正在加载…'
        endText={`已显示全部 ${items.length} 篇`}
        endId='feed-end'
        endClassName='home-feed__end muted'
      >
        {(shown) => shown.map((p) => <PostCard key={p.id} post={p} onOpen={open} />)}
      </PagedList>
    </Card>
  );
}
