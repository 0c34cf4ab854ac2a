/**
 * Document exports: input DTO → output bytes, no database. See docs/exports.md.
 */
export { consolidatedTableDocx } from './docx/consolidated-table.js'
export { type RedlineDocxOptions, redlineDocx } from './docx/redline.js'
export { consolidatedTablePdf, type TablePdfOptions } from './pdf/consolidated-table.js'
export { extractPdfText } from './pdf/extract-text.js'
export { buildTableModel, COLUMNS, type TableGroup, type TableModel } from './table-model.js'
export type { Cell, Paragraph, Span } from './text.js'
