// 编辑专项行动 (being built: issue 18).
import { Text } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import AdminGate from '@/components/AdminGate';

export default function Page() {
  return (
    <PageShell>
      <AdminGate>{() => <Text>编辑专项行动</Text>}</AdminGate>
    </PageShell>
  );
}
