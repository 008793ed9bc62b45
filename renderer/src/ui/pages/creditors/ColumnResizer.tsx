import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

/** Arrow keys move the edge by this much; the mouse moves it freely. */
const KEY_STEP_PX = 16;

/**
 * The draggable right edge of a column heading, as in a spreadsheet: drag to widen or narrow the
 * column, double-click (or Enter) to fit its longest entry, arrow keys for the keyboard.
 */
export function ColumnResizer(props: {
  readonly label: string;
  /** The column's set width (it may show wider where it grows into a wide window). */
  readonly width: number;
  readonly min: number;
  readonly max: number;
  /** The width that fits the column's longest entry (worked out only when asked). */
  readonly fit: () => number;
  readonly onResize: (px: number) => void;
}) {
  const drag = useRef<{ readonly x: number; readonly width: number } | null>(null);
  const clamp = (px: number) => Math.round(Math.min(props.max, Math.max(props.min, px)));
  // From the heading's width on screen: a column that grew into a wide window starts from there.
  const shown = (el: Element) => (el.parentElement as HTMLElement).getBoundingClientRect().width;
  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width: shown(e.currentTarget) };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    if (drag.current) props.onResize(clamp(drag.current.width + e.clientX - drag.current.x));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      props.onResize(clamp(shown(e.currentTarget) + (e.key === 'ArrowRight' ? KEY_STEP_PX : -KEY_STEP_PX)));
    } else if (e.key === 'Enter') props.onResize(clamp(props.fit()));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a column edge is a focusable separator (WAI-ARIA window splitter); <hr> cannot take focus or keys.
    <span
      className="col-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={props.width}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      title={props.label}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => {
        drag.current = null;
      }}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={() => props.onResize(clamp(props.fit()))}
      onKeyDown={onKeyDown}
    />
  );
}
