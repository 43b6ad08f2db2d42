// 组织架构: the units of my subtrees as an indented tree, each with its members and invite code.
// Tapping a unit opens what may be done with it: add a unit below it, rename it, move it (its
// whole subtree moves with it), close it (撤销: kept with its history; its members move on or stay
// listed with it), and go to its roster or roster import. Every action is checked again on the server.
import { useMemo, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ManagedUnit, MeMember } from '@core/contracts';
import { isPickableUnit, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '@core/domain/org/units';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import Dialog from '@/components/Dialog';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import AdminGate from '@/components/AdminGate';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import UnitChoice, { treeIndent } from './components/UnitChoice';
import './units.scss';

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

type Sheet = { kind: 'create' | 'rename' | 'move' | 'close'; unit: ManagedUnit } | null;

function NameDialog({ sheet, onDone, onClose }: { sheet: { kind: 'create' | 'rename'; unit: ManagedUnit }; onDone: (msg: string) => void; onClose: () => void }) {
  const creating = sheet.kind === 'create';
  const [name, setName] = useState(creating ? '' : sheet.unit.name);
  const [kind, setKind] = useState<UnitKind>(creating || sheet.unit.kind === 'org' ? 'branch' : sheet.unit.kind);
  const create = useMutation('org', 'createUnit');
  const update = useMutation('org', 'updateUnit');
  const running = create.running || update.running;
  const error = (creating ? create.error : update.error)?.message ?? null;

  const confirm = async () => {
    if (creating) {
      const done = await create.run({ parentId: sheet.unit.id, name, kind });
      if (done) onDone(`已新建“${done.unit.name}”`);
    } else {
      const done = await update.run(sheet.unit.parentId === null ? { unitId: sheet.unit.id, name } : { unitId: sheet.unit.id, name, kind });
      if (done) onDone('已保存');
    }
  };

  return (
    <Dialog
      id='unit-dialog'
      title={creating ? `在“${sheet.unit.name}”下新建组织` : `修改“${sheet.unit.name}”`}
      confirmText={creating ? '新建' : '保存'}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      running={running}
      error={error}
      confirmDisabled={name.trim() === ''}
    >
      <View className='field'>
        <Text className='field__label'>组织名称</Text>
        <Input
          id='unit-name'
          className='field__input ui-dialog__input'
          placeholderClass='placeholder'
          placeholder='例如：离退休干部第一党支部'
          maxlength={40}
          value={name}
          onInput={(e) => setName(e.detail.value)}
        />
      </View>
      {sheet.unit.parentId !== null || creating ? (
        <View className='field'>
          <Text className='field__label'>组织类型</Text>
          <Chips id='unit-kind' options={KIND_OPTIONS} selected={[kind]} onToggle={setKind} />
        </View>
      ) : null}
    </Dialog>
  );
}

function MoveDialog({ unit, units, onDone, onClose }: { unit: ManagedUnit; units: ManagedUnit[]; onDone: (msg: string) => void; onClose: () => void }) {
  const move = useMutation('org', 'moveUnit');
  const [parentId, setParentId] = useState<string | null>(null);
  // Not the unit itself, nothing below it (that would make a cycle), nothing closed.
  const targets = units.filter((u) => !u.path.includes(unit.id) && u.status === 'active' && u.id !== unit.parentId);
  const base = Math.min(...units.map((u) => u.depth));
  const confirm = async () => {
    if (!parentId) return;
    const done = await move.run({ unitId: unit.id, parentId });
    if (done) onDone(`已移动，共 ${done.moved} 个组织随之移动`);
  };
  return (
    <Dialog
      id='move-dialog'
      title={`把“${unit.name}”移到`}
      confirmText='移动'
      onConfirm={() => void confirm()}
      onCancel={onClose}
      running={move.running}
      error={move.error?.message ?? null}
      confirmDisabled={!parentId}
    >
      <Text className='ui-dialog__desc'>它的下级组织、党员和以往记录一起移动。</Text>
      {targets.length === 0 ? <Text className='ui-dialog__desc'>没有可以移到的上级组织。</Text> : <UnitChoice id='move-target' units={targets} value={parentId} onPick={setParentId} base={base} />}
    </Dialog>
  );
}

function CloseDialog({ unit, units, onDone, onClose }: { unit: ManagedUnit; units: ManagedUnit[]; onDone: (msg: string) => void; onClose: () => void }) {
  const close = useMutation('org', 'closeUnit');
  const [target, setTarget] = useState<string | null>(null);
  const targets = units.filter((u) => isPickableUnit(u) && u.id !== unit.id);
  const base = Math.min(...units.map((u) => u.depth));
  const confirm = async () => {
    const done = await close.run({ unitId: unit.id, moveMembersTo: target });
    if (done) onDone(done.movedMembers > 0 ? `已撤销，${done.movedMembers} 名党员已转入新组织` : '已撤销');
  };
  return (
    <Dialog id='close-dialog' title={`撤销“${unit.name}”`} confirmText='撤销' onConfirm={() => void confirm()} onCancel={onClose} running={close.running} error={close.error?.message ?? null}>
      <Text className='ui-dialog__desc'>
        撤销后不能再绑定、导入或新建下级，以往的记录都会保留。它的 {unit.memberCount} 名党员可以转入另一个组织，也可以留在原组织名下。
      </Text>
      <View className='field'>
        <Text className='field__label'>党员转入</Text>
        <Chips id='close-keep' options={[{ value: 'keep', label: '留在原组织名下' }]} selected={target === null ? ['keep'] : []} onToggle={() => setTarget(null)} />
        <UnitChoice id='close-target' units={targets} value={target} onPick={setTarget} base={base} />
      </View>
    </Dialog>
  );
}

function Tools({ unit, viewer, onSheet }: { unit: ManagedUnit; viewer: MeMember; onSheet: (s: Sheet) => void }) {
  const topOfScope = viewer.role !== 'org_admin' && unit.depth === 0;
  const open = unit.status === 'active';
  return (
    <View className='tree-tools' id='unit-tools'>
      <Text className='tree-tools__title'>{unit.name}</Text>
      {unit.inviteCode ? (
        <Text className='tree-tools__code'>
          邀请码 <Text id='unit-invite-code'>{unit.inviteCode}</Text>（党员凭姓名和邀请码绑定到本组织）
        </Text>
      ) : null}
      <View className='tree-tools__actions'>
        {open ? (
          <Button id='unit-add-child' className='tree-tools__btn' type='primary' onClick={() => onSheet({ kind: 'create', unit })}>
            新建下级组织
          </Button>
        ) : null}
        {open ? (
          <Button id='unit-import-tree' className='tree-tools__btn' fill='outline' onClick={() => goPage(`${PAGE.adminUnitsImport}?parentId=${unit.id}`)}>
            用表格导入下级
          </Button>
        ) : null}
        {open ? (
          <Button id='unit-rename' className='tree-tools__btn' fill='outline' onClick={() => onSheet({ kind: 'rename', unit })}>
            改名或类型
          </Button>
        ) : null}
        {open && unit.parentId !== null && !topOfScope ? (
          <Button id='unit-move' className='tree-tools__btn' fill='outline' onClick={() => onSheet({ kind: 'move', unit })}>
            移动
          </Button>
        ) : null}
        {open && unit.parentId !== null && !topOfScope ? (
          <Button id='unit-close' className='tree-tools__btn' fill='outline' onClick={() => onSheet({ kind: 'close', unit })}>
            撤销
          </Button>
        ) : null}
        {unit.inviteCode ? (
          <Button id='unit-invite' className='tree-tools__btn' fill='outline' onClick={() => goPage(`${PAGE.adminInvite}?unitId=${unit.id}`)}>
            邀请党员
          </Button>
        ) : null}
        <Button id='unit-roster' className='tree-tools__btn' fill='outline' onClick={() => goPage(`${PAGE.adminRoster}?unitId=${unit.id}`)}>
          名单
        </Button>
        {isPickableUnit(unit) ? (
          <Button id='unit-import' className='tree-tools__btn' fill='outline' onClick={() => goPage(`${PAGE.adminImport}?unitId=${unit.id}`)}>
            导入名单
          </Button>
        ) : null}
      </View>
    </View>
  );
}

function Tree({ viewer }: { viewer: MeMember }) {
  const units = useAction('org', 'listUnits', {}, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [sheet, setSheet] = useState<Sheet>(null);
  const firstShow = useRef(true);
  // Back from a tree import, a roster import or an invitation: counts and units may have changed.
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false;
    else units.reload();
  });
  usePullDownRefresh(() => {
    units.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });
  const list = useMemo(() => units.data?.units ?? [], [units.data]);
  // An organiser's scope starts below the root: indent from the shallowest unit they see.
  const base = list.length > 0 ? Math.min(...list.map((u) => u.depth)) : 0;

  // Loading, then an error with 重试: the shared wrapper draws both until the units arrive.
  if (!units.data) return <LoadingOrError state={units} />;
  if (list.length === 0) {
    return (
      <Card>
        <EmptyView title='暂无可管理的组织' desc='请联系上级管理员为您设置管理范围' />
      </Card>
    );
  }
  const done = (msg: string) => {
    setSheet(null);
    void Taro.showToast({ title: msg, icon: 'none' });
    units.reload();
  };
  const current = list.find((u) => u.id === selected) ?? null;
  return (
    <>
      <Card title={`共 ${list.filter((u) => u.status === 'active').length} 个组织`} extra={<Text className='muted'>点一个组织进行管理</Text>}>
        <View id='unit-tree'>
          {list.map((u) => (
            <View key={u.id}>
              <View
                id={`unit-${u.id}`}
                className={u.id === selected ? 'tree-row tree-row--on' : 'tree-row'}
                style={{ paddingLeft: treeIndent(u.depth, base) }}
                onClick={() => setSelected(u.id)}
              >
                {u.depth > base ? <Text className='tree-row__guide'>└</Text> : null}
                <View className='tree-row__main'>
                  <Text className='tree-row__name'>{u.name}</Text>
                  <Text className='tree-row__meta'>
                    {u.kindLabel} · 党员 {u.memberCount} 人 · 已绑定 {u.boundCount} 人
                  </Text>
                </View>
                {u.status === 'closed' ? <Text className='tag'>已撤销</Text> : null}
              </View>
              {u.id === selected && current ? <Tools unit={current} viewer={viewer} onSheet={setSheet} /> : null}
            </View>
          ))}
        </View>
      </Card>
      {sheet && (sheet.kind === 'create' || sheet.kind === 'rename') ? <NameDialog sheet={{ kind: sheet.kind, unit: sheet.unit }} onDone={done} onClose={() => setSheet(null)} /> : null}
      {sheet?.kind === 'move' ? <MoveDialog unit={sheet.unit} units={list} onDone={done} onClose={() => setSheet(null)} /> : null}
      {sheet?.kind === 'close' ? <CloseDialog unit={sheet.unit} units={list} onDone={done} onClose={() => setSheet(null)} /> : null}
    </>
  );
}

export default function AdminUnitsPage() {
  return (
    <PageShell>
      <AdminGate>{(member) => <Tree viewer={member} />}</AdminGate>
    </PageShell>
  );
}
