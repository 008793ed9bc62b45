// Messages between the documents pages and document-render.worker.ts (beside it, so imports point
// down: ui → workers → core). The worker holds the parsed faces for the session, so every preview,
// issue and batch after the first is quick, and a 2,300-notice batch (one synchronous pdfmake
// layout) never freezes the window.
import type {
  DocumentData,
  DocumentTemplate,
  FaceSource,
  FieldProblem,
  FontRole,
  FontSetName,
  FontSubstitution,
  UnprintableCharacter,
} from '../core/documents';

/** The office PC's own fonts for some roles (found by Electron's main process), bytes included. */
export type SystemFaces = Partial<Record<FontRole, FaceSource>>;

/** Which face prints each role, for Settings (文书字体). */
export interface FaceInUse {
  readonly role: FontRole | 'fallback';
  readonly label: string;
  readonly origin: 'bundled' | 'system';
  readonly postscriptName: string;
  /** The face's bytes (role faces only), so Settings can show a sample line in it. */
  readonly bytes?: Uint8Array;
}

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
      /** A voided document saved or printed again carries 作废 on every page. */
      readonly voided?: boolean;
    }
  | {
      readonly type: 'batch';
      readonly id: number;
      readonly template: DocumentTemplate;
      readonly records: readonly DocumentData[];
      /** A name per record for messages ("第3份（王喆）"). */
      readonly names: readonly string[];
      readonly fontSet: FontSetName;
    }
  /** Use these system faces from now on (sent once at start when Electron found any). */
  | { readonly type: 'faces'; readonly id: number; readonly system: SystemFaces };

export interface CheckResult {
  readonly problems: readonly FieldProblem[];
  readonly unprintable: readonly UnprintableCharacter[];
}

export type BatchPhase = 'check' | 'prepare' | 'pdf' | 'docx';

export type FromRenderWorker =
  | ({ readonly type: 'checked'; readonly id: number } & CheckResult)
  | {
      readonly type: 'rendered';
      readonly id: number;
      readonly pdf?: Uint8Array;
      readonly docx?: Uint8Array;
      /** Characters the DOCX prints in another font than the role's (the user is told). */
      readonly substitutions?: readonly FontSubstitution[];
    }
  | { readonly type: 'faces'; readonly id: number; readonly inUse: readonly FaceInUse[] }
  | { readonly type: 'progress'; readonly id: number; readonly phase: BatchPhase; readonly done: number; readonly total: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
