import { describe, expect, it } from 'vitest';
import {
  BatchCancelledError,
  BatchDataError,
  type BatchProgress,
  type DocumentData,
  findBuiltinTemplate,
  renderBatch,
  sampleDataFor,
} from '../../../../renderer/src/core/documents';
import { docxPart, docxPartNames, hasTool, pdfEngine, pdfPages, pdfText, writeTemp } from './helpers';

function refundRecords(n: number): DocumentData[] {
  const names = ['王喆', '李堃', '于赟', '董昇', '萧珺', '林淼'];
  const base = sampleDataFor('refund-notice') ?? {};
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    documentNumber: `威处非清〔2021〕${i + 1}号`,
    creditor: { name: names[i % names.length] ?? '', idMasked: `3710**********${String(1000 + i)}` },
    thisBatch: 100_000 + i,
  }));
}

function template() {
  const t = findBuiltinTemplate('refund-notice');
  if (!t) throw new Error('refund-notice');
  return t;
}

describe('batch of refund notices', () => {
  it('makes one PDF and one DOCX holding every notice, reporting progress', async () => {
    const progress: BatchProgress[] = [];
    const out = await renderBatch(template(), refundRecords(12), { pdf: await pdfEngine(), docx: true }, {
      chunkSize: 5,
      onProgress: (p) => progress.push(p),
    });
    expect(progress.filter((p) => p.phase === 'prepare').map((p) => p.done)).toEqual([5, 10, 12]);
    expect(progress.at(-1)).toEqual({ phase: 'docx', done: 12, total: 12 });
    const xml = docxPart(out.docx ?? new Uint8Array(), 'word/document.xml');
    expect(xml.match(/<w:sectPr/g)?.length).toBe(12);
    // Each notice numbers its own pages from 1; later sections reuse the first section's footers.
    expect(xml.match(/<w:pgNumType w:start="1"/g)?.length).toBe(12);
    expect(docxPartNames(out.docx ?? new Uint8Array()).filter((n) => /^word\/footer\d+\.xml$/.test(n))).toHaveLength(2);
    expect(xml).toContain('威处非清〔2021〕12号');
    if (hasTool('pdftotext')) {
      const path = writeTemp('batch.pdf', out.pdf ?? new Uint8Array());
      // Each notice is two pages: the notice, then its end with the 签收 stub.
      expect(pdfPages(path)).toBe(24);
      const text = pdfText(path);
      expect(text).toContain('威处非清〔2021〕12号');
      expect(text).toContain('人民币1,000.11元');
    }
  });

  it('stops when cancelled and produces nothing', async () => {
    const controller = new AbortController();
    const run = renderBatch(template(), refundRecords(50), { pdf: await pdfEngine(), docx: true }, {
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'prepare' && p.done >= 20) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(BatchCancelledError);
    await expect(run).rejects.toThrow('批量生成已取消');
  });

  it('yields to the event loop between chunks so a UI can repaint', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
    }, 0);
    await renderBatch(template(), refundRecords(30), { docx: false }, { chunkSize: 5 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('batch data checks', () => {
  it('refuses the whole batch when a record is wrong, naming the record and field', async () => {
    const list = refundRecords(5);
    list[3] = { ...list[3], remaining: 1 };
    const run = renderBatch(template(), list, { docx: true });
    await expect(run).rejects.toBeInstanceOf(BatchDataError);
    await expect(run).rejects.toThrow(/第4份：「累计已清退金额」加「尚未清退金额」/);
  });

  it('refuses the whole batch when a name cannot be printed with the PDF font, naming the record and character', async () => {
    const list = refundRecords(4);
    list[2] = { ...list[2], creditor: { name: '王\uE0A1' } };
    const run = renderBatch(template(), list, { pdf: await pdfEngine(), docx: true });
    await expect(run).rejects.toBeInstanceOf(BatchDataError);
    await expect(run).rejects.toThrow(/第3份：「集资参与人」中的字符“\uE0A1”（U\+E0A1）无法用文书字体打印/);
  });
});
