// MemberGate: what a member tab page shows before its content. Loading, an error with 重试, or for
// an unbound visitor the prompt to bind a branch; the page's content only for a bound member.
// useRefreshKey: a number that grows when the page is shown again or pulled down, for lists to reload.
import { useRef, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { Me } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { useMe } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import './index.scss';

export function useRefreshKey(onPull?: () => void): number {
  const [refreshKey, setRefreshKey] = useState(0);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) setRefreshKey((k) => k + 1);
    shown.current = true;
  });
  usePullDownRefresh(() => {
    onPull?.();
    setRefreshKey((k) => k + 1);
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  return refreshKey;
}

function BindPrompt({ me, why }: { me: Extract<Me, { bound: false }>; why: string }) {
  const pending = me.request?.status === 'pending';
  return (
    <Card id='bind-prompt'>
      <Text className='member-bind__title'>您还没有绑定所在党支部</Text>
      <Text className='member-bind__desc'>{why}</Text>
      {pending ? (
        <View className='notice notice--wait member-bind__notice'>
          <Text className='notice__title'>⏳ 已提交，等待支部管理员确认</Text>
          <Text className='notice__text'>申请加入：{me.request?.unitName}</Text>
        </View>
      ) : null}
      <Button id='go-bind' block className='btn-gap' type='primary' size='large' onClick={() => goPage(PAGE.bind)}>
        去绑定
      </Button>
    </Card>
  );
}

/** `why` completes "绑定后才能…" for this page; `children` renders for a bound member. */
export default function MemberGate({ why, children }: { why: string; children: (refreshKey: number) => ReactNode }) {
  const { me, error, loading, reload } = useMe();
  const refreshKey = useRefreshKey(() => {
    if (me === undefined) reload();
  });
  if (me === undefined) return <LoadingOrError state={{ loading, error, reload }} />;
  if (!me.bound) return <BindPrompt me={me} why={why} />;
  return <>{children(refreshKey)}</>;
}
