// The blank register template as xlsx: the header row and a second sheet with the column guide.
// (Empty text-formatted cells would keep 18-digit numbers intact, but every such row then reads as
// a blank row of the register; the guide says to format the ID and account columns as text.)
import { utils, write } from '@e965/xlsx';
import { TEMPLATE_COLUMNS } from '../core/creditors/template';

export function blankRegisterXlsx(): Uint8Array {
  const sheet = utils.aoa_to_sheet([TEMPLATE_COLUMNS.map((c) => c.header)]);
  sheet['!cols'] = TEMPLATE_COLUMNS.map((c) => ({ wch: c.field === 'idNumber' || c.field === 'bankAccount' ? 24 : c.field === 'address' || c.field === 'note' ? 30 : 14 }));
  const guide = utils.aoa_to_sheet([['列名', '是否必填', '填写说明'], ...TEMPLATE_COLUMNS.map((c) => [c.header, c.required ? '必填' : '选填', c.guide])]);
  guide['!cols'] = [{ wch: 16 }, { wch: 10 }, { wch: 90 }];
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, '集资参与人名单');
  utils.book_append_sheet(book, guide, '填写说明');
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
