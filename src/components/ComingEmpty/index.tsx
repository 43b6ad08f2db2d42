// A tab page whose content (tasks published by the branch) does not exist yet: its title and an
// honest empty state saying what will appear here. No placeholder data.
import { Text, View } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { EmptyView } from '@/components/StateView';

export interface ComingEmptyProps {
  id: string;
  title: string;
  intro: string;
  emptyTitle: string;
  emptyDesc: string;
}

export default function ComingEmpty({ id, title, intro, emptyTitle, emptyDesc }: ComingEmptyProps) {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>{title}</Text>
        <Text className='page-intro__desc'>{intro}</Text>
      </View>
      <Card id={id}>
        <EmptyView title={emptyTitle} desc={emptyDesc} />
      </Card>
    </PageShell>
  );
}
