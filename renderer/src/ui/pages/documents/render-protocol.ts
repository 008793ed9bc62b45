// Messages between the documents pages and workers/document-render.worker.ts. The worker holds the
// parsed CJK font for the session, so every preview, issue and batch after the first is quick, and a
// 2,300-notice batch (one synchronous pdfmake layout) never freezes the window.
import type { DocumentData, DocumentTemplate, FieldProblem, FontSetName, UnprintableCharacter } from '../../../core/documents';

export type ToRenderWorker =
  | { readonly type: 'check'; readonly id: number; readonly template: DocumentTemplate; readonly data: DocumentData }
  | {
      readonly type: 'render';
      readonly id: number;
      readonly template: DocumentTemplate;
      readonly data: DocumentData;
      readonly pdf: boolean;
      readonly docx: boolean;
      readonly fontSet: FontSetName;
    }
  | {
      readonly type: 'batch';
      readonly id: number;
      readonly template: DocumentTemplate;
      readonly records: readonly DocumentData[];
      /** A name per record for messages ("第3份（王喆）"). */
      readonly names: readonly string[];
      readonly fontSet: FontSetName;
    };

export interface CheckResult {
  readonly problems: readonly FieldProblem[];
  readonly unprintable: readonly UnprintableCharacter[];
}

export type BatchPhase = 'check' | 'prepare' | 'pdf' | 'docx';

export type FromRenderWorker =
  | ({ readonly type: 'checked'; readonly id: number } & CheckResult)
  | { readonly type: 'rendered'; readonly id: number; readonly pdf?: Uint8Array; readonly docx?: Uint8Array }
  | { readonly type: 'progress'; readonly id: number; readonly phase: BatchPhase; readonly done: number; readonly total: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
