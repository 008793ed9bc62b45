// The message contract of creditor-search.worker.ts (the petition form's creditor picker).

export type ToCreditorSearch =
  /** Read the case's register into the worker (once per picker). */
  | { readonly type: 'open'; readonly caseId: string }
  | { readonly type: 'search'; readonly id: number; readonly text: string; readonly taken: readonly string[]; readonly limit: number };

/** One creditor found, as the picker lists it: the ID number masked already. */
export interface PickedCreditor {
  readonly cid: string;
  readonly name: string;
  readonly idMasked: string;
}

export type FromCreditorSearch =
  | { readonly type: 'progress'; readonly read: number; readonly total: number }
  | { readonly type: 'ready'; readonly count: number }
  | { readonly type: 'found'; readonly id: number; readonly total: number; readonly rows: readonly PickedCreditor[] }
  | { readonly type: 'failed'; readonly message: string };
