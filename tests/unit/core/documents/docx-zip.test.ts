// The DOCX package writer: every part the docx library compiles, byte for byte, in its order, in a
// ZIP that standard readers open (CRCs right), with unchanged parts' deflated bytes reused.
import { Document, Packer, Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDocumentModel, findBuiltinTemplate, renderDocx, sampleDataFor } from '../../../../renderer/src/core/documents';
import { crc32, docxCompiler, forgetKeptParts, zipDocxParts } from '../../../../renderer/src/core/documents/docx-zip';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const notice = (name: string) => {
  const t = findBuiltinTemplate('refund-notice');
  if (!t) throw new Error('template');
  return buildDocumentModel(t, { ...(sampleDataFor('refund-notice') ?? {}), creditor: { name, idMasked: '3710**********1234' } });
};
/** The document's created/modified times are the clock's: left out when two files are compared. */
const timeless = (parts: Record<string, Uint8Array>) =>
  Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, k === 'docProps/core.xml' ? text(v).replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, '') : text(v)]));

describe('DOCX package', () => {
  it('CRC-32 as ZIP readers check it', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('holds exactly the parts the library compiles, in its order, as the library’s own zip does', async () => {
    const compiler = docxCompiler(Packer);
    expect(compiler).not.toBeNull();
    const doc = () => new Document({ sections: [{ children: [new Paragraph('清退告知书 王喆')] }] });
    const ours = unzipSync(zipDocxParts(compiler?.compile(doc(), undefined, []) ?? new Map()));
    const theirs = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc())));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(timeless(ours)).toEqual(timeless(theirs));
  });

  it('a second notice reuses the fixed parts and still carries its own text; every part is intact', async () => {
    forgetKeptParts();
    const first = unzipSync(await renderDocx(notice('王明')));
    const second = unzipSync(await renderDocx(notice('李华')));
    expect(text(first['word/document.xml'] as Uint8Array)).toContain('王明');
    expect(text(second['word/document.xml'] as Uint8Array)).toContain('李华');
    expect(text(second['word/document.xml'] as Uint8Array)).not.toContain('王明');
    for (const part of ['word/styles.xml', 'word/theme/theme1.xml', 'word/numbering.xml', 'word/fontTable.xml', 'word/settings.xml', '[Content_Types].xml']) {
      expect(second[part]).toEqual(first[part]);
    }
  });

  it('the same parts give the same bytes whenever they are zipped (no clock in the ZIP)', () => {
    const parts = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document>王喆</w:document>'],
      ['word/media/a.bin', Uint8Array.of(1, 2, 3)],
    ]);
    const a = zipDocxParts(parts);
    forgetKeptParts();
    const b = zipDocxParts(parts);
    expect(b).toEqual(a);
    const back = unzipSync(a);
    expect(text(back['word/document.xml'] as Uint8Array)).toBe('<w:document>王喆</w:document>');
    expect(back['word/media/a.bin']).toEqual(Uint8Array.of(1, 2, 3));
  });
});
