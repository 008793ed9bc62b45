import { readFile, writeFile } from 'node:fs/promises';
import {
  BUILTIN_TEMPLATES,
  buildDocumentModel,
  createPdfEngine,
  type DocumentData,
  type FontSetName,
  findBuiltinTemplate,
  findUnprintableCharacters,
  renderDocxWithNotes,
  validateDocumentData,
} from '../../../renderer/src/core/documents';
import { readBundledFaces } from '../../lib/bundled-fonts';

export const summary = 'render a document template to DOCX or PDF: render ID DATA.json --out FILE.docx|FILE.pdf';

const USAGE =
  '用法 usage: npm run cli -- render ID DATA.json --out FILE.docx|FILE.pdf [--font-set official|stockWindows]\n';

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Exit 0 written, 1 bad data / unprintable characters / unreadable file, 2 usage. */
export async function run(args: readonly string[]): Promise<number> {
  const out = option(args, '--out');
  const fontSet = (option(args, '--font-set') ?? 'official') as FontSetName;
  const positional = args.filter((a, i) => !a.startsWith('--') && !['--out', '--font-set'].includes(args[i - 1] ?? ''));
  const [id, dataPath] = positional;
  if (!id || !dataPath || !out || positional.length > 2 || !/\.(docx|pdf)$/i.test(out)) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (fontSet !== 'official' && fontSet !== 'stockWindows') {
    process.stderr.write(`字体方案只能是 official 或 stockWindows (unknown font set): ${fontSet}\n`);
    return 2;
  }
  const template = findBuiltinTemplate(id);
  if (!template) {
    process.stderr.write(`没有模板 ${id}，可用模板：${BUILTIN_TEMPLATES.map((t) => t.id).join(', ')} (unknown template)\n`);
    return 1;
  }
  let data: DocumentData;
  try {
    const text = await readFile(dataPath, 'utf8');
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as DocumentData;
  } catch (err) {
    process.stderr.write(`无法读取数据文件 ${dataPath}，请检查路径和 JSON 格式 (cannot read data): ${String(err)}\n`);
    return 1;
  }
  const problems = validateDocumentData(template, data);
  if (problems.length) {
    process.stderr.write(`数据有 ${problems.length} 处问题，未生成文书 (invalid data):\n`);
    for (const p of problems) process.stderr.write(`  ${p.field}: ${p.message}\n`);
    return 1;
  }
  const model = buildDocumentModel(template, data);
  let bytes: Uint8Array;
  if (/\.pdf$/i.test(out)) {
    const engine = createPdfEngine(await readBundledFaces());
    const bad = findUnprintableCharacters(template, data, engine.faces);
    if (bad.length) {
      process.stderr.write(`有 ${bad.length} 个字符无法打印，未生成 PDF (unprintable characters):\n`);
      for (const b of bad) process.stderr.write(`  ${b.field}: ${b.message}\n`);
      return 1;
    }
    bytes = await engine.render(model);
  } else {
    const docx = await renderDocxWithNotes(model, { fontSet });
    bytes = docx.bytes;
    for (const s of docx.substitutions) process.stdout.write(`“${s.char}”不在${s.instead}字库中，DOCX 中改用“${s.font}” (font substituted)\n`);
  }
  await writeFile(out, bytes);
  process.stdout.write(`已生成 written: ${out}（${bytes.length} 字节 bytes）\n`);
  return 0;
}
