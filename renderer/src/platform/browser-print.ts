// Printing a finished PDF in browser mode (the app's fallback when Electron cannot be had): the PDF
// in a hidden iframe, shown by the browser's own PDF viewer, and that frame's print(), which opens
// the browser's print preview of the PDF as generated.
//
// Where that cannot work the user is told what to do instead of being left with nothing or a crash:
// - headless Chromium (the e2e tests, kiosk scripts) has no print preview, and print() on a PDF
//   viewer frame there crashes the whole page (Chromium 156, seen in the first walk-through; a
//   headed Chromium opens chrome://print for the same call);
// - a browser without a built-in PDF viewer (or set to download PDFs) would download the file and
//   print an empty frame;
// - a frame that never loads, or a print() the browser refuses (another browser's viewer is a
//   cross-origin frame), fails here instead of waiting for ever with the dialog's buttons disabled.

/** What to do when the browser cannot print the PDF itself. */
export const PRINT_INSTEAD = '请先点击“保存 PDF”保存文件，再用 WPS 或其他 PDF 阅读器打开后打印。';

/** How long the PDF frame may take to load before printing is given up (a large batch PDF included). */
export const PRINT_FRAME_LOAD_MS = 30_000;

/** Why this browser cannot print a PDF in a frame (a sentence in Chinese that says what to do), or null when it can. */
export function browserPrintRefusal(browser: { readonly userAgent: string; readonly pdfViewerEnabled?: boolean }): string | null {
  if (/HeadlessChrome/.test(browser.userAgent)) return `无法打印：这是没有打印窗口的无界面浏览器。${PRINT_INSTEAD}`;
  if (browser.pdfViewerEnabled === false) return `无法打印：本浏览器没有启用内置的 PDF 查看器（或设置为直接下载 PDF）。${PRINT_INSTEAD}`;
  return null;
}

/** What printing in a frame needs of the page; the real document and navigator in the app, a stand-in in tests. */
export interface PrintPage {
  readonly navigator: { readonly userAgent: string; readonly pdfViewerEnabled?: boolean };
  createFrame(url: string, title: string): PrintFrame;
  objectUrl(bytes: Uint8Array): string;
  revokeObjectUrl(url: string): void;
}

export interface PrintFrame {
  /** Resolves when the frame has loaded its document. */
  loaded(): Promise<void>;
  /** The frame's window's print(); may throw. */
  print(): void;
  remove(): void;
}

/** The real page: a hidden iframe (`.print-frame`) appended to the body. */
export function documentPrintPage(): PrintPage {
  return {
    navigator,
    objectUrl: (bytes) => URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })),
    revokeObjectUrl: (url) => URL.revokeObjectURL(url),
    createFrame: (url, title) => {
      const frame = document.createElement('iframe');
      frame.className = 'print-frame';
      frame.title = title;
      const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
      frame.src = url;
      document.body.append(frame);
      return {
        loaded: () => loaded,
        print: () => {
          if (!frame.contentWindow) throw new Error('no window');
          frame.contentWindow.print();
        },
        remove: () => frame.remove(),
      };
    },
  };
}

/**
 * Opens the browser's print preview of the PDF; throws an Error whose message says in Chinese why
 * it cannot and what to do (save the PDF and print it from a reader).
 */
export async function printPdfInFrame(request: { readonly title: string; readonly bytes: Uint8Array }, page: PrintPage, loadMs = PRINT_FRAME_LOAD_MS): Promise<void> {
  const refusal = browserPrintRefusal(page.navigator);
  if (refusal) throw new Error(refusal);
  const url = page.objectUrl(request.bytes);
  const frame = page.createFrame(url, request.title);
  const cleanUp = () => {
    frame.remove();
    page.revokeObjectUrl(url);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loaded = await Promise.race([
    frame.loaded().then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), loadMs);
    }),
  ]);
  clearTimeout(timer);
  if (!loaded) {
    cleanUp();
    throw new Error(`无法打印：浏览器在 ${Math.round(loadMs / 1000)} 秒内没有打开这份 PDF。${PRINT_INSTEAD}`);
  }
  try {
    frame.print();
  } catch (error) {
    cleanUp();
    throw new Error(`无法打印：浏览器拒绝打印这份 PDF（${error instanceof Error ? error.message : String(error)}）。${PRINT_INSTEAD}`);
  }
  // The preview may still read the frame after print() returns: removed a minute later.
  setTimeout(cleanUp, 60_000);
}
