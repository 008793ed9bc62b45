// Default holiday table for mainland China, 2025 and 2026, copied from the State Council notices:
// - 国务院办公厅关于2025年部分节假日安排的通知(国办发明电〔2024〕12号,2024年11月12日)
// - 国务院办公厅关于2026年部分节假日安排的通知(2025年11月4日,新华社发布)
// Each row is one "放假调休" block as the notice writes it, and each make-up day one "上班" day.
// The office edits this in settings when the next year's notice comes out (usually in November).
import type { HolidayTable } from './holiday-table';

export const CHINA_HOLIDAYS_2025_2026: HolidayTable = {
  years: [2025, 2026],
  source:
    '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）；国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  holidays: [
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: [
    { date: '2025-01-26', name: '春节调休上班' },
    { date: '2025-02-08', name: '春节调休上班' },
    { date: '2025-04-27', name: '劳动节调休上班' },
    { date: '2025-09-28', name: '国庆节、中秋节调休上班' },
    { date: '2025-10-11', name: '国庆节、中秋节调休上班' },
    { date: '2026-01-04', name: '元旦调休上班' },
    { date: '2026-02-14', name: '春节调休上班' },
    { date: '2026-02-28', name: '春节调休上班' },
    { date: '2026-05-09', name: '劳动节调休上班' },
    { date: '2026-09-20', name: '国庆节调休上班' },
    { date: '2026-10-10', name: '国庆节调休上班' },
  ],
};
