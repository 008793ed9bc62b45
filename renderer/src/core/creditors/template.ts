// The blank register the import dialog offers (空白名单模板) and its short guide to the columns:
// headers the import recognises at once, so a register typed into it needs no mapping.
import { HEADER_ALIASES, REQUIRED_FIELDS } from './header';
import type { FieldKey } from './types';

export interface TemplateColumn {
  readonly field: FieldKey;
  /** The header written in the template (one of the field's aliases). */
  readonly header: string;
  readonly required: boolean;
  /** What to write, in a line. */
  readonly guide: string;
}

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { field: 'seq', header: '序号', required: false, guide: '可不填，仅便于核对。' },
  { field: 'name', header: '姓名', required: true, guide: '本人姓名或机构全称；外文姓名按证件书写，词间留一个空格。' },
  { field: 'idType', header: '证件类型', required: false, guide: '居民身份证可不填；护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、统一社会信用代码须写明。' },
  { field: 'idNumber', header: '证件号码', required: true, guide: '请先把本列设为“文本”格式再填写，否则 Excel 会把 18 位号码末几位变成 0。' },
  { field: 'phone', header: '联系电话', required: false, guide: '手机号或带区号的固定电话。' },
  { field: 'principal', header: '投资金额（元）', required: true, guide: '每份合同一行，金额大于 0，最多两位小数；同一人多份合同写多行。' },
  { field: 'returned', header: '已获收益（元）', required: false, guide: '已收到的利息、返利或兑付，没有可不填。' },
  { field: 'bankName', header: '开户银行', required: false, guide: '清退款项的收款银行，写到支行。' },
  { field: 'bankAccount', header: '银行账号', required: false, guide: '请设为“文本”格式，与开户人姓名一致。' },
  { field: 'address', header: '住址', required: false, guide: '联系地址。' },
  { field: 'status', header: '核实状态', required: false, guide: '来源单位的核实结果（已核实、待核实、存疑），导入后作为“原表核实状态”显示，本系统的核实仍由审核人员进行。' },
  { field: 'note', header: '备注', required: false, guide: '合同编号、签约日期等：再次导入时据此区分金额相同的两份合同。' },
];

// The template's headers must stay ones the import recognises (checked here, not at a user's desk).
for (const c of TEMPLATE_COLUMNS) {
  const known = HEADER_ALIASES[c.field].some((a) => c.header.replace(/（元）$/, '') === a);
  if (!known || c.required !== REQUIRED_FIELDS.includes(c.field)) throw new Error(`template column ${c.field} out of step with the import`);
}
