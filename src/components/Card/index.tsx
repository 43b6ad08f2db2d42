// A white card with an optional title row; the basic block of every page.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './index.scss';

export interface CardProps {
  title?: string;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
  id?: string;
}

export default function Card({ title, extra, children, className, id }: CardProps) {
  return (
    <View className={['card', className ?? ''].filter(Boolean).join(' ')} id={id}>
      {title ? (
        <View className='card__head'>
          <Text className='card__title'>{title}</Text>
          {extra ? <View className='card__extra'>{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  );
}
