// useAttemptSession(): the take page's link to a running attempt. Answers are queued as the member
// goes and sent in one debounced saveAnswers call; a failed save keeps them queued (and on this
// phone's storage, in case the app is closed) and retries with a growing pause. Handing in waits
// for a save in flight and sends what is still queued with submitAttempt. Thin adapter: the
// server decides what is accepted and when time is up.
import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AnswerView, AttemptResult, SaveResult } from '@core/contracts';
import { call, toApiError, type ApiError } from '@/api';

export interface AnswerInput extends AnswerView {
  qid: string;
}

/** saved: nothing waiting; pending: a change waits for the debounce; saving: in flight; failed: will retry. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

const DEBOUNCE_MS = 600;
const RETRY_BASE_MS = 3_000;
const RETRY_MAX_MS = 15_000;

const storageKey = (attemptId: string) => `exam.pending.${attemptId}`;

/** Answers queued on this phone but not yet confirmed by the server (survives closing the app). */
export function readStoredAnswers(attemptId: string): AnswerInput[] {
  try {
    const raw: unknown = Taro.getStorageSync(storageKey(attemptId));
    if (!Array.isArray(raw)) return [];
    return raw.filter((a): a is AnswerInput => typeof a === 'object' && a !== null && typeof (a as AnswerInput).qid === 'string');
  } catch {
    return [];
  }
}

function writeStored(attemptId: string, answers: AnswerInput[]): void {
  try {
    if (answers.length === 0) Taro.removeStorageSync(storageKey(attemptId));
    else Taro.setStorageSync(storageKey(attemptId), answers);
  } catch {
    // Storage full or unavailable: the answers stay queued in memory.
  }
}

export interface AttemptSessionHandlers {
  /** Each save tells the server's clock and the deadline (an organiser may have added time). */
  onServerTime: (serverNow: number, deadline: number) => void;
  /** The attempt can no longer take answers (time is up, or it was handed in elsewhere). */
  onClosed: (message: string) => void;
}

export interface SubmitOutcome {
  result: AttemptResult | null;
  /** Set when the server refused: FAILED_PRECONDITION means it is closed anyway (go to the result). */
  error: ApiError | null;
}

export interface AttemptSession {
  saveState: SaveState;
  /** Queue one question's answer (replaces an earlier queued answer for it). */
  queue: (answer: AnswerInput) => void;
  /** Send what is queued now (before leaving the page, when the page is hidden). */
  flush: () => Promise<void>;
  submit: () => Promise<SubmitOutcome>;
  reportSwitch: (kind: 'hide' | 'show') => Promise<{ switchCount: number; switchTolerance: number } | ApiError>;
}

export function useAttemptSession(attemptId: string, initial: AnswerInput[], handlers: AttemptSessionHandlers): AttemptSession {
  const pending = useRef(new Map<string, AnswerInput>(initial.map((a) => [a.qid, a])));
  const inflight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  // After a hand-in starts (or the server said the attempt is closed) nothing more is saved.
  const stopped = useRef(false);
  const [saveState, setSaveState] = useState<SaveState>(initial.length > 0 ? 'pending' : 'saved');
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  const persist = useCallback(() => writeStored(attemptId, [...pending.current.values()]), [attemptId]);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async (): Promise<void> => {
    clearTimer();
    while (inflight.current) await inflight.current;
    if (stopped.current || pending.current.size === 0) return;
    const batch = [...pending.current.values()];
    setSaveState('saving');
    const run = (async () => {
      try {
        const res: SaveResult = await call('exam', 'saveAnswers', { attemptId, answers: batch });
        // Drop only what was sent; a newer change to the same question stays queued.
        for (const a of batch) if (pending.current.get(a.qid) === a) pending.current.delete(a.qid);
        persist();
        failures.current = 0;
        handlersRef.current.onServerTime(res.serverNow, res.deadline);
        if (pending.current.size > 0) {
          setSaveState('pending');
          timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
        } else {
          setSaveState('saved');
        }
      } catch (e) {
        const err = toApiError(e);
        if (err.code === 'FAILED_PRECONDITION') {
          stopped.current = true;
          handlersRef.current.onClosed(err.message);
          return;
        }
        if (err.code === 'INVALID_ARGUMENT') {
          // The server will refuse these answers however often they are sent (the page and the
          // paper disagree): say so, and stop resending them so the other answers still save.
          for (const a of batch) if (pending.current.get(a.qid) === a) pending.current.delete(a.qid);
          persist();
          setSaveState('failed');
          void Taro.showToast({ title: `答案未保存：${err.message}`, icon: 'none', duration: 3000 });
          return;
        }
        failures.current += 1;
        setSaveState('failed');
        const pause = Math.min(RETRY_BASE_MS * failures.current, RETRY_MAX_MS);
        timer.current = setTimeout(() => void flush(), pause);
      }
    })();
    inflight.current = run;
    try {
      await run;
    } finally {
      inflight.current = null;
    }
  }, [attemptId, persist]);

  const queue = useCallback(
    (answer: AnswerInput) => {
      if (stopped.current) return;
      pending.current.set(answer.qid, answer);
      persist();
      setSaveState((s) => (s === 'saving' ? s : s === 'failed' ? 'failed' : 'pending'));
      clearTimer();
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, persist],
  );

  const submit = useCallback(async (): Promise<SubmitOutcome> => {
    clearTimer();
    stopped.current = true;
    while (inflight.current) await inflight.current;
    const rest = [...pending.current.values()];
    try {
      const result = await call('exam', 'submitAttempt', { attemptId, answers: rest });
      pending.current.clear();
      persist();
      return { result, error: null };
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'FAILED_PRECONDITION') {
        // Closed on the server (at the deadline or by an organiser) with what was saved.
        pending.current.clear();
        persist();
      } else {
        stopped.current = false; // the member may try again; keep saving meanwhile
        if (pending.current.size > 0) timer.current = setTimeout(() => void flush(), RETRY_BASE_MS);
      }
      return { result: null, error: err };
    }
  }, [attemptId, flush, persist]);

  const reportSwitch = useCallback(
    async (kind: 'hide' | 'show') => {
      try {
        return await call('exam', 'reportSwitch', { attemptId, kind });
      } catch (e) {
        return toApiError(e);
      }
    },
    [attemptId],
  );

  // Restored answers (from this phone's storage) go out at once.
  useEffect(() => {
    if (pending.current.size > 0) void flush();
  }, [flush]);

  // Leaving the page: send what is queued (the request completes after the page is gone).
  useEffect(
    () => () => {
      clearTimer();
      if (!stopped.current && pending.current.size > 0) void flush();
    },
    [flush],
  );

  return { saveState, queue, flush, submit, reportSwitch };
}
