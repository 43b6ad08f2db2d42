// A plain-words problem under a form or an action (the server's message or our own check).
import { Text, View } from '@tarojs/components';

export interface FormErrorProps {
  id?: string;
  message: string | null | undefined;
  className?: string;
}

export default function FormError({ id, message, className }: FormErrorProps) {
  if (!message) return null;
  return (
    <View className={['form-error', className ?? ''].filter(Boolean).join(' ')} id={id} role='alert'>
      <Text className='form-error__mark'>!</Text>
      <Text>{message}</Text>
    </View>
  );
}
