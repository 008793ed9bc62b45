// Messages between the page's backup deflate pool and backup-deflate.worker.ts.
export interface DeflateRequest {
  readonly id: number;
  /** One frame's text (transferred). */
  readonly text: Uint8Array;
}

export type DeflateReply = { readonly id: number; readonly ok: true; readonly bytes: Uint8Array } | { readonly id: number; readonly ok: false; readonly message: string };
