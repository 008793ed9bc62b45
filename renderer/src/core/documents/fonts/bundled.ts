// The open-licence faces bundled in templates/fonts/ (see templates/fonts/README.md for sources and
// licences), one per GB/T 9704 role, plus the fallback that covers everything else. Callers load
// the bytes (the worker fetches them, Node reads them) and pass them to createPdfEngine.
import type { DocumentFaceSources, FaceSource, FontRole } from './faces';

export interface BundledFace {
  readonly id: string;
  readonly file: string;
  readonly label: string;
}

export const BUNDLED_FACES: Readonly<Record<FontRole | 'fallback', BundledFace>> = {
  title: { id: 'bundled-title', file: 'NotoSerifCJKsc-Bold-gb2312.otf', label: '思源宋体粗体（Noto Serif CJK SC Bold，内置，代小标宋）' },
  body: { id: 'bundled-body', file: 'ZhuqueFangsong-Regular.ttf', label: '朱雀仿宋（内置）' },
  heading1: { id: 'bundled-heading1', file: 'NotoSansCJKsc-Regular-gb2312.otf', label: '思源黑体（Noto Sans CJK SC，内置，代黑体）' },
  heading2: { id: 'bundled-heading2', file: 'LXGWWenKai-Regular-gb2312.ttf', label: '霞鹜文楷（LXGW WenKai，内置，代楷体）' },
  fallback: { id: 'bundled-fallback', file: 'NotoSerifCJKsc-Regular.otf', label: '思源宋体（Noto Serif CJK SC，内置，补字和页码）' },
};

/** Sources from the bundled faces, given a way to read each file's bytes. */
export async function bundledFaceSources(read: (file: string) => Promise<Uint8Array>): Promise<DocumentFaceSources> {
  const load = async (f: BundledFace): Promise<FaceSource> => ({ id: f.id, label: f.label, origin: 'bundled', bytes: await read(f.file) });
  const [title, body, heading1, heading2, fallback] = await Promise.all(
    (['title', 'body', 'heading1', 'heading2', 'fallback'] as const).map((k) => load(BUNDLED_FACES[k])),
  );
  if (!title || !body || !heading1 || !heading2 || !fallback) throw new Error('内置文书字体不完整：请重新安装本程序');
  return { roles: { title, body, heading1, heading2 }, fallback };
}
