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

/** One piece of a file saved in pieces (the page sends 4 MiB). */
export const MAX_SAVE_PIECE_BYTES = 16 * 1024 * 1024;

export const saveFileBeginSchema = z.strictObject(
  { suggestedName: fileName('建议文件名 (suggestedName)'), filters },
  { error: '保存文件的请求必须是对象' },
);

const saveSession = z.uuid({ error: '保存会话 (sessionId)无效' });

export const saveFileWriteSchema = z.strictObject(
  { sessionId: saveSession, bytes: bytes('文件内容 (bytes)', MAX_SAVE_PIECE_BYTES) },
  { error: '保存文件的请求必须是对象' },
);

export const saveFileSessionSchema = z.strictObject({ sessionId: saveSession }, { error: '保存文件的请求必须是对象' });

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

const noArgument = (what: string) => z.undefined({ error: `${what}不需要参数` });

/** One backup chunk: a frame is at most 128 MiB (core/backup format.ts) plus its head. */
export const MAX_BACKUP_CHUNK_BYTES = 160 * 1024 * 1024;
/** One read of a backup file for verification or restore. */
export const MAX_BACKUP_READ_BYTES = 16 * 1024 * 1024;

const sessionId = (what: string) => z.uuid({ error: `${what}无效` });

const backupReason = z.enum(['manual', 'startup', 'quit', 'pre-migration', 'pre-upgrade', 'pre-restore'], {
  error: '备份原因 (reason) 只能是 manual、startup、quit、pre-migration、pre-upgrade 或 pre-restore',
});

export const backupBeginSchema = z.discriminatedUnion(
  'target',
  [
    z.strictObject({ target: z.literal('auto'), reason: backupReason }),
    z.strictObject({ target: z.literal('choose'), suggestedName: fileName('建议文件名 (suggestedName)') }),
  ],
  { error: '备份目标 (target) 只能是 auto 或 choose' },
);

export const backupSessionSchema = z.strictObject({ sessionId: sessionId('备份会话 (sessionId)') }, { error: '备份请求必须是对象' });

export const backupWriteSchema = z.strictObject(
  { sessionId: sessionId('备份会话 (sessionId)'), bytes: bytes('备份内容 (bytes)', MAX_BACKUP_CHUNK_BYTES) },
  { error: '备份请求必须是对象' },
);

/** Only the names main gives automatic backups: no folders, no other files of userData. */
const autoBackupName = fileName('备份文件名 (fileName)').refine((name) => /^chufei-[0-9A-Za-z-]+\.cfbak$/.test(name), {
  message: '备份文件名 (fileName) 不是自动备份的文件名，请从列表中选择或用“从文件恢复”',
});

export const backupOpenSchema = z.discriminatedUnion(
  'source',
  [z.strictObject({ source: z.literal('auto'), fileName: autoBackupName }), z.strictObject({ source: z.literal('choose') })],
  { error: '备份来源 (source) 只能是 auto 或 choose' },
);

export const backupReadSchema = z.strictObject(
  {
    readId: sessionId('备份文件 (readId)'),
    offset: z.number({ error: '读取位置 (offset) 必须是数字' }).int('读取位置 (offset) 必须是整数').min(0, '读取位置 (offset) 不能为负').max(Number.MAX_SAFE_INTEGER),
    length: z
      .number({ error: '读取长度 (length) 必须是数字' })
      .int('读取长度 (length) 必须是整数')
      .min(1, '读取长度 (length) 至少为 1')
      .max(MAX_BACKUP_READ_BYTES, `读取长度 (length) 不能超过 ${MAX_BACKUP_READ_BYTES / 1024 / 1024} MB`),
  },
  { error: '读取备份的请求必须是对象' },
);

export const backupReadSessionSchema = z.strictObject({ readId: sessionId('备份文件 (readId)') }, { error: '备份请求必须是对象' });

/** The store record is a few hundred bytes of JSON; anything near this is not one. */
export const MAX_STORE_RECORD_CHARS = 64 * 1024;

export const storeRecordWriteSchema = z.strictObject(
  {
    text: z
      .string({ error: '存储记录 (text) 必须是文字' })
      .min(2, '存储记录 (text) 不能为空')
      .max(MAX_STORE_RECORD_CHARS, `存储记录 (text) 不能超过 ${MAX_STORE_RECORD_CHARS} 个字符`)
      .refine((text) => text.startsWith('{'), { message: '存储记录 (text) 必须是 JSON 对象' }),
  },
  { error: '写入存储记录的请求必须是对象' },
);

/** The anchor is about 250 characters of JSON. */
export const MAX_AUDIT_ANCHOR_CHARS = 4 * 1024;

export const auditAnchorWriteSchema = z.strictObject(
  {
    text: z
      .string({ error: '审计链锚点 (text) 必须是文字' })
      .min(2, '审计链锚点 (text) 不能为空')
      .max(MAX_AUDIT_ANCHOR_CHARS, `审计链锚点 (text) 不能超过 ${MAX_AUDIT_ANCHOR_CHARS} 个字符`)
      .refine((text) => text.startsWith('{'), { message: '审计链锚点 (text) 必须是 JSON 对象' }),
  },
  { error: '写入审计链锚点的请求必须是对象' },
);

const SCHEMAS: { readonly [A in IpcAction]: z.ZodType<IpcRequest<A>> } = {
  appInfo: appInfoSchema,
  saveFile: saveFileSchema,
  saveFileBegin: saveFileBeginSchema,
  saveFileWrite: saveFileWriteSchema,
  saveFileFinish: saveFileSessionSchema,
  saveFileAbort: saveFileSessionSchema,
  openFile: openFileSchema,
  printPdf: printPdfSchema,
  notify: notifySchema,
  backupBegin: backupBeginSchema,
  backupWrite: backupWriteSchema,
  backupRewind: backupSessionSchema,
  backupFinish: backupSessionSchema,
  backupAbort: backupSessionSchema,
  listBackups: noArgument('列出备份'),
  backupOpen: backupOpenSchema,
  backupRead: backupReadSchema,
  backupClose: backupReadSessionSchema,
  backupSealKey: noArgument('读取备份签名密钥'),
  diskSpace: noArgument('查询磁盘空间'),
  beforeQuitDone: noArgument('退出前备份完成通知'),
  documentFonts: noArgument('查找本机文书字体'),
  storeRecordRead: noArgument('读取存储记录'),
  storeRecordWrite: storeRecordWriteSchema,
  auditAnchorRead: noArgument('读取审计链锚点'),
  auditAnchorWrite: auditAnchorWriteSchema,
};

const ACTION_LABELS: { readonly [A in IpcAction]: string } = {
  appInfo: '读取程序信息',
  saveFile: '保存文件',
  saveFileBegin: '保存文件',
  saveFileWrite: '写入文件',
  saveFileFinish: '完成保存文件',
  saveFileAbort: '取消保存文件',
  openFile: '打开文件',
  printPdf: '打印',
  notify: '桌面通知',
  backupBegin: '开始备份',
  backupWrite: '写入备份',
  backupRewind: '重新开始备份',
  backupFinish: '完成备份',
  backupAbort: '取消备份',
  listBackups: '列出备份',
  backupOpen: '打开备份文件',
  backupRead: '读取备份文件',
  backupClose: '关闭备份文件',
  backupSealKey: '读取备份签名密钥',
  diskSpace: '查询磁盘空间',
  beforeQuitDone: '退出前备份',
  documentFonts: '查找本机文书字体',
  storeRecordRead: '读取存储记录',
  storeRecordWrite: '写入存储记录',
  auditAnchorRead: '读取审计链锚点',
  auditAnchorWrite: '写入审计链锚点',
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
