// 学习资料 for a check-in: the feed's newest study materials as chips; one tap fills the check-in's title.
import { Text, View } from '@tarojs/components';
import type { PostCard } from '@core/contracts';
import { useAction } from '@/hooks';
import './StudyMaterials.scss';

export interface StudyMaterialsProps {
  /** Ids are `${prefix}-materials` and `${prefix}-material-<post id>`. */
  prefix: 'checkin' | 'makeup';
  /** The material the title was taken from, if it still is. */
  selected: string | null;
  onPick: (material: PostCard) => void;
}

/** Nothing while loading, on an error or when the feed has no study material: the title is typed instead. */
export default function StudyMaterials({ prefix, selected, onPick }: StudyMaterialsProps) {
  // The feed's study materials (学习资料), newest first.
  const materials = useAction('feed', 'listPosts', { kind: 'material', limit: 5 }, []);
  if (!materials.data || materials.data.items.length === 0) return null;
  return (
    <View className='materials' id={`${prefix}-materials`}>
      <Text className='materials__label'>或选择学习资料：</Text>
      {materials.data.items.map((m) => (
        <Text
          key={m.id}
          id={`${prefix}-material-${m.id}`}
          className={selected === m.id ? 'materials__item materials__item--on' : 'materials__item'}
          onClick={() => onPick(m)}
        >
          {selected === m.id ? '✓ ' : ''}
          {m.title}
        </Text>
      ))}
    </View>
  );
}
