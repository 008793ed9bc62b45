// The page side of workers/document-render.worker.ts: one worker for the session (it keeps the parsed
// fonts). Cancelling a batch ends the worker (pdfmake's layout is one synchronous call that cannot be
// interrupted); the next request starts a fresh one. The office PC's own fonts (Electron) are sent
// to every new worker before its first request.
import type { DocumentData, DocumentTemplate, FaceSource, FontSetName, FontSubstitution } from '../../../core/documents';
import type { DocumentFontFile } from '../../../platform/bridge';
import type { BatchPhase, CheckResult, FaceInUse, FromRenderWorker, SystemFaces, ToRenderWorker } from '../../../workers/document-render-protocol';

interface Pending {
  readonly resolve: (m: FromRenderWorker) => void;
  readonly reject: (e: Error) => void;
  readonly onProgress?: (phase: BatchPhase, done: number, total: number) => void;
}

export class RenderCancelledError extends Error {
  constructor() {
    super('已取消：未生成任何文件');
    this.name = 'RenderCancelledError';
  }
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let systemFaces: (() => Promise<SystemFaces>) | null = null;
let systemSent: Promise<unknown> | null = null;

/** The Bridge's font files as worker faces, labelled for Settings (“仿宋_GB2312（本机）”). */
export function systemFacesFrom(files: readonly DocumentFontFile[]): SystemFaces {
  const out: Record<string, FaceSource> = {};
  for (const f of files) out[f.role] = { id: `system-${f.role}-${f.fileName}`, label: `${f.name}（本机字体 ${f.fileName}）`, origin: 'system', bytes: f.bytes };
  return out as SystemFaces;
}

/** Where the office PC's own fonts come from (the Bridge; Electron only), set once by the app. */
export function configureSystemFaces(load: () => Promise<SystemFaces>): void {
  systemFaces = load;
  systemSent = null;
}

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../../../workers/document-render.worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (event: MessageEvent<FromRenderWorker>) => {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') {
      p.onProgress?.(m.phase, m.done, m.total);
      return;
    }
    pending.delete(m.id);
    if (m.type === 'failed') p.reject(new Error(m.message));
    else p.resolve(m);
  });
  w.addEventListener('error', (event) => {
    failAll(new Error(`文书生成程序出错：${event.message || '未知错误'}。请重试。`));
    w.terminate();
    if (worker === w) {
      worker = null;
      systemSent = null;
    }
  });
  worker = w;
  return w;
}

type Body<T> = T extends { id: number } ? Omit<T, 'id'> : never;

function send(message: Body<ToRenderWorker>, onProgress?: Pending['onProgress']): Promise<FromRenderWorker> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    ensureWorker().postMessage({ ...message, id } as ToRenderWorker);
  });
}

async function request(message: Body<ToRenderWorker>, onProgress?: Pending['onProgress']): Promise<FromRenderWorker> {
  const load = systemFaces;
  if (load && !systemSent) {
    // A system font that cannot be read leaves the bundled faces in use: never a failed document.
    systemSent = load()
      .catch(() => ({}))
      .then((system) => (Object.keys(system).length ? send({ type: 'faces', system }) : null));
  }
  if (systemSent) await systemSent.catch(() => null);
  return send(message, onProgress);
}

/** Which face prints each role (Settings → 文书字体). */
export async function facesInUse(): Promise<readonly FaceInUse[]> {
  const m = await request({ type: 'faces', system: systemFaces ? await systemFaces().catch(() => ({})) : {} });
  if (m.type !== 'faces') throw new Error('字体信息未返回：请重试。');
  return m.inUse;
}

/** Field problems and characters the font cannot print (named by field and character). */
export async function checkDocument(template: DocumentTemplate, data: DocumentData): Promise<CheckResult> {
  const m = await request({ type: 'check', template, data });
  if (m.type !== 'checked') throw new Error('文书检查未返回结果：请重试。');
  return { problems: m.problems, unprintable: m.unprintable };
}

export async function renderDocument(
  template: DocumentTemplate,
  data: DocumentData,
  formats: { pdf: boolean; docx: boolean },
  fontSet: FontSetName,
  voided = false,
): Promise<{ pdf?: Uint8Array; docx?: Uint8Array; substitutions: readonly FontSubstitution[] }> {
  const m = await request({ type: 'render', template, data, ...formats, fontSet, voided });
  if (m.type !== 'rendered') throw new Error('文书生成未返回结果：请重试。');
  return { ...(m.pdf ? { pdf: m.pdf } : {}), ...(m.docx ? { docx: m.docx } : {}), substitutions: m.substitutions ?? [] };
}

export async function renderNoticeBatch(
  template: DocumentTemplate,
  records: readonly DocumentData[],
  names: readonly string[],
  fontSet: FontSetName,
  onProgress: (phase: BatchPhase, done: number, total: number) => void,
): Promise<{ pdf: Uint8Array; docx: Uint8Array }> {
  const m = await request({ type: 'batch', template, records, names, fontSet }, onProgress);
  if (m.type !== 'rendered' || !m.pdf || !m.docx) throw new Error('批量生成未返回文件：请重试。');
  return { pdf: m.pdf, docx: m.docx };
}

/** Stops whatever the worker is doing (a batch); pending requests fail with RenderCancelledError. */
export function cancelRendering(): void {
  worker?.terminate();
  worker = null;
  systemSent = null;
  failAll(new RenderCancelledError());
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
