// Letting go of a large ArrayBuffer at once (issue 17). A buffer no longer referenced is freed only
// when its JS object is collected: in a page or worker that has gone quiet that can be many seconds
// later (a 165 MB file read whole for its hash stayed in the page through the whole validation).
// Detaching it frees the memory now and leaves every view on it empty, so a read by mistake shows
// as no bytes rather than stale ones.

/** ArrayBuffer.prototype.transfer (ES2024; in Chromium since 114, not yet in this project's lib). */
type Transferable = ArrayBuffer & { transfer?: (newLength?: number) => ArrayBuffer };

/**
 * Detaches `buffer` so its memory goes now: `transfer(0)` frees it at once where the engine has it
 * (Chromium, Electron); elsewhere (Node 20) it moves to a clone that dies young, which the next
 * minor collection frees. Call only when no one reads the buffer again. A buffer that cannot be
 * detached (a WebAssembly memory, one already detached) is left as it is.
 */
export function releaseBuffer(buffer: ArrayBuffer): void {
  if (buffer.byteLength === 0) return;
  try {
    const own = buffer as Transferable;
    if (typeof own.transfer === 'function') own.transfer(0);
    else structuredClone(buffer, { transfer: [buffer] });
  } catch {
    // Not detachable: it goes with its last reference, as before.
  }
}
