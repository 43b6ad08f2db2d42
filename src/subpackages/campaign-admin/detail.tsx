// 专项行动详情 (being built: issue 18).
import { Text } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import AdminGate from '@/components/AdminGate';

export default function Page() {
  return (
    <PageShell>
      <AdminGate>{() => <Text>专项行动详情</Text>}</AdminGate>
    </PageShell>
  );
}
