// Many documents (清退告知书 for every creditor of a batch) into ONE PDF and ONE DOCX. Building the
// models is chunked with a yield to the event loop between chunks, so a UI stays responsive and can
// show progress and cancel; the final pdfmake/docx pass is one call each.

import { buildDocumentModel, type DocumentModel } from './document-model';
import { type DocxOptions, renderDocx } from './docx-writer';
import type { PdfEngine } from './pdf-writer';
import type { DocumentData, DocumentTemplate } from './template-types';

export type BatchPhase = 'prepare' | 'pdf' | 'docx';

export interface BatchProgress {
  readonly phase: BatchPhase;
  readonly done: number;
  readonly total: number;
}

export interface BatchOptions {
  readonly onProgress?: (p: BatchProgress) => void;
  readonly signal?: AbortSignal;
  readonly chunkSize?: number;
  readonly docx?: DocxOptions;
}

export class BatchCancelledError extends Error {
  constructor() {
    super('批量生成已取消：未生成任何文件');
    this.name = 'BatchCancelledError';
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BatchCancelledError();
}

export async function buildBatchModels(
  template: DocumentTemplate,
  records: readonly DocumentData[],
  options: BatchOptions = {},
): Promise<DocumentModel[]> {
  const chunk = options.chunkSize ?? 100;
  const models: DocumentModel[] = [];
  for (let i = 0; i < records.length; i += chunk) {
    checkCancelled(options.signal);
    for (const data of records.slice(i, i + chunk)) models.push(buildDocumentModel(template, data));
    options.onProgress?.({ phase: 'prepare', done: models.length, total: records.length });
    await yieldToEventLoop();
  }
  return models;
}

export interface BatchOutput {
  readonly pdf?: Uint8Array;
  readonly docx?: Uint8Array;
}

/** One PDF and/or one DOCX for all records; rejects with BatchCancelledError when aborted. */
export async function renderBatch(
  template: DocumentTemplate,
  records: readonly DocumentData[],
  outputs: { readonly pdf?: PdfEngine; readonly docx?: boolean },
  options: BatchOptions = {},
): Promise<BatchOutput> {
  const models = await buildBatchModels(template, records, options);
  let pdf: Uint8Array | undefined;
  let docx: Uint8Array | undefined;
  if (outputs.pdf) {
    checkCancelled(options.signal);
    options.onProgress?.({ phase: 'pdf', done: 0, total: models.length });
    pdf = await outputs.pdf.render(models);
    options.onProgress?.({ phase: 'pdf', done: models.length, total: models.length });
    await yieldToEventLoop();
  }
  if (outputs.docx) {
    checkCancelled(options.signal);
    options.onProgress?.({ phase: 'docx', done: 0, total: models.length });
    docx = await renderDocx(models, options.docx ?? {});
    options.onProgress?.({ phase: 'docx', done: models.length, total: models.length });
  }
  checkCancelled(options.signal);
  return { ...(pdf ? { pdf } : {}), ...(docx ? { docx } : {}) };
}
