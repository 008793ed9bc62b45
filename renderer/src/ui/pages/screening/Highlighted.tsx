import { highlightSegments, type KeywordMatcher } from '../../../core/screening';

/** The text with the finance keywords found in it marked. */
export function Highlighted(props: { readonly text: string; readonly matcher: KeywordMatcher }) {
  const segments = highlightSegments(props.text, props.matcher.find(props.text));
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <mark key={i} className="keyword-hit">
            {s.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and never reorder
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
