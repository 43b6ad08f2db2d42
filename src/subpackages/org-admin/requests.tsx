// 绑定申请: members who could not be matched to the roster asked to join; the organiser approves
// or turns each down with a reason the member will see. Each request says what it is (the server
// tells the organiser; the applicant never sees it); when the roster has the name already, the
// organiser chooses: the entry of that name (换绑 when it is bound) or a second entry.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { BindRequestRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import './requests.scss';

type Outcome = 'approved' | 'rejected';

function RequestItem({ item, onDone }: { item: BindRequestRow; onDone: (id: string, outcome: Outcome) => void }) {
  const review = useMutation('org', 'reviewBindRequest');
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');

  const approve = async (mode?: 'existing' | 'new') => {
    if (mode === 'existing' && item.kind === 'bound_same_name') {
      const answer = await askConfirm({
        title: '换绑微信',
        content: `换绑后，${item.name}原来的微信不能再使用本小程序，改由这个申请人的微信登录。请先与本人核实。`,
        confirmText: '换绑',
      });
      if (!answer) return;
    }
    const res = await review.run({ requestId: item.id, approve: true, ...(mode ? { mode } : {}) });
    if (res) onDone(item.id, 'approved');
  };
  const reject = async () => {
    const res = await review.run({ requestId: item.id, approve: false, reason: reason.trim() || undefined });
    if (res) onDone(item.id, 'rejected');
  };

  return (
    <View className='request' id={`request-${item.id}`}>
      <Text className='request__name'>{item.name}</Text>
      <Text className='request__meta'>申请加入：{item.unitName}</Text>
      <Text className='request__meta'>
        {item.phoneTail ? `手机尾号 ${item.phoneTail} · ` : ''}
        {formatBeijing(item.createdAt)} 提交
      </Text>
      <Text className={item.kind === 'not_on_roster' ? 'request__kind' : 'request__kind request__kind--warn'} id={`request-kind-${item.id}`}>
        {item.kindText}
      </Text>

      <FormError className='btn-gap' message={review.error?.message} />

      {rejecting ? (
        <View className='request__reject'>
          <Text className='field__label'>不通过的原因（申请人会看到）</Text>
          <Input
            className='field__input'
            placeholderClass='placeholder'
            placeholder='例如：姓名与名单不符，请联系支部'
            maxlength={100}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='request__actions'>
            <Button className='request__btn' type='primary' loading={review.running} onClick={() => void reject()}>
              确认不通过
            </Button>
            <Button className='request__btn' fill='outline' disabled={review.running} onClick={() => setRejecting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='request__actions request__actions--wrap'>
          {item.kind === 'not_on_roster' || (item.kind === 'locked_entry' && item.entryId) ? (
            <Button className='request__btn' type='primary' loading={review.running} onClick={() => void approve(item.entryId ? 'existing' : undefined)}>
              {item.kind === 'locked_entry' ? '核实无误，通过' : '通过'}
            </Button>
          ) : (
            <>
              {item.entryId ? (
                <Button className='request__btn' type='primary' loading={review.running} onClick={() => void approve('existing')}>
                  {item.kind === 'bound_same_name' ? '换绑到新微信' : '绑定名册中的该成员'}
                </Button>
              ) : null}
              <Button className='request__btn' fill='outline' disabled={review.running} onClick={() => void approve('new')}>
                作为新成员加入
              </Button>
            </>
          )}
          <Button className='request__btn' fill='outline' disabled={review.running} onClick={() => setRejecting(true)}>
            不通过
          </Button>
        </View>
      )}
    </View>
  );
}

function Requests({ unitId }: { unitId: string | null }) {
  const list = useAction('org', 'listBindRequests', { unitId }, [unitId]);
  const [done, setDone] = useState<Record<string, Outcome>>({});

  usePullDownRefresh(() => {
    setDone({});
    list.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  const onDone = (id: string, outcome: Outcome) => {
    setDone((d) => ({ ...d, [id]: outcome }));
    void Taro.showToast({ title: outcome === 'approved' ? '已通过' : '已设为不通过', icon: 'none' });
  };

  return (
    <Loaded bare state={list}>
      {({ items }) =>
        items.length === 0 ? (
          <EmptyView title='没有待处理的绑定申请' desc='党员绑定时若与名单对不上，申请会显示在这里' />
        ) : (
          <View id='request-list'>
            {items.map((it) =>
              done[it.id] ? (
                <View key={it.id} className='request request--done'>
                  <Text className='request__name'>{it.name}</Text>
                  <Text className={done[it.id] === 'approved' ? 'tag tag--ok' : 'tag'}>{done[it.id] === 'approved' ? '✓ 已通过' : '✕ 未通过'}</Text>
                </View>
              ) : (
                <RequestItem key={it.id} item={it} onDone={onDone} />
              ),
            )}
          </View>
        )
      }
    </Loaded>
  );
}

export default function RequestsPage() {
  const router = useRouter();
  const unitId = router.params.unitId ?? null;
  return (
    <PageShell>
      <AdminGate>
        {() => (
          <Card title='待处理的申请'>
            <Requests unitId={unitId} />
          </Card>
        )}
      </AdminGate>
    </PageShell>
  );
}
