// 党员参学情况 (being built: issue 17).
import { Text } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import AdminGate from '@/components/AdminGate';

export default function Page() {
  return (
    <PageShell>
      <AdminGate>
        {() => <Text>党员参学情况</Text>}
      </AdminGate>
    </PageShell>
  );
}
