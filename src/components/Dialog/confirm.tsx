// askConfirm(): a confirmation in the app's own dialog, where Taro.showModal would draw WeChat's
// (a fixed small font that 大字模式 cannot reach). Resolves true on the confirm button, false on
// cancel or a tap outside. Every PageShell holds a ConfirmHost; only the host of the page that
// asked shows the dialog (H5 keeps earlier pages mounted, hidden).
import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { plainPath } from '@/custom-tab-bar/tabs';
import Dialog from './index';

export interface ConfirmOptions {
  title: string;
  content: string;
  confirmText?: string;
  cancelText?: string;
  /** A notice with one button (confirmText), nothing to cancel. */
  showCancel?: boolean;
  /**
   * Runs within the confirm tap itself, before the promise resolves: WeChat asks for reminder
   * consent (requestSubscribeMessage) only from a tap's own handler.
   */
  onConfirmTap?: () => void;
}

interface Pending extends ConfirmOptions {
  page: string;
  resolve: (ok: boolean) => void;
}

type Listener = (p: Pending | null) => void;
const listeners = new Set<Listener>();
let pending: Pending | null = null;

function publish(p: Pending | null): void {
  pending = p;
  listeners.forEach((l) => l(p));
}

export function askConfirm(options: ConfirmOptions): Promise<boolean> {
  pending?.resolve(false); // a newer question replaces an unanswered one
  const page = plainPath(Taro.getCurrentInstance().router?.path);
  return new Promise((resolve) => publish({ ...options, page, resolve }));
}

function answer(ok: boolean): void {
  const p = pending;
  if (ok) p?.onConfirmTap?.();
  publish(null);
  p?.resolve(ok);
}

export function ConfirmHost({ page }: { page: string }) {
  const [shown, setShown] = useState<Pending | null>(pending);
  useEffect(() => {
    setShown(pending);
    listeners.add(setShown);
    return () => {
      listeners.delete(setShown);
    };
  }, []);
  if (!shown || (shown.page && page && shown.page !== plainPath(page))) return null;
  return (
    <Dialog
      id='confirm-dialog'
      title={shown.title}
      confirmText={shown.confirmText ?? '确定'}
      cancelText={shown.showCancel === false ? null : (shown.cancelText ?? '取消')}
      onConfirm={() => answer(true)}
      onCancel={() => answer(false)}
    >
      <Text className='ui-dialog__text' id='confirm-dialog-text'>
        {shown.content}
      </Text>
    </Dialog>
  );
}
