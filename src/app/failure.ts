import type { Language } from "../core/findings/format";

/*
 * One way to say what went wrong, for the ribbon, the task pane and its tools. A host (Office.js here)
 * throws a HostFailure that says what it was doing, Excel's error code and how much of the workbook it had
 * changed; describeFailure words it for the person, with advice that fits what they were doing: running
 * "Tính lại chỉ tiêu" again is the cure after a half-written recalculation, not after a half-written template.
 */

export type WriteState =
  /** Nothing in the workbook changed. */
  | "nothing"
  /** Some of the writes were made. */
  | "partial"
  /** The host could not tell how far it got. */
  | "unknown";

export type FailureStage = "read" | "write" | "select" | "plan";

/** What the person asked for when it failed. */
export type FailedAction = "recalculate" | "validate" | "template" | "consolidate" | "targets" | "mapping" | "convert" | "select";

export interface WriteProgress {
  /** Steps Excel had carried out, null when it did not say. */
  done: number | null;
  total: number;
  /** The sync that failed (1-based) and how many the write took. */
  block: number;
  blocks: number;
}

/** A refusal the person can act on, already worded in Vietnamese; nothing was written. */
export class ToolRefusal extends Error {}

export class HostFailure extends Error {
  override readonly name: string = "HostFailure";
  constructor(
    readonly stage: FailureStage,
    readonly written: WriteState,
    /** The host's error code (Office: "ItemNotFound", "BadPassword", …, or "Timeout"), when it gave one. */
    readonly code: string | null,
    /** What the host said, for codes the table below does not know. */
    readonly detail: string,
    readonly progress: WriteProgress | null = null,
    options?: { cause?: unknown; seconds?: number },
  ) {
    super("", options);
    this.seconds = options?.seconds ?? null;
    this.message = describeFailure(this, "vi");
  }
  readonly seconds: number | null;
}

type Words = Record<Language, string>;

/**
 * Excel's error codes (Excel.ErrorCodes; "Error handling with the application-specific JavaScript APIs",
 * learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling), said for a person.
 */
const REASONS: Record<string, Words> = {
  ItemNotFound: { vi: "không tìm thấy một sheet hoặc vùng ô (có thể sheet vừa bị đổi tên hoặc xóa)", en: "a sheet or range was not found (it may just have been renamed or deleted)" },
  ItemAlreadyExists: { vi: "đã có một sheet trùng tên trong workbook", en: "the workbook already has a sheet of that name" },
  AccessDenied: { vi: "sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc", en: "a sheet or the workbook is protected, or the workbook is read-only" },
  BadPassword: {
    vi: "một sheet cần ghi được bảo vệ bằng mật khẩu; hãy bỏ bảo vệ sheet đó (Xem lại › Bỏ bảo vệ Trang tính) rồi bấm lại",
    en: "a sheet to be written is protected with a password; unprotect it (Review › Unprotect Sheet) and try again",
  },
  InvalidOperationInCellEditMode: { vi: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm lại", en: "Excel is editing a cell: press Enter or Esc and try again" },
  InactiveWorkbook: {
    vi: "đang mở nhiều workbook và workbook này không còn là cửa sổ đang làm việc: hãy bấm vào workbook này rồi bấm lại",
    en: "several workbooks are open and this one lost the focus: click into this workbook and try again",
  },
  InvalidOperation: { vi: "Excel không cho phép thao tác này lúc này (sheet ẩn, sheet được bảo vệ hoặc workbook đang bận)", en: "Excel does not allow this now (a hidden or protected sheet, or the workbook is busy)" },
  OperationCellsExceedLimit: { vi: "thao tác chạm quá nhiều ô so với giới hạn của Excel", en: "the operation touches more cells than Excel allows at once" },
  UndoNotSupported: { vi: "Excel không gộp được các thay đổi thành một bước Hoàn tác", en: "Excel could not group the changes into one undo step" },
  RequestPayloadSizeLimitExceeded: { vi: "khối dữ liệu gửi đến Excel quá lớn", en: "the data sent to Excel was too large" },
  ResponsePayloadSizeLimitExceeded: { vi: "khối dữ liệu Excel trả về quá lớn", en: "the data Excel returned was too large" },
  RangeExceedsLimit: { vi: "vùng ô vượt giới hạn Excel cho một lần đọc hoặc ghi", en: "the range exceeds Excel's limit for one read or write" },
  InvalidArgument: { vi: "Excel từ chối một giá trị, địa chỉ ô hoặc công thức", en: "Excel refused a value, cell address or formula" },
  InvalidReference: { vi: "một tham chiếu ô hoặc sheet không hợp lệ", en: "a cell or sheet reference is not valid" },
  MergedRangeConflict: { vi: "vướng ô gộp có sẵn", en: "existing merged cells are in the way" },
  Conflict: { vi: "workbook đang được người khác sửa cùng lúc", en: "someone else is editing the workbook at the same time" },
  RequestAborted: { vi: "yêu cầu bị hủy giữa chừng", en: "the request was aborted" },
};

const HEAD: Record<Exclude<FailureStage, "plan">, Words> = {
  read: { vi: "Không đọc được workbook", en: "Could not read the workbook" },
  write: { vi: "Không ghi được kết quả vào workbook", en: "Could not write to the workbook" },
  select: { vi: "Không chọn được ô", en: "Could not select the cell" },
};

const UNDO: Words = { vi: "Hãy bấm Hoàn tác (Ctrl+Z) để bỏ phần đã ghi.", en: "Press Undo (Ctrl+Z) to remove what was written." };

/** What to do after a half-done write, by what the person was doing. */
const ADVICE: Partial<Record<FailedAction, Words>> = {
  recalculate: {
    vi: "Hãy bấm Hoàn tác (Ctrl+Z) hoặc chạy lại “Tính lại chỉ tiêu”: chạy lại luôn cho kết quả đúng.",
    en: "Press Undo (Ctrl+Z) or run “Tính lại chỉ tiêu” again: running it again always gives the right result.",
  },
  template: {
    vi: "Hãy đóng workbook này không lưu, rồi tạo mẫu trong một workbook trống mới.",
    en: "Close this workbook without saving, then create the template in a new blank workbook.",
  },
  consolidate: { vi: "Hãy bấm Hoàn tác (Ctrl+Z) rồi tổng hợp lại.", en: "Press Undo (Ctrl+Z), then consolidate again." },
};

function reason(failure: HostFailure, language: Language): string {
  if (failure.code === "Timeout") {
    return language === "vi" ? `Excel không trả lời sau ${failure.seconds ?? "?"} giây` : `Excel did not answer within ${failure.seconds ?? "?"} seconds`;
  }
  const known = failure.code ? REASONS[failure.code] : undefined;
  if (known) return known[language];
  const prefix = language === "vi" ? "lỗi Excel" : "Excel error";
  const detail = failure.detail.replace(/[.\s]+$/, "");
  return failure.code ? `${prefix} ${failure.code}: ${detail}` : detail;
}

function state(failure: HostFailure, language: Language, action: FailedAction): string {
  const vi = language === "vi";
  if (failure.stage === "read" || failure.stage === "plan") return vi ? "Chưa ghi gì vào workbook." : "Nothing was written to the workbook.";
  if (failure.stage === "select" || failure.written === "nothing") return vi ? "Chưa có ô nào bị thay đổi." : "No cell was changed.";
  const advice = (ADVICE[action] ?? UNDO)[language];
  const p = failure.progress;
  const earlier = p ? p.block - 1 : 0;
  if (failure.code === "Timeout") {
    // Excel may still finish the batch: nothing can be said about the workbook but that it may have changed.
    return vi
      ? `Không biết Excel đã ghi đến đâu: hãy chờ một lát, xem lại workbook. ${advice}`
      : `It is not known how far Excel got: wait a moment and look at the workbook. ${advice}`;
  }
  if (failure.written === "unknown" || !p || p.done === null) {
    if (p && earlier > 0) {
      return vi
        ? `Đã ghi xong ${earlier}/${p.blocks} khối trước đó; khối lỗi có thể đã ghi một phần. ${advice}`
        : `${earlier}/${p.blocks} earlier blocks were written; the failing block may be partly written. ${advice}`;
    }
    return vi
      ? `Excel không cho biết đã ghi đến đâu; workbook có thể đã thay đổi một phần. ${advice}`
      : `Excel did not say how far it got; the workbook may be partly changed. ${advice}`;
  }
  const blocks = earlier > 0 ? (vi ? `Đã ghi xong ${earlier}/${p.blocks} khối; ` : `${earlier}/${p.blocks} blocks were written; `) : "";
  return vi ? `${blocks}Excel đã làm ${p.done}/${p.total} bước trước khi dừng. ${advice}` : `${blocks}Excel carried out ${p.done}/${p.total} steps before it stopped. ${advice}`;
}

/**
 * The person's own words for a failure, in their language: a refusal as it is worded, a host failure with
 * what happened to the workbook and what to do, anything else prefixed with "not done".
 */
export function describeFailure(error: unknown, language: Language, action: FailedAction = "recalculate"): string {
  if (error instanceof ToolRefusal) return error.message;
  if (error instanceof HostFailure) {
    if (error.stage === "plan") return `${error.detail} ${state(error, language, action)}`;
    const p = error.progress;
    const split = error.stage === "write" && p && p.blocks > 1 ? (language === "vi" ? ` (khối ${p.block}/${p.blocks})` : ` (block ${p.block}/${p.blocks})`) : "";
    return `${HEAD[error.stage][language]}${split}: ${reason(error, language)}. ${state(error, language, action)}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `${language === "vi" ? "Không thực hiện được" : "Not done"}: ${detail}`;
}
