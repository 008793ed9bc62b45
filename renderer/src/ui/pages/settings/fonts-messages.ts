// Wording of Settings → 文书字体.
import { registerMessages } from '../../../i18n/register-messages';

export const zhCN = {
  intro: 'PDF 文书按 GB/T 9704 分角色用字：标题小标宋、正文仿宋、一级标题黑体、二级标题楷体。本机装有官方字体且授权允许嵌入时用本机字体，否则用程序内置的开源字体；某字体缺少的字（如生僻人名用字）逐字改用补字字体，不会打印成空框。',
  role: '用途',
  face: '正在使用的字体',
  origin: '来源',
  sample: '样张',
  system: '本机字体',
  bundled: '内置开源字体',
  loading: '正在读取字体……',
  failed: '读取字体失败：{{message}}',
  docx: 'Word 文档（DOCX）只写字体名称、不嵌入字体：正文“{{body}}”、标题“{{title}}”、一级标题“{{heading1}}”、二级标题“{{heading2}}”（可在“办公室”设置中改为 Windows 自带字体）。字库缺字时该字改用同类字体，保存时会提示。',
  licence: '内置字体均为 SIL 开放字体许可证（OFL 1.1）：朱雀仿宋、思源宋体、思源黑体、霞鹜文楷。',
  roles: { title: '标题（2号小标宋）', body: '正文（3号仿宋）', heading1: '一级标题（黑体）', heading2: '二级标题（楷体）', fallback: '补字、页码（宋体）' },
  samples: {
    title: '联合执法询问通知书',
    body: '经查，你单位存在下列问题：王喆、李堃、于赟、董昇、萧珺。',
    heading1: '一、基本案情',
    heading2: '（一）现场检查情况',
    fallback: '— 1 —  頔 𠮷',
  },
};

export const en: typeof zhCN = {
  intro: 'PDF documents use a face per GB/T 9704 role: title, body, first- and second-level headings. The official fonts installed on this PC are used where their licence allows embedding, otherwise the bundled open-licence faces; a character a face lacks prints from the fallback face, never as a box.',
  role: 'Role',
  face: 'Face in use',
  origin: 'Source',
  sample: 'Sample',
  system: 'This PC',
  bundled: 'Bundled (open licence)',
  loading: 'Reading the fonts…',
  failed: 'Could not read the fonts: {{message}}',
  docx: 'DOCX files name fonts and embed none: body "{{body}}", title "{{title}}", heading 1 "{{heading1}}", heading 2 "{{heading2}}".',
  licence: 'Bundled faces are under the SIL Open Font License 1.1.',
  roles: { title: 'Title', body: 'Body', heading1: 'Heading 1', heading2: 'Heading 2', fallback: 'Fallback, page numbers' },
  samples: zhCN.samples,
};

registerMessages('fonts', zhCN, en);
