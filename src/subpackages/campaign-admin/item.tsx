// 事项详情 (being built: issue 18).
import { Text } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import AdminGate from '@/components/AdminGate';

export default function Page() {
  return (
    <PageShell>
      <AdminGate>{() => <Text>事项详情</Text>}</AdminGate>
    </PageShell>
  );
}
