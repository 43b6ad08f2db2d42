// 各级管理员: who looks after which part of the tree. Each organiser with the units whose subtrees
// they manage; an organiser can be made a member again here. Appointing is done from a unit's
// roster, from its bound members only (an unbound entry with a role could be claimed by its name).
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { OrganiserRow } from '@core/contracts';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import AdminGate from '@/components/AdminGate';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import './organisers.scss';

function Row({ o, onChanged }: { o: OrganiserRow; onChanged: () => void }) {
  const demote = useMutation('org', 'setMemberRole');
  const confirm = async () => {
    const answer = await askConfirm({
      title: '取消管理员身份',
      content: `取消后，${o.name}不再能管理${o.manages.map((m) => `“${m.name}”`).join('、')}，仍是普通党员。`,
      confirmText: '取消身份',
      cancelText: '不取消',
    });
    if (!answer) return;
    if (await demote.run({ memberId: o.memberId, role: 'member' })) {
      void Taro.showToast({ title: `已取消${o.name}的管理员身份`, icon: 'none' });
      onChanged();
    }
  };
  return (
    <View className='organiser-row' id={`organiser-${o.memberId}`}>
      <View className='organiser-row__main'>
        <Text className='organiser-row__name'>
          {o.name}
          {o.isMe ? '（我）' : ''}
        </Text>
        <Text className='organiser-row__meta'>
          {o.roleLabel} · 所在：{o.unitName || '—'}
          {o.bound ? '' : ' · 未绑定微信'}
        </Text>
        <Text className='organiser-row__meta'>管理范围：{o.role === 'org_admin' ? '整个单位' : o.manages.map((m) => m.name).join('、')}（含下级）</Text>
        {demote.error ? <Text className='organiser-row__meta'>! {demote.error.message}</Text> : null}
      </View>
      {o.role === 'unit_organiser' && !o.isMe ? (
        <Button size='small' fill='outline' loading={demote.running} onClick={() => void confirm()}>
          取消
        </Button>
      ) : null}
    </View>
  );
}

function Organisers() {
  const list = useAction('org', 'listOrganisers', {}, []);
  usePullDownRefresh(() => {
    list.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  return (
    <>
      <Card title='怎样任命管理员'>
        <Text className='organisers-how'>
          在“组织架构”中点选一个组织，打开它的“名单”，点一位已绑定微信的党员，选“任命为……管理员”。他（她）就能管理这个组织和它的全部下级组织。
        </Text>
        <Button id='organisers-go-units' block fill='outline' onClick={() => goPage(PAGE.adminUnits)}>
          去组织架构
        </Button>
      </Card>
      <Card title='现有管理员'>
        <Loaded bare state={list}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyView title='还没有任命管理员' desc='按上面的步骤从已绑定的党员中任命' />
            ) : (
              <View id='organisers-list'>
                {items.map((o) => (
                  <Row key={o.memberId} o={o} onChanged={list.reload} />
                ))}
              </View>
            )
          }
        </Loaded>
      </Card>
    </>
  );
}

export default function OrganisersPage() {
  return (
    <PageShell>
      <AdminGate>{() => <Organisers />}</AdminGate>
    </PageShell>
  );
}
