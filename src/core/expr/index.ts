export type { Ast, BinaryOp, ColumnRef, Mode } from "./ast";
export type { CompileContext, EvalContext } from "./context";
export { parse, type ParseResult } from "./parse";
export { evaluate } from "./evaluate";
export { absoluteRange, compile, excelString, quoteSheetName } from "./compile";
export { referencedColumns, referencedFields, referencedSheets, referencedTargets, splitDivision, toSource } from "./inspect";
