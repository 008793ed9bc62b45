import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ensureAllowedExtension,
  isPathInside,
  printFileName,
} from '../../../electron/main/file-names';

const docx = [{ name: 'Word 文档', extensions: ['docx'] }];

describe('ensureAllowedExtension', () => {
  it('adds the first extension when the user typed a bare name', () => {
    expect(ensureAllowedExtension('/home/u/起诉意见书', docx)).toBe('/home/u/起诉意见书.docx');
  });

  it('keeps an allowed extension, in any case', () => {
    expect(ensureAllowedExtension('/home/u/a.DOCX', docx)).toBe('/home/u/a.DOCX');
    const sheets = [{ name: '表格', extensions: ['xlsx', 'csv'] }];
    expect(ensureAllowedExtension('/home/u/a.csv', sheets)).toBe('/home/u/a.csv');
  });

  it('appends rather than replaces a foreign extension (a dot in a case title is not an extension)', () => {
    expect(ensureAllowedExtension('/home/u/（2024）第1.2号', docx)).toBe('/home/u/（2024）第1.2号.docx');
  });

  it('leaves the name alone without filters or with a * filter', () => {
    expect(ensureAllowedExtension('/home/u/a', [])).toBe('/home/u/a');
    expect(ensureAllowedExtension('/home/u/a', [...docx, { name: '所有文件', extensions: ['*'] }])).toBe('/home/u/a');
  });
});

describe('printFileName', () => {
  const now = new Date('2026-03-05T08:09:10.000Z');

  it('keeps a Chinese title and adds a time stamp and .pdf', () => {
    expect(printFileName('清退通知书', now)).toMatch(/^清退通知书-20260305-080910-[0-9a-f]{4}\.pdf$/);
  });

  it('replaces characters no file system accepts', () => {
    const name = printFileName('关于"某某"案/的<通知>', now);
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(name.startsWith('关于_某某_案_的_通知_')).toBe(true);
  });

  it('falls back to 文书 for an empty or dots-only title and caps long titles', () => {
    expect(printFileName('...', now).startsWith('文书-')).toBe(true);
    expect(printFileName('案'.repeat(300), now).length).toBeLessThan(110);
  });
});


describe('isPathInside', () => {
  it('accepts the folder and anything under it', () => {
    expect(isPathInside('/home/u/backups', '/home/u/backups')).toBe(true);
    expect(isPathInside('/home/u/backups', '/home/u/backups/2026/a.backup')).toBe(true);
    expect(isPathInside('/home/u/backups', '/home/u/backups/..hidden-name')).toBe(true);
  });

  it('refuses traversal, siblings with a common prefix and other folders', () => {
    expect(isPathInside('/home/u/backups', '/home/u/backups/../secrets')).toBe(false);
    expect(isPathInside('/home/u/backups', '/home/u/backups-old/a')).toBe(false);
    expect(isPathInside('/home/u/backups', '/etc/passwd')).toBe(false);
    expect(isPathInside('/home/u/backups', '/home/u/..backups')).toBe(false);
  });

  it('treats Windows paths case-insensitively and refuses other drives', () => {
    expect(isPathInside('C:\\Users\\u\\备份', 'c:\\users\\U\\备份\\a.backup', path.win32)).toBe(true);
    expect(isPathInside('C:\\Users\\u\\备份', 'D:\\备份\\a.backup', path.win32)).toBe(false);
    expect(isPathInside('C:\\Users\\u\\备份', 'C:\\Users\\u\\备份\\..\\x', path.win32)).toBe(false);
  });
});
