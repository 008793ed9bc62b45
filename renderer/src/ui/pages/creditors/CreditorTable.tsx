import { Icon, Tag } from '@blueprintjs/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ColumnarRegister, registerRow } from '../../../core/creditors/columnar-register';
import { maskIdNumber, maskPhone } from '../../../core/identity';
import { formatFen } from '../../../core/money';
import { EXCLUSION_LABELS } from '../../../db/repositories/creditor-types';
import { ColumnResizer } from './ColumnResizer';
import { NAME_MIN_PX, NAME_RESIZE_MAX_PX, nameColumnWidth } from './name-column-width';
import type { SortKey } from './register-query';
import './review-messages';

const ROW_HEIGHT = 30;
/** The sticky header sits inside the scroll box, above the rows. */
const HEAD_HEIGHT = 32;

/**
 * The columns and their widths. The grid is as wide as its columns need (minWidth is their sum), so
 * on a narrow screen (1366 px with the detail panel open) the box scrolls sideways instead of cutting
 * the last columns off; only the name column grows to fill a wide one. An 18-digit 信用代码 with its
 * tag needs 224 px; a money column fits 99,999,999.99 and its header; 序号 fits 1,048,576. At 1366 px
 * that leaves the name 84 px (5 字, every column in view): a firm's longer name ends in …, reads
 * whole on hover and in the panel, and the clerk widens the column by its heading's edge
 * (double-click fits the longest name), as in a spreadsheet.
 */
const COLUMNS: readonly { key: string; sort: SortKey | null; num?: boolean; width: number; grows?: boolean }[] = [
  { key: 'seq', sort: 'order', width: 60 },
  { key: 'name', sort: 'name', width: 80, grows: true },
  { key: 'idNumber', sort: 'idNumber', width: 224 },
  { key: 'phone', sort: null, width: 110 },
  { key: 'contracts', sort: 'contracts', num: true, width: 60 },
  { key: 'principal', sort: 'principal', num: true, width: 116 },
  { key: 'returned', sort: 'returned', num: true, width: 116 },
  { key: 'netClaim', sort: 'netClaim', num: true, width: 140 },
  { key: 'status', sort: null, width: 130 },
  { key: 'exclusion', sort: null, width: 72 },
];
const CHECK_WIDTH = 40;

function gridLayout(withCheck: boolean, nameWidth: number): { readonly columns: string; readonly minWidth: number } {
  const width = (c: (typeof COLUMNS)[number]) => (c.key === 'name' ? nameWidth : c.width);
  const widths = COLUMNS.map((c) => (c.grows ? `minmax(${width(c)}px, 1fr)` : `${width(c)}px`));
  const minWidth = COLUMNS.reduce((s, c) => s + width(c), 0);
  return withCheck ? { columns: [`${CHECK_WIDTH}px`, ...widths].join(' '), minWidth: minWidth + CHECK_WIDTH } : { columns: widths.join(' '), minWidth };
}

/**
 * The register as a virtualized grid: only the rows on screen exist in the DOM, so a million
 * creditors scroll like a hundred. ID numbers and phones are masked unless the creditor was
 * revealed (names stay readable: staff work by name; the public notice export masks them).
 */
export function CreditorTable(props: {
  /** The loaded register by columns: a row's object is made only while it is on screen. */
  readonly register: ColumnarRegister;
  readonly indices: Int32Array;
  readonly revealed: ReadonlySet<string>;
  readonly selected: string | null;
  readonly sort: SortKey;
  readonly descending: boolean;
  readonly onSort: (key: SortKey) => void;
  readonly onSelect: (cid: string) => void;
  /** Ticked for a bulk verification (present only for a user who may verify). */
  readonly checked?: ReadonlySet<string>;
  readonly onCheck?: (cid: string) => void;
}) {
  const { t } = useTranslation('creditors');
  const scrollRef = useRef<HTMLDivElement>(null);
  const { register, indices } = props;
  const [nameWidth, setNameWidth] = useState(NAME_MIN_PX);
  const layout = gridLayout(props.checked !== undefined, nameWidth);
  const grid = { gridTemplateColumns: layout.columns };
  const virtualizer = useVirtualizer({
    count: indices.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
  });

  return (
    <div className="creditor-scroll" ref={scrollRef} data-testid="creditor-table">
      <table className="creditor-grid" style={{ minWidth: layout.minWidth }} aria-rowcount={indices.length + 1}>
        <thead>
          <tr className="creditor-row creditor-head" style={grid}>
            {props.checked && <th className="cell cell-check">{t('creditorReview:bulk.select')}</th>}
            {COLUMNS.map((col) => (
              <th
                key={col.key}
                className={`cell cell-${col.key}${col.num ? ' num' : ''}${col.sort ? ' sortable' : ''}`}
                aria-sort={col.sort && props.sort === col.sort ? (props.descending ? 'descending' : 'ascending') : undefined}
                title={col.sort ? t('table.sortHint') : undefined}
              >
                {col.sort ? (
                  <button type="button" className="sort-button" onClick={() => props.onSort(col.sort as SortKey)}>
                    {t(`col.${col.key}`)}
                    {props.sort === col.sort && <Icon icon={props.descending ? 'caret-down' : 'caret-up'} size={12} />}
                  </button>
                ) : (
                  t(`col.${col.key}`)
                )}
                {col.key === 'name' && (
                  <ColumnResizer
                    label={t('table.resizeName')}
                    width={nameWidth}
                    min={NAME_MIN_PX}
                    max={NAME_RESIZE_MAX_PX}
                    fit={() => nameColumnWidth(register.names, register.count)}
                    onResize={setNameWidth}
                  />
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="creditor-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = indices[item.index] as number;
            const c = registerRow(register, index);
            const open = props.revealed.has(c.cid);
            const person = c.idType !== 'org';
            return (
              <tr
                key={c.cid}
                aria-rowindex={item.index + 2}
                aria-selected={props.selected === c.cid}
                className={`creditor-row${props.selected === c.cid ? ' selected' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ ...grid, transform: `translateY(${item.start - HEAD_HEIGHT}px)` }}
                onClick={() => props.onSelect(c.cid)}
                onKeyDown={(e) => e.key === 'Enter' && props.onSelect(c.cid)}
                data-cid={c.cid}
              >
                {props.checked && (
                  <td className="cell cell-check" onClick={(e) => e.stopPropagation()}>
                    <input type="checkbox" aria-label={t('creditorReview:bulk.selectOne', { name: c.name })} checked={props.checked.has(c.cid)} onChange={() => props.onCheck?.(c.cid)} />
                  </td>
                )}
                <td className="cell cell-seq muted">{index + 1}</td>
                {/* The whole cell shows the full name on hover (a name wider than the column ends in …). */}
                <td className="cell cell-name" title={c.name}>
                  <button type="button" className="name-button" onClick={() => props.onSelect(c.cid)}>
                    {c.name}
                  </button>
                </td>
                <td className="cell cell-idNumber mono" title={t(`idTypes.${c.idType}`)}>
                  {c.idType !== 'resident' && (
                    <Tag minimal className="id-type-tag">
                      {t(`idTypeShort.${c.idType}`)}
                    </Tag>
                  )}
                  {open || !person ? c.idNumber : maskIdNumber(c.idNumber)}
                </td>
                <td className="cell cell-phone mono">{c.phone ? (open ? c.phone : maskPhone(c.phone)) : ''}</td>
                <td className="cell cell-contracts num">{c.contractCount > 1 ? <Tag minimal>{c.contractCount}</Tag> : c.contractCount}</td>
                <td className="cell cell-principal num">{formatFen(c.principalFen)}</td>
                <td className="cell cell-returned num">{formatFen(c.returnedFen)}</td>
                <td className="cell cell-netClaim num">{formatFen(c.netClaimFen)}</td>
                <td className="cell cell-status">
                  <Tag minimal intent={c.status === '已核实' ? 'success' : c.status === '存疑' ? 'warning' : 'none'} title={c.statusNote ? t('creditorReview:doubtNote', { note: c.statusNote }) : undefined}>
                    {c.status}
                  </Tag>
                  {c.fileStatus && (
                    <Tag minimal className="inline-tag" title={t('fileStatus.title')}>
                      {t('fileStatus.tag', { status: c.fileStatus })}
                    </Tag>
                  )}
                  {c.pendingChange && (
                    <Tag minimal intent="danger" className="inline-tag" title={t('creditorReview:pending')}>
                      {t('creditorReview:pendingTag')}
                    </Tag>
                  )}
                </td>
                <td className="cell cell-exclusion">{c.exclusion ? EXCLUSION_LABELS[c.exclusion] : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
