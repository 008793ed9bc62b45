// Templates are declarative data (templates/*.json): blocks of text with {field} placeholders,
// typed fields and conditions. Nothing in a template is executed; the engine only substitutes
// values, so a user-duplicated template is as safe as a built-in one.

/** Field kinds a template may declare; each has one value shape in DocumentData. */
export type FieldType = 'text' | 'multiline' | 'date' | 'money' | 'person' | 'list' | 'rows';

/** A column of a `rows` field (表格行), e.g. 检查人员 → 姓名 / 执法证号. */
export interface RowColumn {
  readonly key: string;
  readonly label: string;
  readonly type: 'text' | 'date' | 'money';
  readonly required?: boolean;
}

export interface FieldDefinition {
  readonly key: string;
  /** Chinese label shown in forms and named in error messages. */
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /** Only for `rows`. */
  readonly columns?: readonly RowColumn[];
  /** Only for `rows` and `list`: at least this many entries when required (default 1). */
  readonly minItems?: number;
  readonly hint?: string;
  /** A text field chosen from these words only (e.g. 核对 / 宣读); the form shows a drop-down. */
  readonly options?: readonly string[];
  /**
   * What a new document starts with when nothing is known (a legal citation an office may correct
   * in its own copy of the template, a usual time limit). Placeholders are not substituted here.
   */
  readonly default?: string;
}

/** Show a block only if a field is set, is not set, or equals a value. */
export type BlockCondition =
  | { readonly field: string; readonly present: true }
  | { readonly field: string; readonly absent: true }
  | { readonly field: string; readonly equals: string };

interface BlockBase {
  readonly when?: BlockCondition;
}

export type TemplateBlock =
  | (BlockBase & { readonly kind: 'title'; readonly text: string })
  /** 文号 line, from the `documentNumber` value; omitted while the document is a draft. */
  | (BlockBase & { readonly kind: 'documentNumber' })
  /** 主送: "某某公司：" flush left. */
  | (BlockBase & { readonly kind: 'addressee'; readonly text: string })
  | (BlockBase & {
      readonly kind: 'paragraph';
      readonly text: string;
      /** Default true: first line indented two characters. */
      readonly indent?: boolean;
      readonly align?: 'left' | 'center' | 'right';
    })
  /** Level 1 in 黑体 (一、), level 2 in 楷体 (（一）). */
  | (BlockBase & { readonly kind: 'heading'; readonly level: 1 | 2; readonly text: string })
  /** One paragraph per entry of a `list` field; `item` may use {item} and {n}. */
  | (BlockBase & {
      readonly kind: 'list';
      readonly field: string;
      readonly numbering: 'arabic' | 'chinese' | 'parenChinese' | 'none';
    })
  /** A ruled table with one row per entry of a `rows` field; cells may use {column} and {n}. */
  | (BlockBase & {
      readonly kind: 'table';
      readonly field: string;
      readonly columns: readonly { readonly header: string; readonly cell: string; readonly width: number }[];
    })
  /** A two-column label/value form (送达回证); `minLines` reserves writing space. */
  | (BlockBase & {
      readonly kind: 'formTable';
      readonly rows: readonly { readonly label: string; readonly value: string; readonly minLines?: number }[];
    })
  /** Issuing office and date, right side (落款), with a note where the seal goes. */
  | (BlockBase & { readonly kind: 'signature'; readonly office: string; readonly date: string })
  /** A line with blank space to sign on, e.g. "当事人（签名）：" */
  | (BlockBase & { readonly kind: 'signLine'; readonly text: string })
  /** 发文机关 name above the title (询问通知书 and other notices), centred in the title face. */
  | (BlockBase & { readonly kind: 'officeLine'; readonly text: string })
  /** 信函格式 (GB/T 9704 10.1): the office's name as the heading of a 函, with a double rule below. */
  | (BlockBase & { readonly kind: 'letterhead'; readonly office: string })
  /**
   * 附件说明 (GB/T 9704 7.3.4): "附件：1.名称" from a list field, or from one column (`column`) of a
   * rows field; a long name wraps under its own first character.
   */
  | (BlockBase & { readonly kind: 'attachments'; readonly field: string; readonly column?: string })
  /** 版记 (GB/T 9704 7.4): 抄送 and 印发 lines between rules, at the foot of the last page. */
  | (BlockBase & { readonly kind: 'colophon'; readonly copyTo?: string; readonly printer?: string; readonly printDate?: string })
  /** 回执: a cut line, then its own blocks. */
  | (BlockBase & { readonly kind: 'receipt'; readonly blocks: readonly TemplateBlock[] })
  | (BlockBase & { readonly kind: 'pageBreak' });

/** What every page carries at its foot. */
export interface PageFooterSpec {
  /**
   * Signing room on every page (现场检查笔录), each prompt on a line of its own. An entry
   * `{text, repeatFor}` gives one blank per row of a rows field (a line to sign for each inspector).
   */
  readonly signatures?: readonly (string | FooterSignature)[];
  /** "第N页 共M页" instead of "— N —". */
  readonly pageOfTotal?: boolean;
  /** 'multiPage': no page number on a document of one page (送达回证). Default: always. */
  readonly pageNumbers?: 'always' | 'multiPage';
}

export interface FooterSignature {
  readonly text: string;
  /** A rows field: one signing blank per row. */
  readonly repeatFor?: string;
}

/**
 * Cross-field money rules checked before generating (wrong money on a served notice is real harm):
 * `sum`: the parts add up exactly to `equals`; `atMost`: `field` ≤ `max`. Fields are money fields.
 */
export type FieldCheck =
  | { readonly kind: 'sum'; readonly parts: readonly string[]; readonly equals: string }
  | { readonly kind: 'atMost'; readonly field: string; readonly max: string };

export interface DocumentTemplate {
  readonly id: string;
  readonly name: string;
  /** Document type, the key of the 文号 prefix in settings (e.g. "inquiry"). */
  readonly documentType: string;
  /** Set on a user's copy: the id of the template it was duplicated from. */
  readonly basedOn?: string;
  readonly version: number;
  readonly fields: readonly FieldDefinition[];
  readonly blocks: readonly TemplateBlock[];
  readonly pageFooter?: PageFooterSpec;
  readonly checks?: readonly FieldCheck[];
}

export interface PersonValue {
  readonly name: string;
  readonly [detail: string]: string;
}

export type RowValue = Readonly<Record<string, string | number>>;

/** One value per field key: text/multiline/date (YYYY-MM-DD) as string, money as integer fen. */
export type FieldValue = string | number | PersonValue | readonly string[] | readonly RowValue[];

export type DocumentData = Readonly<Record<string, FieldValue | undefined>>;

/** A field-level problem, in Chinese, naming the field (and row) and what to do. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
