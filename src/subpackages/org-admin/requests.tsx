// 绑定申请: members who could not be matched to the roster asked to join; the organiser approves
// or turns each down with a reason the member will see.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { BindRequestRow } from '@core/contracts';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
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

  const approve = async () => {
    const res = await review.run({ requestId: item.id, approve: true });
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
        <View className='request__actions'>
          <Button className='request__btn' type='primary' loading={review.running} onClick={() => void approve()}>
            通过
          </Button>
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
