// 录入纸质成绩 / 更正: for a member who took the exam on paper (送题到家, 纸质考试), often one never
// bound to WeChat. The score (whole or half points, up to the exam's total), the day it was taken
// and a note are kept with who recorded it; a correction or withdrawal asks why and is kept too.
import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RosterRow } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import Chips from '@/components/Chips';
import Dialog from '@/components/Dialog';
import NumberField from '@/components/NumberField';
import { call, toApiError } from '@/api';

const NOTES = ['送题到家', '纸质考试', '集中笔试'];
const REASONS = ['阅卷有误', '录错了分数', '录错了人'];

export interface PaperDialogProps {
  examId: string;
  /** The exam's total: the most a score may be. */
  totalScore: number;
  row: RosterRow;
  /** record: a new paper result; amend: correct or withdraw the one recorded. */
  kind: 'record' | 'amend';
  onDone: () => void;
  onClose: () => void;
}

export default function PaperDialog({ examId, totalScore, row, kind, onDone, onClose }: PaperDialogProps) {
  const [score, setScore] = useState(kind === 'amend' && row.score !== null ? row.score : 0);
  const [day, setDay] = useState(beijingDayKey(Date.now()));
  const [text, setText] = useState(kind === 'record' ? '送题到家' : '');
  const [withdraw, setWithdraw] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    const words = text.trim();
    if (words === '') {
      setError(kind === 'record' ? '请填写备注，如送题到家' : '请写明更正的原因，会留作记录');
      return;
    }
    setRunning(true);
    setError(null);
    try {
      if (kind === 'record') {
        await call('exam', 'recordPaperResult', { examId, memberId: row.memberId, score, takenOn: day, note: words });
        void Taro.showToast({ title: `已录入${row.name}的纸质成绩`, icon: 'none' });
      } else {
        await call('exam', 'amendPaperResult', { examId, memberId: row.memberId, score: withdraw ? null : score, reason: words });
        void Taro.showToast({ title: withdraw ? `已撤销${row.name}的纸质成绩` : `已更正${row.name}的成绩`, icon: 'none' });
      }
      setRunning(false);
      onDone();
      onClose();
    } catch (e) {
      setRunning(false);
      setError(toApiError(e).message);
    }
  };

  return (
    <Dialog
      id='paper-dialog'
      title={kind === 'record' ? `录入${row.name}的纸质成绩` : `更正${row.name}的纸质成绩`}
      confirmText={kind === 'record' ? '确认录入' : withdraw ? '确认撤销' : '确认更正'}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      running={running}
      error={error}
    >
      <Text className='ui-dialog__desc'>
        {kind === 'record' ? '录入后计入统计和导出，标为“手工录入”；该党员不能再在线作答。' : '原分数、新分数、操作人和原因都会留作记录。'}
      </Text>
      {kind === 'amend' ? (
        <Chips
          id='paper-dialog-mode'
          options={[
            { value: 'correct', label: '更正分数' },
            { value: 'withdraw', label: '撤销这条成绩' },
          ]}
          selected={[withdraw ? 'withdraw' : 'correct']}
          onToggle={(v) => setWithdraw(v === 'withdraw')}
        />
      ) : null}
      {withdraw ? null : <NumberField id='paper-dialog-score' label={`成绩（满分 ${totalScore} 分）`} value={score} onChange={setScore} min={0} max={totalScore} decimal unit='分' />}
      {kind === 'record' ? (
        <View className='field'>
          <Text className='field__label'>考试日期</Text>
          <Picker mode='date' value={day} end={beijingDayKey(Date.now())} onChange={(e) => setDay(String(e.detail.value))}>
            <View id='paper-dialog-day' className='ui-datetime__box'>
              <Text>{day}</Text>
              <Text className='ui-datetime__arrow'>›</Text>
            </View>
          </Picker>
        </View>
      ) : null}
      <View className='field'>
        <Text className='field__label'>{kind === 'record' ? '备注' : '原因'}</Text>
        <Chips
          id='paper-dialog-preset'
          options={(kind === 'record' ? NOTES : REASONS).map((p, i) => ({ value: p, label: p, key: String(i) }))}
          selected={[text]}
          onToggle={setText}
        />
        <Input
          id='paper-dialog-text'
          className='field__input ui-dialog__input'
          placeholderClass='placeholder'
          placeholder='也可以自己填写'
          maxlength={100}
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
    </Dialog>
  );
}
