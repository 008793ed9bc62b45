import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddingRefusal, findDocumentFonts, fontFolders } from '../../../electron/main/document-fonts';
import { tempDir } from '../core/documents/helpers';

/** A minimal sfnt with one OS/2 table whose fsType is given. */
function fontWithFsType(fsType: number): Uint8Array {
  const bytes = new Uint8Array(12 + 16 + 16);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, 0x00010000);
  v.setUint16(4, 1);
  bytes.set([...'OS/2'].map((c) => c.charCodeAt(0)), 12);
  v.setUint32(12 + 8, 28);
  v.setUint32(12 + 12, 16);
  v.setUint16(28 + 8, fsType);
  return bytes;
}

describe('office fonts for the PDF (Electron main)', () => {
  it('refuses fonts whose licence forbids embedding, subsetting or allows only bitmaps', () => {
    expect(embeddingRefusal(fontWithFsType(0))).toBeNull();
    expect(embeddingRefusal(fontWithFsType(8))).toBeNull();
    expect(embeddingRefusal(fontWithFsType(2))).toMatch(/禁止嵌入/);
    expect(embeddingRefusal(fontWithFsType(0x0100))).toMatch(/子集/);
    expect(embeddingRefusal(fontWithFsType(0x0200))).toMatch(/位图/);
    expect(embeddingRefusal(new TextEncoder().encode('ttcf........'))).toMatch(/TTC/);
  });

  it('finds the official fonts by file name in nested font folders, one per role, skipping forbidden ones', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'truetype', 'cn'), { recursive: true });
    writeFileSync(join(root, 'truetype', 'cn', 'SIMFANG.TTF'), fontWithFsType(0));
    writeFileSync(join(root, 'simhei.ttf'), fontWithFsType(2));
    writeFileSync(join(root, 'simkai.ttf'), fontWithFsType(8));
    const found = await findDocumentFonts([root]);
    expect(found.map((f) => [f.role, f.name])).toEqual([
      ['body', '仿宋'],
      ['heading2', '楷体'],
    ]);
    expect(found[0]?.fileName).toBe('simfang.ttf');
  });

  it('looks in the Windows font folders and the Linux ones', () => {
    expect(fontFolders('win32', { WINDIR: 'D:\\Win', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'C:\\Users\\a').some((f) => f.includes('Fonts'))).toBe(true);
    expect(fontFolders('linux', {}, '/home/a')).toContain('/usr/share/fonts');
  });
});
