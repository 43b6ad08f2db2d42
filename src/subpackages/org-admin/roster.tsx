// 党员名单: the members of one unit, filtered by bound / not bound, a page at a time. Tapping a
// member offers what the viewer may do: release the entry from its WeChat account (the member
// changed phones), appoint a bound member organiser of this unit (they then manage everything
// below it) or make them a member again, flag a member of the leadership (领导班子成员), and move
// a member to another unit (组织关系转接). The cloud function checks every one again.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { ManagedUnit, MemberRow, MeMember } from '@core/contracts';
import { ROLE_LABELS } from '@core/domain/org/roles';
import PageShell from '@/components/PageShell';
import { askConfirm } from '@/components/Dialog/confirm';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import { EmptyView } from '@/components/StateView';
import Dialog from '@/components/Dialog';
import { useMutation, usePaged } from '@/hooks';
import { call, toApiError } from '@/api';
import { goPage, PAGE } from '@/utils/nav';
import { beijingDateTime } from '@/utils/exam-format';
import AdminGate from '@/components/AdminGate';
import ManagedUnits from './components/ManagedUnits';
import UnitPicker from './components/UnitPicker';
import UnitChoice from './components/UnitChoice';
import './roster.scss';
import { isPickableUnit } from '@core/domain/org/units';

type BoundFilter = 'all' | 'bound' | 'unbound';
const FILTERS: Array<{ value: BoundFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'bound', label: '已绑定' },
  { value: 'unbound', label: '未绑定' },
];

const UNBIND_REASONS = ['更换了手机或微信', '绑定错了人', '已不在本支部'];

interface RowAction {
  label: string;
  run: () => Promise<string | null>;
}

/** The actions the viewer may take on a row; the cloud function checks each again. */
function rowActions(viewer: MeMember, m: MemberRow, unit: ManagedUnit | null, onMove: (m: MemberRow) => void): RowAction[] {
  const actions: RowAction[] = [];
  if (m.bound && m.id !== viewer.id && (m.role !== 'org_admin' || viewer.role === 'org_admin')) {
    actions.push({
      label: '解除微信绑定',
      run: async () => {
        let reason: string;
        try {
          reason = UNBIND_REASONS[(await Taro.showActionSheet({ itemList: UNBIND_REASONS })).tapIndex];
        } catch {
          return null; // the reason sheet was dismissed
        }
        const answer = await askConfirm({
          title: '解除微信绑定',
          content: `解除后，${m.name}需要用新的微信重新绑定。原因：${reason}`,
          confirmText: '解除',
        });
        if (!answer) return null;
        await call('org', 'unbindMember', { memberId: m.id, reason });
        return '已解除绑定';
      },
    });
  }
  // 网页登录码: the code lets its holder act as the member on the web, so an organiser's only for
  // plain members (an admin's for anyone); shown once, in a dialog, to pass on to the member.
  if (m.bound && m.id !== viewer.id && (m.role === 'member' || viewer.role === 'org_admin')) {
    actions.push({
      label: '发网页登录码',
      run: async () => {
        const issued = await call('org', 'issueWebCode', { memberId: m.id });
        await Taro.showModal({
          title: `${issued.name}的网页登录码`,
          content: `${issued.code.slice(0, 4)} ${issued.code.slice(4)}\n${beijingDateTime(issued.expiresAt)}前有效，只能用一次，请只告诉本人。再发一个，这个就作废。`,
          showCancel: false,
          confirmText: '知道了',
        });
        return null;
      },
    });
    actions.push({
      label: '撤销网页登录',
      run: async () => {
        const answer = await askConfirm({ title: '撤销网页登录', content: `${m.name}在网页上的登录将失效，未用的网页登录码也作废。`, confirmText: '撤销' });
        if (!answer) return null;
        const { revoked } = await call('org', 'revokeWebKey', { memberId: m.id });
        return revoked ? `已撤销${m.name}的网页登录` : `${m.name}没有在网页上登录，未用的登录码已作废`;
      },
    });
  }
  const unitName = unit?.name ?? '本组织';
  // Only a bound member can be appointed: an unbound entry with a role could be claimed by its name.
  if (m.role !== 'org_admin' && m.id !== viewer.id && (m.bound || m.role === 'unit_organiser')) {
    const promote = m.role === 'member';
    actions.push({
      label: promote ? `任命为“${unitName}”管理员` : '取消管理员身份',
      run: async () => {
        await call('org', 'setMemberRole', promote ? { memberId: m.id, role: 'unit_organiser', unitIds: [m.unitId] } : { memberId: m.id, role: 'member' });
        return promote ? `${m.name}已是“${unitName}”的管理员` : `已取消${m.name}的管理员身份`;
      },
    });
  }
  actions.push({
    label: m.leader ? '取消领导班子成员' : '标为领导班子成员',
    run: async () => {
      await call('org', 'setLeader', { memberId: m.id, leader: !m.leader });
      return m.leader ? '已取消' : `${m.name}已标为领导班子成员`;
    },
  });
  if (m.id !== viewer.id) {
    actions.push({
      label: '转到其他组织',
      run: async () => {
        onMove(m);
        return null;
      },
    });
  }
  return actions;
}

async function openActions(actions: RowAction[], onChanged: () => void): Promise<void> {
  let picked: RowAction;
  try {
    picked = actions[(await Taro.showActionSheet({ itemList: actions.map((a) => a.label) })).tapIndex];
  } catch {
    return; // the sheet was dismissed
  }
  try {
    const done = await picked.run();
    if (done === null) return;
    void Taro.showToast({ title: done, icon: 'none' });
    onChanged();
  } catch (e) {
    void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
  }
}

function MemberItem({ m, viewer, unit, onChanged, onMove }: { m: MemberRow; viewer: MeMember; unit: ManagedUnit | null; onChanged: () => void; onMove: (m: MemberRow) => void }) {
  const actions = rowActions(viewer, m, unit, onMove);
  return (
    <View
      className='member-row'
      id={`member-${m.id}`}
      hoverClass={actions.length > 0 ? 'member-row--pressed' : 'none'}
      onClick={actions.length > 0 ? () => void openActions(actions, onChanged) : undefined}
    >
      <View className='member-row__main'>
        <Text className='member-row__name'>
          {m.name}
          {m.leader ? <Text className='tag tag--gold member-row__leader'>领导班子</Text> : null}
        </Text>
        <Text className='member-row__meta'>
          {m.roleLabel || ROLE_LABELS[m.role]}
          {m.phoneMasked ? ` · ${m.phoneMasked}` : ''}
          {!m.bound && m.role === 'member' ? ' · 绑定微信后可任命为管理员' : ''}
        </Text>
      </View>
      <Text className={m.bound ? 'tag tag--ok' : 'tag'}>{m.bound ? '✓ 已绑定' : '○ 未绑定'}</Text>
      {actions.length > 0 ? <Text className='member-row__more'>›</Text> : null}
    </View>
  );
}

function MoveMemberDialog({ m, units, onDone, onClose }: { m: MemberRow; units: ManagedUnit[]; onDone: () => void; onClose: () => void }) {
  const move = useMutation('org', 'moveMember');
  const [target, setTarget] = useState<string | null>(null);
  const targets = units.filter((u) => isPickableUnit(u) && u.id !== m.unitId);
  const base = units.length > 0 ? Math.min(...units.map((u) => u.depth)) : 0;
  const confirm = async () => {
    if (!target) return;
    const done = await move.run({ memberId: m.id, unitId: target });
    if (done) {
      void Taro.showToast({ title: `${m.name}已转入新组织`, icon: 'none' });
      onDone();
    }
  };
  return (
    <Dialog id='move-member' title={`把${m.name}转到`} confirmText='转接' onConfirm={() => void confirm()} onCancel={onClose} running={move.running} error={move.error?.message ?? null} confirmDisabled={!target}>
      <Text className='ui-dialog__desc'>转接后，以往的学习和考试记录仍算在原组织，今后的记在新组织。</Text>
      <UnitChoice id='move-member-target' units={targets} value={target} onPick={setTarget} base={base} />
    </Dialog>
  );
}

function Members({ unitId, filter, viewer, units }: { unitId: string; filter: BoundFilter; viewer: MeMember; units: ManagedUnit[] }) {
  const list = usePaged('org', 'listMembers', { unitId, bound: filter, limit: 20 }, [unitId, filter]);
  const [moving, setMoving] = useState<MemberRow | null>(null);
  const unit = units.find((u) => u.id === unitId) ?? null;
  const empty = {
    title: filter === 'bound' ? '还没有人绑定' : filter === 'unbound' ? '名单上的人都已绑定' : '名单是空的',
    desc: filter === 'all' ? '可以通过“导入名单”添加本支部党员' : undefined,
    action:
      filter === 'all' ? (
        <Button block type='primary' onClick={() => goPage(`${PAGE.adminImport}?unitId=${unitId}`)}>
          导入名单
        </Button>
      ) : undefined,
  };
  return (
    <PagedList
      list={list}
      empty={empty}
      id='roster-list'
      moreId='roster-more'
      endText={`已显示全部 ${list.items.length} 人`}
      endClassName='roster-end muted'
    >
      {(items) => (
        <>
          {items.map((m) => (
            <MemberItem key={m.id} m={m} viewer={viewer} unit={unit} onChanged={list.reload} onMove={setMoving} />
          ))}
          {moving ? (
            <MoveMemberDialog
              m={moving}
              units={units}
              onClose={() => setMoving(null)}
              onDone={() => {
                setMoving(null);
                list.reload();
              }}
            />
          ) : null}
        </>
      )}
    </PagedList>
  );
}

function Roster({ units, initialUnitId, viewer }: { units: ManagedUnit[]; initialUnitId: string | null; viewer: MeMember }) {
  const fallback = units.find(isPickableUnit) ?? units[0];
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
      <Card>{unitId ? <Members unitId={unitId} filter={filter} viewer={viewer} units={units} /> : <EmptyView title='请先选择组织' />}</Card>
    </>
  );
}

export default function RosterPage() {
  const router = useRouter();
  const initialUnitId = router.params.unitId ?? null;
  return (
    <PageShell>
      <AdminGate>
        {(viewer) => <ManagedUnits>{(units) => <Roster units={units} initialUnitId={initialUnitId} viewer={viewer} />}</ManagedUnits>}
      </AdminGate>
    </PageShell>
  );
}
