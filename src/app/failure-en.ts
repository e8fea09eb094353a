import { renderReasonWith } from "../core/findings/reasons";
import { REASONS_EN } from "../core/findings/reasons-en";
import { addFailureWords, type FailureWords } from "./failure";

/** describeFailure's English, registered by the task pane only (the ribbon reports in Vietnamese). */
const FAILURE_WORDS_EN: FailureWords = {
  reasons: {
    notFound: "a sheet or range was not found (it may just have been renamed or deleted)",
    alreadyExists: "the workbook already has a sheet of that name",
    protected: "a sheet or the workbook is protected, or the workbook is read-only",
    passwordProtected: "a sheet to be written is protected with a password; unprotect it (Review › Unprotect Sheet) and try again",
    editMode: "Excel is editing a cell: press Enter or Esc and try again",
    inactiveWorkbook: "several workbooks are open and this one lost the focus: click into this workbook and try again",
    busy: "Excel does not allow this now (a hidden or protected sheet, or the workbook is busy)",
    tooManyCells: "the operation touches more cells than Excel allows at once",
    undoNotSupported: "Excel could not group the changes into one undo step",
    requestTooBig: "the data sent to Excel was too large",
    responseTooBig: "the data Excel returned was too large",
    rangeTooBig: "the range exceeds Excel's limit for one read or write",
    invalidValue: "Excel refused a value, cell address or formula",
    invalidReference: "a cell or sheet reference is not valid",
    mergeConflict: "existing merged cells are in the way",
    conflict: "someone else is editing the workbook at the same time",
    aborted: "the request was aborted",
    notSupported: "this version of Excel does not support this; update Excel or use the Đề án 02 web page",
  },
  head: { read: "Could not read the workbook", write: "Could not write to the workbook", select: "Could not select the cell" },
  actions: {
    recalculate: "Could not recalculate the indicators",
    validate: "Could not check the workbook",
    template: "Could not create the template",
    consolidate: "Could not consolidate",
    targets: "Could not save the targets",
    mapping: "Could not remember the chosen column",
    convert: "Could not convert the legacy encoding to Unicode",
    select: "Could not select the cell",
    open: "Could not open",
    download: "Could not prepare the file to download",
  },
  during: { read: "while reading the workbook", write: "while writing to the workbook", select: "while selecting the cell" },
  advice: {
    recalculate: "Press Undo (Ctrl+Z) or run “Tính lại chỉ tiêu” again: running it again always gives the right result.",
    template: "Close this workbook without saving, then create the template in a new blank workbook.",
    consolidate: "Press Undo (Ctrl+Z), then consolidate again.",
  },
  undo: "Press Undo (Ctrl+Z) to remove what was written.",
  timeout: (seconds) => `Excel did not answer within ${seconds} seconds`,
  excelError: "Excel error",
  fileReason: (reason) => renderReasonWith(REASONS_EN, reason),
  sheet: (sheet) => `sheet “${sheet}”`,
  cell: (sheet, cell) => `cell ${cell} of sheet “${sheet}”`,
  nothingWritten: "Nothing was written to the workbook.",
  noCellChanged: "No cell was changed.",
  timedOut: (advice) => `It is not known how far Excel got: wait a moment and look at the workbook. ${advice}`,
  blocksThenUnknown: (earlier, blocks, advice) => `${earlier}/${blocks} earlier blocks were written; the failing block may be partly written. ${advice}`,
  unknown: (advice) => `Excel did not say how far it got; the workbook may be partly changed. ${advice}`,
  stepsDone: (blocks, done, total, advice) => `${blocks}Excel carried out ${done}/${total} steps before it stopped. ${advice}`,
  blocksDone: (earlier, blocks) => `${earlier}/${blocks} blocks were written; `,
  block: (block, blocks) => ` (block ${block}/${blocks})`,
};

addFailureWords("en", FAILURE_WORDS_EN);
