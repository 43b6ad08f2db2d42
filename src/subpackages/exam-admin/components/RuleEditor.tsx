// 按规则抽题: each rule draws `count` questions of one type (and optionally one area tag) for
// every member. Beside each rule, what the bank holds, so a short bank shows before publishing.
import { Text, View } from '@tarojs/components';
import type { BankSummary, DrawRule } from '@core/contracts';
import { AREA_TAGS, QUESTION_TYPE_LABELS, QUESTION_TYPES, type QuestionType } from '@core/domain/exam/questions';
import { Button } from '@/components/nut';
import Chips from '@/components/Chips';
import NumberField from '@/components/NumberField';
import './ui.scss';

export interface RuleEditorProps {
  rules: DrawRule[];
  onChange: (rules: DrawRule[]) => void;
  summary: BankSummary | undefined;
}

const ANY = '__any';
export const MAX_RULES = 20;

function available(rule: DrawRule, summary: BankSummary | undefined): { text: string; short: boolean } | null {
  if (!summary) return null;
  const ofType = summary.byType[rule.type];
  const typeName = QUESTION_TYPE_LABELS[rule.type];
  if (rule.tag === null) return { text: `题库中在用的${typeName}共 ${ofType} 道`, short: ofType < rule.count };
  const ofTag = summary.byTag.find((t) => t.tag === rule.tag)?.count ?? 0;
  return {
    text: `题库中在用的${typeName}共 ${ofType} 道；“${rule.tag}”类题目共 ${ofTag} 道（各题型合计）`,
    short: ofType < rule.count || ofTag < rule.count,
  };
}

export default function RuleEditor({ rules, onChange, summary }: RuleEditorProps) {
  const update = (i: number, patch: Partial<DrawRule>) => onChange(rules.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <View id='editor-rules'>
      {rules.map((rule, i) => {
        const have = available(rule, summary);
        return (
          <View key={i} className='rule' id={`editor-rule-${i}`}>
            <View className='rule__head'>
              <Text className='rule__title'>第 {i + 1} 条</Text>
              {rules.length > 1 ? (
                <View id={`editor-rule-${i}-remove`} className='rule__remove' onClick={() => onChange(rules.filter((_, k) => k !== i))}>
                  删除这条
                </View>
              ) : null}
            </View>
            <Text className='rule__label'>题型</Text>
            <Chips
              id={`editor-rule-${i}-type`}
              options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
              selected={[rule.type]}
              onToggle={(t: QuestionType) => update(i, { type: t })}
            />
            <Text className='rule__label'>分类</Text>
            <Chips
              id={`editor-rule-${i}-tag`}
              options={[{ value: ANY, label: '不限', key: 'any' }, ...AREA_TAGS.map((t, k) => ({ value: t as string, label: t, key: String(k) }))]}
              selected={[rule.tag ?? ANY]}
              onToggle={(v) => update(i, { tag: v === ANY ? null : v })}
            />
            <View className='rule__count'>
              <Text className='rule__label'>每人抽</Text>
              <NumberField id={`editor-rule-${i}-count`} compact value={rule.count} onChange={(count) => update(i, { count })} min={1} max={100} unit='道' />
            </View>
            {have ? (
              <Text className={have.short ? 'rule__have rule__have--short' : 'rule__have'}>
                {have.short ? '! 题目不够：' : ''}
                {have.text}
              </Text>
            ) : null}
          </View>
        );
      })}
      {rules.length < MAX_RULES ? (
        <Button
          id='editor-rule-add'
          block
          fill='outline'
          onClick={() => onChange([...rules, { type: 'single', tag: null, count: 5 }])}
        >
          ＋ 添加一条规则
        </Button>
      ) : null}
    </View>
  );
}
