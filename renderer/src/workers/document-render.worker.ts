/// <reference lib="webworker" />
// Renders documents off the window's thread: glyph check, single PDF/DOCX, and batches. The font
// (templates/fonts, bundled as an asset of the app's own origin) is fetched and parsed once per worker.
import {
  BatchDataError,
  buildDocumentModel,
  createPdfEngine,
  findUnprintableCharacters,
  type PdfEngine,
  renderBatch,
  renderDocx,
  validateDocumentData,
} from '../core/documents';
import type { FromRenderWorker, ToRenderWorker } from '../ui/pages/documents/render-protocol';

const FONT_URL = new URL('../../../templates/fonts/NotoSerifCJKsc-Regular.otf', import.meta.url);

let engine: Promise<PdfEngine> | null = null;

function pdfEngine(): Promise<PdfEngine> {
  engine ??= fetch(FONT_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`文书字体加载失败（HTTP ${r.status}）：请重新安装本程序`);
      return r.arrayBuffer();
    })
    .then((buf) => createPdfEngine(new Uint8Array(buf)))
    .catch((e: unknown) => {
      engine = null;
      throw e;
    });
  return engine;
}

function post(message: FromRenderWorker, transfer: Transferable[] = []): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);
}

async function handle(msg: ToRenderWorker): Promise<void> {
  switch (msg.type) {
    case 'check': {
      const problems = validateDocumentData(msg.template, msg.data);
      const unprintable = findUnprintableCharacters(msg.template, msg.data, (await pdfEngine()).coverage);
      post({ type: 'checked', id: msg.id, problems, unprintable });
      return;
    }
    case 'render': {
      const model = buildDocumentModel(msg.template, msg.data);
      const pdf = msg.pdf ? await (await pdfEngine()).render(model) : undefined;
      const docx = msg.docx ? await renderDocx(model, { fontSet: msg.fontSet }) : undefined;
      post({ type: 'rendered', id: msg.id, ...(pdf ? { pdf } : {}), ...(docx ? { docx } : {}) }, [pdf?.buffer, docx?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
      return;
    }
    case 'batch': {
      const pdf = await pdfEngine();
      // renderBatch validates but does not check glyphs: every record is checked first, so no
      // notice prints a creditor's name as a box.
      const problems: string[] = [];
      msg.records.forEach((data, i) => {
        const who = `第${i + 1}份（${msg.names[i] ?? ''}）`;
        for (const p of validateDocumentData(msg.template, data)) problems.push(`${who}${p.message}`);
        for (const u of findUnprintableCharacters(msg.template, data, pdf.coverage)) problems.push(`${who}${u.message}`);
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
