import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPrintRefusal, type PrintPage, printPdfInFrame } from '../../../renderer/src/platform/browser-print';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const HEADLESS = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
const PDF = { title: '处非询〔2026〕1号', bytes: new TextEncoder().encode('%PDF-1.7 …') };

/** A stand-in page that records what printing did: frames made and removed, URLs made and revoked, print() calls. */
function fakePage(options: { userAgent?: string; pdfViewerEnabled?: boolean; loads?: boolean; print?: () => void } = {}) {
  const log: string[] = [];
  const page: PrintPage = {
    navigator: { userAgent: options.userAgent ?? CHROME, pdfViewerEnabled: options.pdfViewerEnabled ?? true },
    objectUrl: () => {
      log.push('url');
      return 'blob:pdf';
    },
    revokeObjectUrl: (url) => log.push(`revoke ${url}`),
    createFrame: (url, title) => {
      log.push(`frame ${url} ${title}`);
      return {
        loaded: () => (options.loads === false ? new Promise<void>(() => undefined) : Promise.resolve()),
        print: () => {
          log.push('print');
          options.print?.();
        },
        remove: () => log.push('remove'),
      };
    },
  };
  return { page, log };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('printing a PDF in browser mode', () => {
  it('a desktop Chromium with its PDF viewer prints: the frame loads, print() opens the preview, the frame goes a minute later', async () => {
    vi.useFakeTimers();
    const { page, log } = fakePage();
    await printPdfInFrame(PDF, page);
    expect(log).toEqual(['url', 'frame blob:pdf 处非询〔2026〕1号', 'print']);
    vi.advanceTimersByTime(60_000);
    expect(log.slice(3)).toEqual(['remove', 'revoke blob:pdf']);
  });

  it('headless Chromium (no print window; print() of a PDF frame crashes the page there) is told to save the PDF and print it from a reader, and no frame is made', async () => {
    const { page, log } = fakePage({ userAgent: HEADLESS });
    await expect(printPdfInFrame(PDF, page)).rejects.toThrow('无法打印：这是没有打印窗口的无界面浏览器。请先点击“保存 PDF”保存文件，再用 WPS 或其他 PDF 阅读器打开后打印。');
    expect(log).toEqual([]);
  });

  it('a browser without a PDF viewer (or set to download PDFs) is told the same instead of downloading the file and printing an empty page', async () => {
    const { page, log } = fakePage({ pdfViewerEnabled: false });
    await expect(printPdfInFrame(PDF, page)).rejects.toThrow(/^无法打印：本浏览器没有启用内置的 PDF 查看器.*再用 WPS 或其他 PDF 阅读器打开后打印。$/);
    expect(log).toEqual([]);
  });

  it('a frame that never loads fails after the wait instead of keeping the dialog busy for ever, and is removed', async () => {
    const { page, log } = fakePage({ loads: false });
    await expect(printPdfInFrame(PDF, page, 20)).rejects.toThrow('无法打印：浏览器在 0 秒内没有打开这份 PDF。请先点击“保存 PDF”');
    expect(log).toEqual(['url', 'frame blob:pdf 处非询〔2026〕1号', 'remove', 'revoke blob:pdf']);
  });

  it('a print() the browser refuses (a cross-origin viewer frame) says so in Chinese and what to do, and the frame is removed', async () => {
    const { page, log } = fakePage({
      print: () => {
        throw new DOMException('Permission denied to access property "print" on cross-origin object', 'SecurityError');
      },
    });
    await expect(printPdfInFrame(PDF, page)).rejects.toThrow(/^无法打印：浏览器拒绝打印这份 PDF（Permission denied.*）。请先点击“保存 PDF”保存文件/);
    expect(log.slice(-2)).toEqual(['remove', 'revoke blob:pdf']);
  });

  it('knows a headed Chrome or Firefox with a viewer can print', () => {
    expect(browserPrintRefusal({ userAgent: CHROME, pdfViewerEnabled: true })).toBeNull();
    expect(browserPrintRefusal({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', pdfViewerEnabled: true })).toBeNull();
    // An older browser without the property is given the benefit of the doubt.
    expect(browserPrintRefusal({ userAgent: CHROME })).toBeNull();
  });
});
