import { afterEach, beforeEach, vi } from 'vitest';

export interface CliOutput {
  /** What the command wrote to stdout since the test began (or since reset). */
  readonly out: string;
  readonly err: string;
  reset(): void;
}

/** Captures a CLI command's stdout and stderr for each test of the calling file. */
export function captureCliOutput(): CliOutput {
  const state = { out: '', err: '' };
  beforeEach(() => {
    state.out = '';
    state.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      state.out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      state.err += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return {
    get out() {
      return state.out;
    },
    get err() {
      return state.err;
    },
    reset() {
      state.out = '';
      state.err = '';
    },
  };
}
