export type { Ast, BinaryOp, ColumnRef, Mode } from "./ast";
export type { CompileContext, EvalContext } from "./context";
export { parse,  } from "./parse";
export { evaluate } from "./evaluate";
export { absoluteRange, compile, excelString, quoteSheetName } from "./compile";
export { referencedColumns, referencedFields, referencedSheets,   toSource } from "./inspect";
