// Turns Node file-system errors into Chinese messages that say what to do. Pure.

export function describeFsError(action: '保存' | '读取' | '写入临时文件', filePath: string, error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason: Record<string, string> = {
    EACCES: '没有权限，请换一个文件夹（例如“文档”或桌面）',
    EPERM: '文件被拒绝访问，可能正被 WPS、Word 或 Excel 打开，请关闭该文件后重试',
    EBUSY: '文件正被其他程序占用，请关闭该文件后重试',
    ENOSPC: '磁盘空间不足，请清理磁盘或换一个磁盘后重试',
    EROFS: '该位置只读（例如光盘或写保护的 U 盘），请换一个位置',
    ENOENT: '文件或文件夹不存在，可能已被移动或删除（U 盘是否已拔出？）',
    EISDIR: '选择的是文件夹而不是文件',
    ENAMETOOLONG: '路径太长，请换一个较短的文件夹或文件名',
    EMFILE: '打开的文件过多，请稍后重试',
  };
  const detail = reason[code] ?? `系统错误 ${code || String(error)}`;
  return `无法${action}“${filePath}”：${detail}。`;
}
