export { describeChange, type FigureChange, figureChange, rateTenths, tenthsText } from './change';
export { computeByDistrict, computeFigures, computeOne, createScope, type DistrictTable, type FigureRow, previousYearPeriod } from './compute';
export { districtColumns, filterRecords, RECORD_SETS, type RecordFilter } from './filter';
export { OFFICE_FIGURES } from './office-figures';
export { checkPeriod, monthsOf, type PeriodChoice, periodLabelZh, periodOf } from './periods';
export type { FigureCase, FigurePetition, FigureRecords, FigureRefunds, FigureRules, Located } from './records';
export { createFigureRegistry, type FigureRegistry } from './registry';
export { countResult, rateResult, unavailableResult, within } from './results';
export type { FigureArea, FigureDefinition, FigurePeriod, FigureRecordRef, FigureResult, FigureScope, FigureUnit } from './types';
