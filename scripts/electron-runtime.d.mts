// Types of electron-runtime.mjs (plain JavaScript so `npm start` needs no compile step).

export interface FailureMemo {
  readonly failedAt: string;
  readonly source: string;
  readonly reason: string;
}

export type RuntimeResult = { readonly binary: string; readonly reason?: undefined } | { readonly binary?: undefined; readonly reason: string };

export const DEFAULT_SOURCE: string;
export const RETRY_AFTER_MS: number;
export function findElectronBinary(root: string): string | undefined;
export function downloadSource(env: Readonly<Record<string, string | undefined>>): string;
export function readFailureMemo(root: string): FailureMemo | null;
export function recentFailure(memo: FailureMemo | null, source: string, nowMs: number): FailureMemo | null;
export function probeSource(source: string, timeoutMs?: number): Promise<string | null>;
export function ensureElectronRuntime(
  root: string,
  options?: {
    readonly env?: Readonly<Record<string, string | undefined>>;
    readonly now?: number;
    readonly force?: boolean;
    readonly onDownloadStart?: (source: string) => void;
  },
): Promise<RuntimeResult>;
