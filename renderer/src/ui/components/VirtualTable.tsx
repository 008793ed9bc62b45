import './virtual-table.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useRef } from 'react';

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 32;

/**
 * A register that fills the page and draws only the rows in view (50,000 clues, 100,000 adverts):
 * a sticky header and fixed-height rows laid out by one CSS grid template.
 */
export function VirtualTable<T>(props: {
  readonly headers: readonly string[];
  /** CSS grid-template-columns of header and rows. */
  readonly columns: string;
  readonly minWidth: number;
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly cells: (row: T) => ReactNode;
  readonly onOpen?: (row: T) => void;
  readonly testId?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollMargin: HEAD_HEIGHT });
  const { onOpen } = props;
  const grid = { gridTemplateColumns: props.columns };
  return (
    <div className="vtable-scroll" ref={scrollRef} data-testid={props.testId}>
      <table className="vtable" style={{ minWidth: props.minWidth }} aria-rowcount={props.rows.length + 1}>
        <thead>
          <tr className="vtable-row vtable-head" style={grid}>
            {props.headers.map((h) => (
              <th key={h} className="cell">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="vtable-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = props.rows[v.index];
            if (row === undefined) return null;
            return (
              <tr
                key={props.rowKey(row)}
                className={`vtable-row${v.index % 2 ? ' odd' : ''}${onOpen ? ' openable' : ''}`}
                style={{ ...grid, transform: `translateY(${v.start - HEAD_HEIGHT}px)` }}
                onClick={onOpen ? () => onOpen(row) : undefined}
                onKeyDown={onOpen ? (e) => e.key === 'Enter' && onOpen(row) : undefined}
                tabIndex={onOpen ? 0 : undefined}
              >
                {props.cells(row)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
