// 风险提示: the public risk notices the office issued (date, sector, title, channels, text).
import { compareDates, parseIsoDate } from '../calendar/iso-date';
import type { FieldError } from './types';

export const NOTICE_CHANNELS = ['政府网站', '微信公众号', '微博', '报纸', '电视', '广播', '短信', '社区张贴', '其他'] as const;

export interface RiskNotice {
  readonly id: string;
  readonly date: string;
  readonly sector: string;
  readonly title: string;
  readonly channels: readonly string[];
  readonly text: string;
  readonly by: string;
}

export interface RiskNoticeInput {
  readonly date: string;
  readonly sector: string;
  readonly title: string;
  readonly channels: readonly string[];
  readonly text: string;
}

export function checkRiskNotice(input: RiskNoticeInput, today: string): { value: Omit<RiskNotice, 'id' | 'by'> | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const d = parseIsoDate(input.date.trim(), '发布日期');
  if (!d.ok) errors.push({ field: 'date', message: `发布日期有误：${d.error}` });
  else if (compareDates(d.value, today) > 0) errors.push({ field: 'date', message: `发布日期 ${d.value} 晚于今天：已发布的风险提示才登记，请核对日期。` });
  const title = input.title.trim();
  if (title === '') errors.push({ field: 'title', message: '标题未填写：请填写风险提示的标题。' });
  else if (title.length > 100) errors.push({ field: 'title', message: '标题超过 100 个字：请删减。' });
  const sector = input.sector.trim();
  if (sector === '') errors.push({ field: 'sector', message: '涉及领域未填写：如养老、私募、虚拟货币、消费返利。' });
  const channels = input.channels.map((c) => c.trim()).filter((c) => c !== '');
  if (channels.length === 0) errors.push({ field: 'channels', message: '发布渠道未选择：请至少选择一个渠道。' });
  const text = input.text.trim();
  if (text === '') errors.push({ field: 'text', message: '正文未填写：请粘贴风险提示的正文。' });
  else if (text.length > 10000) errors.push({ field: 'text', message: '正文超过 10000 个字：请核对。' });
  if (errors.length > 0 || !d.ok) return { value: null, errors };
  return { value: { date: d.value, sector, title, channels: [...new Set(channels)], text }, errors };
}
