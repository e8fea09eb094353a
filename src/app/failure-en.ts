import { addFailureWords, type FailureWords } from "./failure";

/** describeFailure's English, registered by the task pane only (the ribbon reports in Vietnamese). */
export const FAILURE_WORDS_EN: FailureWords = {
  reasons: {
    ItemNotFound: "a sheet or range was not found (it may just have been renamed or deleted)",
    ItemAlreadyExists: "the workbook already has a sheet of that name",
    AccessDenied: "a sheet or the workbook is protected, or the workbook is read-only",
    BadPassword: "a sheet to be written is protected with a password; unprotect it (Review › Unprotect Sheet) and try again",
    InvalidOperationInCellEditMode: "Excel is editing a cell: press Enter or Esc and try again",
    InactiveWorkbook: "several workbooks are open and this one lost the focus: click into this workbook and try again",
    InvalidOperation: "Excel does not allow this now (a hidden or protected sheet, or the workbook is busy)",
    OperationCellsExceedLimit: "the operation touches more cells than Excel allows at once",
    UndoNotSupported: "Excel could not group the changes into one undo step",
    RequestPayloadSizeLimitExceeded: "the data sent to Excel was too large",
    ResponsePayloadSizeLimitExceeded: "the data Excel returned was too large",
    RangeExceedsLimit: "the range exceeds Excel's limit for one read or write",
    InvalidArgument: "Excel refused a value, cell address or formula",
    InvalidReference: "a cell or sheet reference is not valid",
    MergedRangeConflict: "existing merged cells are in the way",
    Conflict: "someone else is editing the workbook at the same time",
    RequestAborted: "the request was aborted",
  },
  head: { read: "Could not read the workbook", write: "Could not write to the workbook", select: "Could not select the cell" },
  advice: {
    recalculate: "Press Undo (Ctrl+Z) or run “Tính lại chỉ tiêu” again: running it again always gives the right result.",
    template: "Close this workbook without saving, then create the template in a new blank workbook.",
    consolidate: "Press Undo (Ctrl+Z), then consolidate again.",
  },
  undo: "Press Undo (Ctrl+Z) to remove what was written.",
  timeout: (seconds) => `Excel did not answer within ${seconds} seconds`,
  excelError: "Excel error",
  nothingWritten: "Nothing was written to the workbook.",
  noCellChanged: "No cell was changed.",
  timedOut: (advice) => `It is not known how far Excel got: wait a moment and look at the workbook. ${advice}`,
  blocksThenUnknown: (earlier, blocks, advice) => `${earlier}/${blocks} earlier blocks were written; the failing block may be partly written. ${advice}`,
  unknown: (advice) => `Excel did not say how far it got; the workbook may be partly changed. ${advice}`,
  stepsDone: (blocks, done, total, advice) => `${blocks}Excel carried out ${done}/${total} steps before it stopped. ${advice}`,
  blocksDone: (earlier, blocks) => `${earlier}/${blocks} blocks were written; `,
  block: (block, blocks) => ` (block ${block}/${blocks})`,
  notDone: "Not done",
};

addFailureWords("en", FAILURE_WORDS_EN);
