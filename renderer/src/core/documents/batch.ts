// Many documents (validated and glyph-checked first: one bad record stops the batch before anything is written) (清退告知书 for every creditor of a batch) into ONE PDF and ONE DOCX. Building the
// models is chunked with a yield to the event loop between chunks, so a UI stays responsive and can
// show progress and cancel; the final pdfmake/docx pass is one call each.

import { buildDocumentModel, type DocumentModel } from './document-model';
import { type DocxOptions, renderDocx } from './docx-writer';
import { type Coverage, findUnprintableCharacters } from './glyph-check';
import type { PdfEngine } from './pdf-writer';
import type { DocumentData, DocumentTemplate } from './template-types';
import { validateDocumentData } from './validate';

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
  /**
   * Checks every record's characters against this font before anything is generated (a name
   * printed as a box is refused like a missing field). renderBatch uses the PDF engine's font when
   * a PDF is asked for.
   */
  readonly coverage?: Coverage;
}

/** Some records cannot be printed as they are; nothing was generated. */
export class BatchDataError extends Error {
  constructor(readonly problems: readonly { readonly record: number; readonly field: string; readonly message: string }[]) {
    const first = problems
      .slice(0, 3)
      .map((p) => `第${p.record + 1}份：${p.message}`)
      .join('；');
    super(`有 ${problems.length} 处数据问题，未生成任何文件。${first}${problems.length > 3 ? '……' : ''}`);
    this.name = 'BatchDataError';
  }
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
  const problems: { record: number; field: string; message: string }[] = [];
  for (let i = 0; i < records.length; i += chunk) {
    checkCancelled(options.signal);
    records.slice(i, i + chunk).forEach((data, j) => {
      for (const p of validateDocumentData(template, data)) problems.push({ record: i + j, ...p });
      if (options.coverage) {
        for (const u of findUnprintableCharacters(template, data, options.coverage)) problems.push({ record: i + j, field: u.field, message: u.message });
      }
      models.push(buildDocumentModel(template, data));
    });
    options.onProgress?.({ phase: 'prepare', done: models.length, total: records.length });
    await yieldToEventLoop();
  }
  if (problems.length) throw new BatchDataError(problems);
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
  const coverage = options.coverage ?? outputs.pdf?.faces;
  const models = await buildBatchModels(template, records, coverage ? { ...options, coverage } : options);
  let pdf: Uint8Array | undefined;
  let docx: Uint8Array | undefined;
  if (outputs.pdf) {
    checkCancelled(options.signal);
    options.onProgress?.({ phase: 'pdf', done: 0, total: models.length });
    pdf = await outputs.pdf.render(models, {
      onProgress: (f) => options.onProgress?.({ phase: 'pdf', done: Math.round(f * models.length), total: models.length }),
    });
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
