// The units the organiser manages, loaded once for a page that needs them (名单, 导入名单), with
// the loading, error-with-retry and empty states every such page shows.
import type { ReactNode } from 'react';
import type { ManagedUnit } from '@core/contracts';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';

export interface ManagedUnitsProps {
  children: (units: ManagedUnit[]) => ReactNode;
}

export default function ManagedUnits({ children }: ManagedUnitsProps) {
  const units = useAction('org', 'listUnits', {}, []);
  return (
    <Loaded state={units}>
      {(data) =>
        data.units.length === 0 ? (
          <Card>
            <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />
          </Card>
        ) : (
          children(data.units)
        )
      }
    </Loaded>
  );
}
