// An editor's load-then-show: the organiser's units (org.listUnits) and, when an existing item is
// opened, that item, through the shared Loaded (one loading card, then the error with 重试, which
// loads again whatever failed). Then, for editors that address branches, a plain answer when the
// organiser manages none; else the form with the branches that may be chosen and the item (null
// for a new one). NotEditable is the card shown instead of the form for an item past editing.
import type { ReactNode } from 'react';
import type { ManagedUnit } from '@core/contracts';
import { isPickableUnit } from '@core/domain/org/units';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import { Button } from '@/components/nut';
import { EmptyView } from '@/components/StateView';
import { useAction, type AsyncState } from '@/hooks';

export interface EditorLoadedProps<T> {
  /** The existing item's state; its payload is null (nothing fetched) for a new item. */
  item: AsyncState<T>;
  /** False for a new item: only the units are waited for. */
  editing: boolean;
  /** The exam and event editors need a branch to address. */
  needsBranch?: boolean;
  children: (branches: ManagedUnit[], item: T | null) => ReactNode;
}

interface EditorData<T> {
  units: ManagedUnit[];
  item: T | null;
}

export function EditorLoaded<T>({ item, editing, needsBranch = false, children }: EditorLoadedProps<T>) {
  const units = useAction('org', 'listUnits', {}, []);
  const unitList = units.data?.units;
  const ready = unitList !== undefined && (!editing || item.data !== undefined);
  const both: AsyncState<EditorData<T>> = {
    data: ready ? { units: unitList, item: editing ? (item.data ?? null) : null } : undefined,
    loading: (units.loading && unitList === undefined) || (editing && item.loading && item.data === undefined),
    error: unitList === undefined ? units.error : item.error,
    reload: () => {
      if (unitList === undefined) units.reload();
      if (editing && item.data === undefined) item.reload();
    },
  };
  return (
    <Loaded state={both}>
      {(data) => {
        const branches = data.units.filter(isPickableUnit);
        if (needsBranch && branches.length === 0) {
          return (
            <Card>
              <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />
            </Card>
          );
        }
        return children(branches, data.item);
      }}
    </Loaded>
  );
}

export interface NotEditableProps {
  title: string;
  desc: string;
  actionText: string;
  onAction: () => void;
}

export function NotEditable({ title, desc, actionText, onAction }: NotEditableProps) {
  return (
    <Card>
      <EmptyView
        title={title}
        desc={desc}
        action={
          <Button block type='primary' onClick={onAction}>
            {actionText}
          </Button>
        }
      />
    </Card>
  );
}
