import { describe, expect, it } from 'vitest';
import { IpcRequestError, MAX_PRINT_BYTES, parseIpcRequest } from '../../../electron/main/ipc-schemas';

const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const xlsxFilter = { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] };

function rejection(action: Parameters<typeof parseIpcRequest>[0], raw: unknown): string {
  try {
    parseIpcRequest(action, raw);
  } catch (error) {
    expect(error).toBeInstanceOf(IpcRequestError);
    return (error as Error).message;
  }
  throw new Error(`expected ${action} to reject ${JSON.stringify(raw)}`);
}

describe('saveFile request', () => {
  const valid = { suggestedName: '集资参与人名册.xlsx', filters: [xlsxFilter], bytes: new Uint8Array([1, 2, 3]) };

  it('accepts a bare Chinese file name with filters and bytes', () => {
    expect(parseIpcRequest('saveFile', valid)).toEqual(valid);
  });

  it('accepts a Node Buffer (what IPC may deliver) as bytes', () => {
    expect(() => parseIpcRequest('saveFile', { ...valid, bytes: Buffer.from([1]) })).not.toThrow();
  });

  it.each([
    ['../../Windows/evil.dll', '不能包含文件夹'],
    ['C:\\Users\\x.docx', '不能包含文件夹'],
    ['a/b.xlsx', '不能包含文件夹'],
    ['名册?.xlsx', '不能包含文件夹'],
    ['CON', '系统保留名称'],
    ['nul.txt', '系统保留名称'],
    ['   ', '建议文件名 (suggestedName)不能为空'],
    ['x'.repeat(201), '不能超过 200 个字符'],
  ])('refuses the suggested name %j and says why', (suggestedName, why) => {
    const message = rejection('saveFile', { ...valid, suggestedName });
    expect(message).toContain('保存文件请求无效');
    expect(message).toContain(why);
  });

  it('refuses bytes that are not a Uint8Array, naming the field', () => {
    expect(rejection('saveFile', { ...valid, bytes: 'AAEC' })).toContain('文件内容 (bytes)必须是字节数组');
    expect(rejection('saveFile', { ...valid, bytes: [1, 2, 3] })).toContain('文件内容 (bytes)');
  });

  it('refuses unknown fields, naming them', () => {
    expect(rejection('saveFile', { ...valid, directory: '/etc' })).toContain('directory');
  });

  it('refuses extensions with dots, wildcards in names or paths', () => {
    const message = rejection('saveFile', { ...valid, filters: [{ name: 'x', extensions: ['.xlsx'] }] });
    expect(message).toContain('扩展名只能是 1–10 个字母或数字');
    expect(rejection('saveFile', { ...valid, filters: [{ name: 'x', extensions: [] }] })).toContain('至少要有一个扩展名');
  });

  it('lists every problem at once', () => {
    const message = rejection('saveFile', { suggestedName: '', filters: 'xlsx', bytes: null });
    expect(message).toContain('建议文件名');
    expect(message).toContain('filters');
    expect(message).toContain('bytes');
  });

  it('refuses a missing request', () => {
    expect(rejection('saveFile', undefined)).toContain('保存文件的请求必须是对象');
  });
});

describe('openFile request', () => {
  it('accepts a title and filters, allowing the * wildcard extension', () => {
    const request = { title: '选择要导入的名册', filters: [xlsxFilter, { name: '所有文件', extensions: ['*'] }] };
    expect(parseIpcRequest('openFile', request)).toEqual(request);
  });

  it('refuses an empty title', () => {
    expect(rejection('openFile', { title: '', filters: [] })).toContain('对话框标题 (title)不能为空');
  });
});

describe('printPdf request', () => {
  it('accepts a PDF', () => {
    expect(parseIpcRequest('printPdf', { title: '清退通知书', bytes: pdf }).title).toBe('清退通知书');
  });

  it('refuses bytes that are not a PDF (e.g. a DOCX, which is a zip)', () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(rejection('printPdf', { title: '清退通知书', bytes: docx })).toContain('不是 PDF 文件');
    expect(rejection('printPdf', { title: '清退通知书', bytes: new Uint8Array() })).toContain('不是 PDF 文件');
  });

  it('refuses a PDF over the size limit', () => {
    const huge = new Uint8Array(MAX_PRINT_BYTES + 1);
    huge.set(pdf);
    expect(rejection('printPdf', { title: '名册', bytes: huge })).toContain('超过 256 MB 上限');
  });
});

describe('notify request', () => {
  it('accepts a title and body, and an empty body', () => {
    expect(parseIpcRequest('notify', { title: '信访期限', body: '' })).toEqual({ title: '信访期限', body: '' });
  });

  it('refuses an overlong body and a missing title', () => {
    expect(rejection('notify', { title: '期限', body: '字'.repeat(501) })).toContain('通知内容 (body) 不能超过 500 个字符');
    expect(rejection('notify', { body: 'x' })).toContain('通知标题 (title)必须是文字');
  });
});

describe('appInfo request', () => {
  it('takes no argument', () => {
    expect(parseIpcRequest('appInfo', undefined)).toBeUndefined();
    expect(rejection('appInfo', { path: '/' })).toContain('读取程序信息不需要参数');
  });
});
