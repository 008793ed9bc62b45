// Argument schemas for every IPC action. Main parses each request with these before doing
// anything; a request that fails is rejected with a Chinese message naming the field and the rule.
// Pure (zod only), so unit-tested without Electron.

import { z } from 'zod';
import type { IpcAction, IpcRequest } from '../shared/ipc-contract.js';

/** Largest file the UI may save or open in one piece (an xlsx of several hundred thousand rows). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Largest PDF handed to the printer viewer. */
export const MAX_PRINT_BYTES = 256 * 1024 * 1024;

/** Characters Windows or Linux refuse in a file name, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
const FORBIDDEN_NAME_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;
const WINDOWS_RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const fileName = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .min(1, `${label}不能为空`)
    .max(200, `${label}不能超过 200 个字符`)
    .refine((name) => !FORBIDDEN_NAME_CHARS.test(name), {
      message: `${label}不能包含文件夹或 / \\ : * ? " < > | 等字符，请只写文件名`,
    })
    .refine((name) => !WINDOWS_RESERVED_NAME.test(name) && name !== '.' && name !== '..', {
      message: `${label}是系统保留名称，请换一个文件名`,
    });

const label = (what: string, max: number) =>
  z
    .string({ error: `${what}必须是文字` })
    .trim()
    .min(1, `${what}不能为空`)
    .max(max, `${what}不能超过 ${max} 个字符`);

const fileFilter = z.strictObject(
  {
    name: label('文件类型名称 (name)', 100),
    extensions: z
      .array(
        z
          .string({ error: '扩展名必须是文字' })
          .regex(/^(\*|[A-Za-z0-9]{1,10})$/, '扩展名只能是 1–10 个字母或数字，不带点，例如 xlsx'),
        { error: '扩展名列表 (extensions) 必须是数组' },
      )
      .min(1, '每个文件类型至少要有一个扩展名')
      .max(20, '每个文件类型最多 20 个扩展名'),
  },
  { error: '文件类型 (filters) 的每一项必须是对象' },
);

const filters = z
  .array(fileFilter, { error: '文件类型列表 (filters) 必须是数组' })
  .max(20, '文件类型列表 (filters) 最多 20 项');

const bytes = (what: string, max: number) =>
  z
    .instanceof(Uint8Array, { message: `${what}必须是字节数组 (Uint8Array)` })
    .refine((value) => value.byteLength <= max, {
      message: `${what}超过 ${Math.round(max / 1024 / 1024)} MB 上限，请分批导出`,
    });

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const saveFileSchema = z.strictObject(
  {
    suggestedName: fileName('建议文件名 (suggestedName)'),
    filters,
    bytes: bytes('文件内容 (bytes)', MAX_FILE_BYTES),
  },
  { error: '保存文件的请求必须是对象' },
);

export const openFileSchema = z.strictObject(
  { title: label('对话框标题 (title)', 100), filters },
  { error: '打开文件的请求必须是对象' },
);

export const printPdfSchema = z.strictObject(
  {
    title: label('文书标题 (title)', 200),
    bytes: bytes('打印内容 (bytes)', MAX_PRINT_BYTES).refine(
      (value) => PDF_MAGIC.every((byte, index) => value[index] === byte),
      { message: '打印内容 (bytes) 不是 PDF 文件（应以 %PDF- 开头），请重新生成文书后再打印' },
    ),
  },
  { error: '打印请求必须是对象' },
);

export const notifySchema = z.strictObject(
  { title: label('通知标题 (title)', 100), body: z.string({ error: '通知内容 (body) 必须是文字' }).max(500, '通知内容 (body) 不能超过 500 个字符') },
  { error: '通知请求必须是对象' },
);

export const appInfoSchema = z.undefined({ error: '读取程序信息不需要参数' });

const SCHEMAS: { readonly [A in IpcAction]: z.ZodType<IpcRequest<A>> } = {
  appInfo: appInfoSchema,
  saveFile: saveFileSchema,
  openFile: openFileSchema,
  printPdf: printPdfSchema,
  notify: notifySchema,
};

const ACTION_LABELS: { readonly [A in IpcAction]: string } = {
  appInfo: '读取程序信息',
  saveFile: '保存文件',
  openFile: '打开文件',
  printPdf: '打印',
  notify: '桌面通知',
};

/** A request the main process refused before acting on it. */
export class IpcRequestError extends Error {
  override readonly name = 'IpcRequestError';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${issue.path.join('.')} 中` : '';
    return `${where}含有不认识的字段 ${issue.keys.join('、')}`;
  }
  return issue.message;
}

/** Validates the request of one action; throws IpcRequestError listing every problem found. */
export function parseIpcRequest<A extends IpcAction>(action: A, raw: unknown): IpcRequest<A> {
  const schema: z.ZodType<IpcRequest<A>> = SCHEMAS[action];
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(describeIssue).join('；');
  throw new IpcRequestError(`${ACTION_LABELS[action]}请求无效：${problems}。`);
}
