/// <reference lib="webworker" />
// Renders documents off the window's thread: glyph check, single PDF/DOCX, and batches. The bundled
// faces (templates/fonts, assets of the app's own origin) are fetched and parsed once per worker;
// the office PC's own fonts, when Electron found usable ones, replace them role by role.
import {
  BatchDataError,
  BUNDLED_FACES,
  buildDocumentModel,
  bundledFaceSources,
  createPdfEngine,
  type DocumentFaceSources,
  FONT_ROLES,
  findUnprintableCharacters,
  type PdfEngine,
  renderBatch,
  renderDocxWithNotes,
  validateDocumentData,
} from '../core/documents';
import type { FaceInUse, FromRenderWorker, SystemFaces, ToRenderWorker } from './document-render-protocol';

// One URL per bundled face: Vite emits each file under assets/ (connect-src 'self' holds).
const FONT_URLS: Readonly<Record<string, URL>> = {
  [BUNDLED_FACES.title.file]: new URL('../../../templates/fonts/NotoSerifCJKsc-Bold-gb2312.otf', import.meta.url),
  [BUNDLED_FACES.body.file]: new URL('../../../templates/fonts/ZhuqueFangsong-Regular.ttf', import.meta.url),
  [BUNDLED_FACES.heading1.file]: new URL('../../../templates/fonts/NotoSansCJKsc-Regular-gb2312.otf', import.meta.url),
  [BUNDLED_FACES.heading2.file]: new URL('../../../templates/fonts/LXGWWenKai-Regular-gb2312.ttf', import.meta.url),
  [BUNDLED_FACES.fallback.file]: new URL('../../../templates/fonts/NotoSerifCJKsc-Regular.otf', import.meta.url),
};

let bundled: Promise<DocumentFaceSources> | null = null;
let system: SystemFaces = {};
let engine: Promise<PdfEngine> | null = null;

async function fetchFace(file: string): Promise<Uint8Array> {
  const url = FONT_URLS[file];
  if (!url) throw new Error(`文书字体 ${file} 未打包：请重新安装本程序`);
  const r = await fetch(url);
  if (!r.ok) throw new Error(`文书字体加载失败（HTTP ${r.status}）：请重新安装本程序`);
  return new Uint8Array(await r.arrayBuffer());
}

function pdfEngine(): Promise<PdfEngine> {
  bundled ??= bundledFaceSources(fetchFace);
  engine ??= bundled
    .then((b) => createPdfEngine({ roles: { ...b.roles, ...system }, fallback: b.fallback }))
    .catch((e: unknown) => {
      engine = null;
      bundled = null;
      throw e;
    });
  return engine;
}

function post(message: FromRenderWorker, transfer: Transferable[] = []): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);
}

async function facesInUse(): Promise<FaceInUse[]> {
  const faces = (await pdfEngine()).faces;
  const b = await (bundled ?? Promise.reject(new Error('文书字体未加载')));
  const bytesOf = (role: (typeof FONT_ROLES)[number]) => (system[role] ?? b.roles[role]).bytes;
  const of = (role: FaceInUse['role'], f: PdfEngine['faces']['fallback']): FaceInUse => ({ role, label: f.label, origin: f.origin, postscriptName: f.postscriptName });
  return [...FONT_ROLES.map((r) => ({ ...of(r, faces.roles[r]), bytes: bytesOf(r).slice() })), of('fallback', faces.fallback)];
}

async function handle(msg: ToRenderWorker): Promise<void> {
  switch (msg.type) {
    case 'faces': {
      system = msg.system;
      engine = null;
      post({ type: 'faces', id: msg.id, inUse: await facesInUse() });
      return;
    }
    case 'check': {
      const problems = validateDocumentData(msg.template, msg.data);
      const unprintable = findUnprintableCharacters(msg.template, msg.data, (await pdfEngine()).faces);
      post({ type: 'checked', id: msg.id, problems, unprintable });
      return;
    }
    case 'render': {
      const model = buildDocumentModel(msg.template, msg.data);
      const pdf = msg.pdf ? await (await pdfEngine()).render(model, { voided: Boolean(msg.voided) }) : undefined;
      const docx = msg.docx ? await renderDocxWithNotes(model, { fontSet: msg.fontSet, voided: Boolean(msg.voided) }) : undefined;
      post(
        { type: 'rendered', id: msg.id, ...(pdf ? { pdf } : {}), ...(docx ? { docx: docx.bytes, substitutions: docx.substitutions } : {}) },
        [pdf?.buffer, docx?.bytes.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
      );
      return;
    }
    case 'batch': {
      const pdf = await pdfEngine();
      // Every record is checked first (fields and characters), so no notice prints a name as a box.
      const problems: string[] = [];
      msg.records.forEach((data, i) => {
        const who = `第${i + 1}份（${msg.names[i] ?? ''}）`;
        for (const p of validateDocumentData(msg.template, data)) problems.push(`${who}${p.message}`);
        for (const u of findUnprintableCharacters(msg.template, data, pdf.faces)) problems.push(`${who}${u.message}`);
        if (i % 200 === 0) post({ type: 'progress', id: msg.id, phase: 'check', done: i, total: msg.records.length });
      });
      if (problems.length) {
        const shown = problems.slice(0, 5).join('；');
        post({ type: 'failed', id: msg.id, message: `有 ${problems.length} 处数据问题，未生成任何文件。${shown}${problems.length > 5 ? '……' : ''}` });
        return;
      }
      // pdfmake reports every page: one message per percent is enough for a progress bar and keeps
      // the window from re-rendering 2,300 times.
      let last = { phase: '', done: -1 };
      const out = await renderBatch(msg.template, msg.records, { pdf, docx: true }, {
        docx: { fontSet: msg.fontSet },
        onProgress: (p) => {
          const step = Math.max(1, Math.floor(p.total / 100));
          if (p.phase === last.phase && p.done - last.done < step && p.done !== p.total) return;
          last = { phase: p.phase, done: p.done };
          post({ type: 'progress', id: msg.id, phase: p.phase, done: p.done, total: p.total });
        },
      });
      post({ type: 'rendered', id: msg.id, ...out });
      return;
    }
  }
}

self.addEventListener('message', (event: MessageEvent<ToRenderWorker>) => {
  const msg = event.data;
  handle(msg).catch((e: unknown) => {
    const message = e instanceof BatchDataError || e instanceof Error ? e.message : String(e);
    post({ type: 'failed', id: msg.id, message: `生成文书失败：${message}` });
  });
});
