// 工作台 (being built: issue 17).
import { Text } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import AdminGate from '@/components/AdminGate';

export default function Page() {
  return (
    <PageShell>
      <AdminGate>
        {() => <Text>工作台</Text>}
      </AdminGate>
    </PageShell>
  );
}
