// 评论审核: comments waiting for an organiser — held by the content check, or reported by members.
// A held one can be shown or hidden, a reported one hidden, with a reason kept on record; either
// way it leaves the queue.
import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { FlaggedComment } from '@core/contracts';
import { call, toApiError } from '@/api';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import { ReasonDialog } from '@/components/Dialog';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { postDateText } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './comments.scss';

const HIDE_REASONS = ['不文明用语', '与文章无关', '含有个人隐私'];
const SHOW_REASONS = ['内容没有问题', '核实后恢复'];

function statusText(c: FlaggedComment): { label: string; tag: string } {
  if (c.status === 'held') return { label: '… 待审核，尚未显示', tag: 'tag tag--gold' };
  if (c.status === 'hidden') return { label: '○ 已隐藏', tag: 'tag' };
  return { label: `! 被举报 ${c.reports ?? 0} 次，仍在显示`, tag: 'tag tag--red' };
}

function Queue() {
  const list = usePaged('feed', 'listFlaggedComments', { limit: 20 }, []);
  const [done, setDone] = useState<Record<string, string>>({});
  const [acting, setActing] = useState<{ c: FlaggedComment; hide: boolean } | null>(null);
  const firstShow = useRef(true);

  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else list.reload();
  });
  usePullDownRefresh(() => {
    setDone({});
    list.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const act = async (reason: string): Promise<string | null> => {
    if (!acting) return null;
    try {
      await call('feed', 'hideComment', { commentId: acting.c.id, hidden: acting.hide, reason });
    } catch (e) {
      return toApiError(e).message;
    }
    setDone((d) => ({ ...d, [acting.c.id]: acting.hide ? '✓ 已隐藏' : '✓ 已显示' }));
    return null;
  };

  return (
    <PagedList
      list={list}
      empty={{ title: '没有需要处理的评论', desc: '被举报或需要人工审核的评论会显示在这里' }}
      emptyAtEnd
      id='flagged-list'
      moreId='flagged-more'
      endText='已显示全部'
    >
      {(items) => (
        <>
          {items.map((c) => {
            const s = statusText(c);
            const handled = done[c.id];
            return (
              <View key={c.id} className='fc-row' id={`flagged-${c.id}`}>
                <View className='fc-row__head'>
                  <Text className={handled ? 'tag tag--ok' : s.tag}>{handled ?? s.label}</Text>
                </View>
                <Text className='fc-row__text'>“{c.text}”</Text>
                <Text className='fc-row__meta'>
                  {c.name} · {postDateText(c.at)}
                </Text>
                <Text className='fc-row__post' onClick={() => goPage(`${PAGE.feedPost}?id=${c.postId}`)}>
                  文章：{c.postTitle} ›
                </Text>
                {handled ? null : (
                  <View className='fc-row__actions'>
                    {c.status !== 'hidden' ? (
                      <Button id={`flagged-hide-${c.id}`} className='fc-row__btn' fill='outline' onClick={() => setActing({ c, hide: true })}>
                        隐藏
                      </Button>
                    ) : null}
                    {/* A reported comment that is still showing can only be hidden: the feed function
                        treats "show" on a visible comment as a no-op, so it would stay in the queue. */}
                    {c.status !== 'visible' ? (
                      <Button id={`flagged-show-${c.id}`} className='fc-row__btn' type='primary' fill='outline' onClick={() => setActing({ c, hide: false })}>
                        {c.status === 'held' ? '通过并显示' : '恢复显示'}
                      </Button>
                    ) : null}
                  </View>
                )}
              </View>
            );
          })}
          {acting ? (
            <ReasonDialog
              id='flag-dialog'
              title={acting.hide ? '隐藏这条评论' : '显示这条评论'}
              desc={acting.hide ? '隐藏后党员看不到这条评论。原因会留作记录。' : '这条评论会正常显示。原因会留作记录。'}
              confirmText={acting.hide ? '隐藏' : '显示'}
              presets={acting.hide ? HIDE_REASONS : SHOW_REASONS}
              onSubmit={act}
              onClose={() => setActing(null)}
            />
          ) : null}
        </>
      )}
    </PagedList>
  );
}

export default function FeedCommentsPage() {
  return (
    <PageShell className='fc-page'>
      <AdminGate>
        {() => (
          <Card title='待处理的评论'>
            <Queue />
          </Card>
        )}
      </AdminGate>
    </PageShell>
  );
}
