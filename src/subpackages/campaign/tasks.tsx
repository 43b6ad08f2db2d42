// 办实事清单 (being built: issue 18).
import { Text } from '@tarojs/components';
import PageShell from '@/components/PageShell';

export default function Page() {
  return (
    <PageShell>
      <Text>办实事清单</Text>
    </PageShell>
  );
}
