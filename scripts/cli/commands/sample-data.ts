import { BUILTIN_TEMPLATES, sampleDataFor } from '../../../renderer/src/core/documents';

export const summary = 'print complete sample data JSON for a document template: sample-data ID';

/** `sample-data ID`: complete, valid sample data for the template, as JSON on stdout. */
export async function run(args: readonly string[]): Promise<number> {
  const [id, ...rest] = args;
  if (!id || rest.length) {
    process.stderr.write('用法 usage: npm run cli -- sample-data ID（ID 见 templates 命令 / see `templates`）\n');
    return 2;
  }
  const data = sampleDataFor(id);
  if (!data) {
    const known = BUILTIN_TEMPLATES.map((t) => t.id).join(', ');
    process.stderr.write(`没有模板 ${id}，可用模板：${known} (unknown template)\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  return 0;
}
