// Local display preferences (this device only). 大字模式 raises every font size by a quarter.
import Taro from '@tarojs/taro';

const SENIOR_KEY = 'prefs.senior';
type Listener = (senior: boolean) => void;
const listeners = new Set<Listener>();
let senior: boolean | null = null;

export function isSenior(): boolean {
  if (senior === null) {
    try {
      senior = Taro.getStorageSync(SENIOR_KEY) === true;
    } catch {
      senior = false;
    }
  }
  return senior;
}

export function setSenior(value: boolean): void {
  senior = value;
  Taro.setStorageSync(SENIOR_KEY, value);
  listeners.forEach((l) => l(value));
}

export function onSeniorChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
