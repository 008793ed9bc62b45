import { BUILTIN_TEMPLATES } from '../../../renderer/src/core/documents';

export const summary = 'list document templates with their field schema: templates [--json]';

/** `templates [--json]`: ids, names and field schema of the built-in document templates. */
export async function run(args: readonly string[]): Promise<number> {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) {
    process.stderr.write(`未知参数 unknown argument: ${unknown.join(' ')}\n用法 usage: npm run cli -- templates [--json]\n`);
    return 2;
  }
  if (args.includes('--json')) {
    const out = BUILTIN_TEMPLATES.map((t) => ({
      id: t.id,
      name: t.name,
      documentType: t.documentType,
      version: t.version,
      fields: t.fields,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  for (const t of BUILTIN_TEMPLATES) {
    const required = t.fields.filter((f) => f.required).length;
    process.stdout.write(`${t.id.padEnd(24)} ${t.name}（${t.fields.length} 个字段，${required} 个必填）\n`);
  }
  return 0;
}
