// useHandIn(): the take page's clock and hand-in — the server-time countdown, 交卷 (by the member or at the deadline), and reporting the page being left.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import type { AttemptView } from '@core/contracts';
import { ApiError } from '@/api';
import { askConfirm } from '@/components/Dialog/confirm';
import { PAGE } from '@/utils/nav';
import { useAttemptSession, type AnswerInput, type AttemptSession } from '../useAttemptSession';

export type Submitting = false | 'member' | 'auto';

export function resultUrl(attemptId: string, auto: boolean): string {
  return `${PAGE.examResult}?attemptId=${attemptId}${auto ? '&auto=1' : ''}`;
}

export interface HandIn {
  session: AttemptSession;
  /** Milliseconds left by the server's clock (redrawn each second). */
  remaining: number;
  submitting: Submitting;
  handIn: (mode: 'member' | 'auto') => Promise<void>;
  /** A hand-in is under way. */
  isBusy: () => boolean;
  /** The page is on its way to the result. */
  isLeaving: () => boolean;
}

/** onStart runs as a hand-in begins (the page closes its answer sheet). */
export function useHandIn(view: AttemptView, stored: AnswerInput[], onStart: () => void): HandIn {
  const { attemptId } = view;
  const [submitting, setSubmitting] = useState<Submitting>(false);
  const [deadline, setDeadline] = useState(view.deadline);
  const deadlineRef = useRef(view.deadline);
  deadlineRef.current = deadline;
  // Server time minus this phone's time: the countdown never trusts the phone's clock.
  const offset = useRef(view.serverNow - Date.now());
  const [, setTick] = useState(0);
  const leaving = useRef(false);
  const busy = useRef(false);
  // After a failed automatic hand-in, the next try waits a little (the network may be down).
  const nextAutoTry = useRef(0);
  const hidden = useRef(false);
  const hideReport = useRef<Promise<unknown> | null>(null);
  const onStartRef = useRef(onStart);
  onStartRef.current = onStart;

  const goResult = useCallback(
    (auto: boolean) => {
      if (leaving.current) return;
      leaving.current = true;
      void Taro.redirectTo({ url: resultUrl(attemptId, auto) });
    },
    [attemptId],
  );

  // Whether the server's clock has reached the deadline (a refusal can also mean the paper was
  // handed in elsewhere or by an organiser; only time-up is announced as such).
  const timeUp = () => Date.now() + offset.current >= deadlineRef.current - 1_000;

  const session = useAttemptSession(attemptId, stored, {
    onServerTime: (serverNow, newDeadline) => {
      offset.current = serverNow - Date.now();
      setDeadline(newDeadline);
    },
    onClosed: (message) => {
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
      goResult(timeUp());
    },
  });

  const { submit } = session;
  const remaining = deadline - (Date.now() + offset.current);

  const handIn = useCallback(
    async (mode: 'member' | 'auto') => {
      if (busy.current || leaving.current) return;
      busy.current = true;
      setSubmitting(mode);
      onStartRef.current();
      const { result, error } = await submit();
      if (result || error?.code === 'FAILED_PRECONDITION') {
        if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
        goResult(mode === 'auto' || result?.closedBy === 'deadline');
        return;
      }
      busy.current = false;
      setSubmitting(false);
      if (mode === 'auto') {
        // The clock has run out: the countdown effect tries again; the server closes the attempt
        // at its deadline with what was saved in any case.
        nextAutoTry.current = Date.now() + 3_000;
        return;
      }
      void askConfirm({ title: '交卷没有成功', content: `${error?.message ?? ''}。您的答案仍保留在本机，请稍后再点“交卷”。`, showCancel: false, confirmText: '知道了' });
    },
    [goResult, submit],
  );

  // One tick a second redraws the countdown; at zero the paper is handed in.
  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    if (remaining <= 0 && !busy.current && !leaving.current && Date.now() >= nextAutoTry.current) void handIn('auto');
  }, [remaining, handIn]);

  useDidHide(() => {
    if (leaving.current || busy.current) return;
    hidden.current = true;
    void session.flush();
    hideReport.current = session.reportSwitch('hide');
  });

  useDidShow(() => {
    if (!hidden.current || leaving.current) return;
    hidden.current = false;
    void (async () => {
      await hideReport.current;
      const res = await session.reportSwitch('show');
      if (res instanceof ApiError) {
        if (res.code === 'FAILED_PRECONDITION') goResult(timeUp());
        return;
      }
      if (res.switchCount <= 0 || leaving.current) return;
      const over = res.switchCount > res.switchTolerance;
      void askConfirm({
        title: '请专心答题',
        content: over
          ? `已离开答题页面 ${res.switchCount} 次，超过了 ${res.switchTolerance} 次，本次答题已被标记，将由管理员核查。`
          : `已离开答题页面 ${res.switchCount} 次，超过 ${res.switchTolerance} 次将被标记。`,
        showCancel: false,
        confirmText: '继续答题',
      });
    })();
  });

  const isBusy = useCallback(() => busy.current, []);
  const isLeaving = useCallback(() => leaving.current, []);
  return { session, remaining, submitting, handIn, isBusy, isLeaving };
}
