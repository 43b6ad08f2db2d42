// Organiser pages render their content only for organisers; everyone else gets a plain answer.
// The cloud function checks the role again on every call; this only spares a confusing page.
import type { ReactNode } from 'react';
import type { MeMember } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useMe } from '@/hooks';
import { goTab } from '@/utils/nav';

export interface AdminGateProps {
  children: (member: MeMember) => ReactNode;
}

export default function AdminGate({ children }: AdminGateProps) {
  const { me, error, loading, reload } = useMe();
  if (me === undefined) return <LoadingOrError state={{ loading, error, reload }} />;
  if (!me.bound || !me.canManage) {
    return (
      <Card>
        <EmptyView
          title='您没有管理权限'
          desc='管理后台供支部管理员和单位管理员使用'
          action={
            <Button block type='primary' onClick={() => goTab('home')}>
              返回首页
            </Button>
          }
        />
      </Card>
    );
  }
  return <>{children(me.member)}</>;
}
