// 党员名单: the members of one unit, filtered by bound / not bound, a page at a time.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ManagedUnit, MemberRow } from '@core/contracts';
import { ROLE_LABELS } from '@core/domain/roles';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { EmptyView, ErrorView, LoadingView } from '@/components/StateView';
import { usePaged } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import AdminGate from './components/AdminGate';
import ManagedUnits from './components/ManagedUnits';
import UnitPicker from './components/UnitPicker';
import './roster.scss';

type BoundFilter = 'all' | 'bound' | 'unbound';
const FILTERS: Array<{ value: BoundFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'bound', label: '已绑定' },
  { value: 'unbound', label: '未绑定' },
];

function MemberItem({ m }: { m: MemberRow }) {
  return (
    <View className='member-row'>
      <View className='member-row__main'>
        <Text className='member-row__name'>{m.name}</Text>
        <Text className='member-row__meta'>
          {m.roleLabel || ROLE_LABELS[m.role]}
          {m.phoneMasked ? ` · ${m.phoneMasked}` : ''}
        </Text>
      </View>
      <Text className={m.bound ? 'tag tag--ok' : 'tag'}>{m.bound ? '✓ 已绑定' : '○ 未绑定'}</Text>
    </View>
  );
}

function Members({ unitId, filter }: { unitId: string; filter: BoundFilter }) {
  const list = usePaged('org', 'listMembers', { unitId, bound: filter, limit: 20 }, [unitId, filter]);
  if (list.loading) return <LoadingView />;
  if (list.error && list.items.length === 0) return <ErrorView message={list.error.message} onRetry={list.reload} />;
  if (list.items.length === 0) {
    const title = filter === 'bound' ? '还没有人绑定' : filter === 'unbound' ? '名单上的人都已绑定' : '名单是空的';
    return (
      <EmptyView
        title={title}
        desc={filter === 'all' ? '可以通过“导入名单”添加本支部党员' : undefined}
        action={
          filter === 'all' ? (
            <Button block type='primary' onClick={() => goPage(`${PAGE.adminImport}?unitId=${unitId}`)}>
              导入名单
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <View id='roster-list'>
      {list.items.map((m) => (
        <MemberItem key={m.id} m={m} />
      ))}
      {list.error ? (
        <View className='form-error btn-gap'>
          <Text className='form-error__mark'>!</Text>
          <Text>{list.error.message}</Text>
        </View>
      ) : null}
      {list.hasMore ? (
        <Button id='roster-more' block className='btn-gap' fill='outline' loading={list.loadingMore} onClick={list.loadMore}>
          {list.error ? '重试' : '加载更多'}
        </Button>
      ) : (
        <Text className='roster-end muted'>已显示全部 {list.items.length} 人</Text>
      )}
    </View>
  );
}

function Roster({ units, initialUnitId }: { units: ManagedUnit[]; initialUnitId: string | null }) {
  const fallback = units.find((u) => u.kind === 'branch') ?? units[0];
  const [unitId, setUnitId] = useState<string | null>(
    units.some((u) => u.id === initialUnitId) ? initialUnitId : (fallback?.id ?? null),
  );
  const [filter, setFilter] = useState<BoundFilter>('all');

  return (
    <>
      <Card>
        <UnitPicker id='roster-unit' label='查看哪个组织' units={units} value={unitId} onChange={setUnitId} />
        <View className='seg' id='roster-filter'>
          {FILTERS.map((f) => (
            <View
              key={f.value}
              id={`filter-${f.value}`}
              className={filter === f.value ? 'seg__item seg__item--on' : 'seg__item'}
              onClick={() => setFilter(f.value)}
            >
              {filter === f.value ? '✓ ' : ''}
              {f.label}
            </View>
          ))}
        </View>
      </Card>
      <Card>{unitId ? <Members unitId={unitId} filter={filter} /> : <EmptyView title='请先选择组织' />}</Card>
    </>
  );
}

export default function RosterPage() {
  const router = useRouter();
  const initialUnitId = router.params.unitId ?? null;
  return (
    <PageShell>
      <AdminGate>
        {() => <ManagedUnits>{(units) => <Roster units={units} initialUnitId={initialUnitId} />}</ManagedUnits>}
      </AdminGate>
    </PageShell>
  );
}
