// The office PC's own official fonts for the PDF (方正小标宋简体, 仿宋_GB2312 or 仿宋, 黑体,
// 楷体_GB2312 or 楷体), found in the Windows font folders and the usual Linux/UOS/Kylin ones, so the
// PDF looks like the Word copy. A font whose OS/2 embedding bits forbid embedding (restricted
// licence), subsetting (the PDF embeds subsets) or allow only bitmaps is not offered. Collections
// (.ttc) are skipped: pdfmake cannot reuse them across documents. The renderer falls back, role by
// role, to the bundled open-licence faces.
import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DocumentFontFile, DocumentFontRole } from '../shared/ipc-contract.js';

interface Candidate {
  readonly role: DocumentFontRole;
  readonly name: string;
  /** File names as installed (lower case), best first. */
  readonly files: readonly string[];
}

const CANDIDATES: readonly Candidate[] = [
  { role: 'title', name: '方正小标宋简体', files: ['fzxbsjw.ttf', 'fzxbsjw--gb1-0.ttf', '方正小标宋简体.ttf', '方正小标宋_gbk.ttf'] },
  { role: 'body', name: '仿宋_GB2312', files: ['仿宋_gb2312.ttf', 'fs_gb2312.ttf', 'fangsong_gb2312.ttf'] },
  { role: 'body', name: '仿宋', files: ['simfang.ttf'] },
  { role: 'heading1', name: '黑体', files: ['simhei.ttf'] },
  { role: 'heading2', name: '楷体_GB2312', files: ['楷体_gb2312.ttf', 'kai_gb2312.ttf', 'kaiti_gb2312.ttf'] },
  { role: 'heading2', name: '楷体', files: ['simkai.ttf'] },
];

/** Why a font may not be embedded in a PDF, from its OS/2 fsType; null when it may. */
export function embeddingRefusal(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) return '不是字体文件';
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === 'ttcf') return '字体集合（TTC）不能用于 PDF';
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (rec + 16 > bytes.byteLength) break;
    if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) !== 'OS/2') continue;
    const at = view.getUint32(rec + 8);
    if (at + 10 > bytes.byteLength) return '字体文件已损坏';
    const fsType = view.getUint16(at + 8);
    if ((fsType & 0x000f) === 0x0002) return '字体授权禁止嵌入（Restricted License）';
    if (fsType & 0x0100) return '字体授权禁止子集化嵌入';
    if (fsType & 0x0200) return '字体授权只允许嵌入位图';
    return null;
  }
  return '字体文件缺少 OS/2 表';
}

export function fontFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string[] {
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    return [join(windir, 'Fonts'), ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (platform === 'darwin') return ['/Library/Fonts', join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(home, '.local', 'share', 'fonts'), join(home, '.fonts')];
}

/** Every file under the folders (three levels deep), by lower-case name → path. */
async function indexFolders(folders: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory() && depth < 3) await walk(path, depth + 1);
      else if (e.isFile() && !found.has(e.name.toLowerCase())) found.set(e.name.toLowerCase(), path);
    }
  };
  for (const f of folders) await walk(f, 0);
  return found;
}

/** Largest font file read (a CJK TrueType font is 5–20 MB). */
const MAX_FONT_BYTES = 64 * 1024 * 1024;

/** The usable official fonts, one per role (the first candidate that is present and embeddable). */
export async function findDocumentFonts(folders: readonly string[] = fontFolders()): Promise<DocumentFontFile[]> {
  const index = await indexFolders(folders);
  const out: DocumentFontFile[] = [];
  const done = new Set<DocumentFontRole>();
  for (const c of CANDIDATES) {
    if (done.has(c.role)) continue;
    for (const file of c.files) {
      const path = index.get(file);
      if (!path) continue;
      try {
        if ((await stat(path)).size > MAX_FONT_BYTES) continue;
        const bytes = new Uint8Array(await readFile(path));
        if (embeddingRefusal(bytes)) continue;
        out.push({ role: c.role, name: c.name, fileName: file, bytes });
        done.add(c.role);
        break;
      } catch {
        // Unreadable: the bundled face stays in use for this role.
      }
    }
  }
  return out;
}
