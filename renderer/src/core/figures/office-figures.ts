// The office's figure set: every area's contribution, in the order the dashboard shows them. An area
// adding figures (排查, 线索监测 …) adds its FigureArea here; nothing else in the dashboard changes.
import { CASE_FIGURES } from '../cases/dashboard-figures';
import { CLUE_FIGURES } from '../clues/dashboard-figures';
import { PETITION_FIGURES } from '../petitions/dashboard-figures';
import { REFUND_FIGURES } from '../repayment/dashboard-figures';
import { SCREENING_FIGURES } from '../screening/dashboard-figures';
import { createFigureRegistry, type FigureRegistry } from './registry';

export const OFFICE_FIGURES: FigureRegistry = createFigureRegistry([CASE_FIGURES, REFUND_FIGURES, PETITION_FIGURES, SCREENING_FIGURES, CLUE_FIGURES]);
