/**
 * The catalog as the spreadsheet officers keep: one row per procedure on «Thủ tục», and one row per dossier
 * component, fee rule, case and workflow step on their own sheets, tied to the procedure by «Mã định danh thủ
 * tục». Enumerations are Vietnamese words (the schema's codes are accepted too); the «Hướng dẫn» sheet explains
 * every column. Reading returns raw documents with the place (sheet, row, column) every value came from, so that
 * schema errors can name the cell.
 */
export { SHEETS } from "./xlsx-columns.ts";
export { locate, type Origin, type ReadDocument, type ReadResult, readWorkbook } from "./xlsx-reader.ts";
export { writeWorkbook } from "./xlsx-writer.ts";
