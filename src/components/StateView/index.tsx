// The three states every list and page section has: loading, empty (saying what to do) and
// error with 重试. Each carries a word and a symbol, never colour alone.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@/components/nut';
import './index.scss';

export function LoadingView({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state--loading' aria-busy='true'>
      <View className='state__spinner' />
      <Text className='state__title'>{text}</Text>
    </View>
  );
}

export interface EmptyViewProps {
  title: string;
  desc?: string;
  action?: ReactNode;
}

export function EmptyView({ title, desc, action }: EmptyViewProps) {
  return (
    <View className='state state--empty'>
      <View className='state__icon state__icon--empty'>○</View>
      <Text className='state__title'>{title}</Text>
      {desc ? <Text className='state__desc'>{desc}</Text> : null}
      {action ? <View className='state__action'>{action}</View> : null}
    </View>
  );
}

export interface ErrorViewProps {
  message: string;
  onRetry: () => void;
  title?: string;
}

export function ErrorView({ message, onRetry, title = '没有加载成功' }: ErrorViewProps) {
  return (
    <View className='state state--error' role='alert'>
      <View className='state__icon state__icon--error'>!</View>
      <Text className='state__title'>{title}</Text>
      <Text className='state__desc'>{message}</Text>
      <View className='state__action'>
        <Button block type='primary' fill='outline' onClick={onRetry}>
          重试
        </Button>
      </View>
    </View>
  );
}
