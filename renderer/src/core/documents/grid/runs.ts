// A placed line → runs of one face each, with the character spacing that puts the run exactly on
// its grid cells: (cells × pitch − Σ advances) spread over the run. Runs change face where a
// character falls back (a rare name character, a full-width quote): never a box, never a gap.
import type { FaceSet, FontRole, OpenedFace } from '../fonts/faces';
import { halfCells } from './line-breaking';

export interface FaceRun {
  readonly text: string;
  readonly face: OpenedFace;
  /** Points added after each character but the last. */
  readonly spacing: number;
  /** Width of the run on the grid (points). */
  readonly widthPt: number;
}

export function lineRuns(text: string, role: FontRole, faces: FaceSet, sizePt: number, cellPt: number): FaceRun[] {
  const runs: FaceRun[] = [];
  let face: OpenedFace | null = null;
  let chars = '';
  let n = 0;
  let advance = 0;
  let cells = 0;
  const flush = () => {
    if (!face || n === 0) return;
    const width = (cells * cellPt) / 2;
    runs.push({ text: chars, face, spacing: n > 1 ? (width - advance * sizePt) / (n - 1) : 0, widthPt: width });
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const f = faces.faceFor(role, cp);
    if (f !== face) {
      flush();
      face = f;
      chars = '';
      n = 0;
      advance = 0;
      cells = 0;
    }
    chars += ch;
    n++;
    advance += f.advance(cp);
    cells += halfCells(ch);
  }
  flush();
  return runs;
}
