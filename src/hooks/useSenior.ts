// useSenior(): the 大字模式 preference, shared live by every open page.
import { useEffect, useState } from 'react';
import { isSenior, onSeniorChange, setSenior } from '@/store/prefs';

export function useSenior(): [boolean, (value: boolean) => void] {
  const [senior, setLocal] = useState(isSenior);
  useEffect(() => {
    setLocal(isSenior());
    const off = onSeniorChange(setLocal);
    return () => {
      off();
    };
  }, []);
  return [senior, setSenior];
}
