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

/** A refusal the person can act on, worded in Vietnamese (and in other languages where it was built from data); nothing was written. */
export class ToolRefusal extends Error {
  constructor(
    message: string,
    readonly wordedIn?: (language: Language) => string,
  ) {
    super(message);
  }
}

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

/** What describeFailure says, in one language. */
export interface FailureWords {
  /** Excel's error codes, said for a person. */
  reasons: Record<string, string>;
  head: Record<Exclude<FailureStage, "plan">, string>;
  /** What to do after a half-done write, by what the person was doing; `undo` otherwise. */
  advice: Partial<Record<FailedAction, string>>;
  undo: string;
  timeout(seconds: number | string): string;
  excelError: string;
  nothingWritten: string;
  noCellChanged: string;
  timedOut(advice: string): string;
  blocksThenUnknown(earlier: number, blocks: number, advice: string): string;
  unknown(advice: string): string;
  stepsDone(blocks: string, done: number, total: number, advice: string): string;
  blocksDone(earlier: number, blocks: number): string;
  block(block: number, blocks: number): string;
  notDone: string;
}

/**
 * Vietnamese, always present. Excel's error codes: Excel.ErrorCodes and "Error handling with the
 * application-specific JavaScript APIs" (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
const VI: FailureWords = {
  reasons: {
    ItemNotFound: "không tìm thấy một sheet hoặc vùng ô (có thể sheet vừa bị đổi tên hoặc xóa)",
    ItemAlreadyExists: "đã có một sheet trùng tên trong workbook",
    AccessDenied: "sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc",
    BadPassword: "một sheet cần ghi được bảo vệ bằng mật khẩu; hãy bỏ bảo vệ sheet đó (Xem lại › Bỏ bảo vệ Trang tính) rồi bấm lại",
    InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm lại",
    InactiveWorkbook: "đang mở nhiều workbook và workbook này không còn là cửa sổ đang làm việc: hãy bấm vào workbook này rồi bấm lại",
    InvalidOperation: "Excel không cho phép thao tác này lúc này (sheet ẩn, sheet được bảo vệ hoặc workbook đang bận)",
    OperationCellsExceedLimit: "thao tác chạm quá nhiều ô so với giới hạn của Excel",
    UndoNotSupported: "Excel không gộp được các thay đổi thành một bước Hoàn tác",
    RequestPayloadSizeLimitExceeded: "khối dữ liệu gửi đến Excel quá lớn",
    ResponsePayloadSizeLimitExceeded: "khối dữ liệu Excel trả về quá lớn",
    RangeExceedsLimit: "vùng ô vượt giới hạn Excel cho một lần đọc hoặc ghi",
    InvalidArgument: "Excel từ chối một giá trị, địa chỉ ô hoặc công thức",
    InvalidReference: "một tham chiếu ô hoặc sheet không hợp lệ",
    MergedRangeConflict: "vướng ô gộp có sẵn",
    Conflict: "workbook đang được người khác sửa cùng lúc",
    RequestAborted: "yêu cầu bị hủy giữa chừng",
  },
  head: { read: "Không đọc được workbook", write: "Không ghi được kết quả vào workbook", select: "Không chọn được ô" },
  advice: {
    recalculate: "Hãy bấm Hoàn tác (Ctrl+Z) hoặc chạy lại “Tính lại chỉ tiêu”: chạy lại luôn cho kết quả đúng.",
    template: "Hãy đóng workbook này không lưu, rồi tạo mẫu trong một workbook trống mới.",
    consolidate: "Hãy bấm Hoàn tác (Ctrl+Z) rồi tổng hợp lại.",
  },
  undo: "Hãy bấm Hoàn tác (Ctrl+Z) để bỏ phần đã ghi.",
  timeout: (seconds) => `Excel không trả lời sau ${seconds} giây`,
  excelError: "lỗi Excel",
  nothingWritten: "Chưa ghi gì vào workbook.",
  noCellChanged: "Chưa có ô nào bị thay đổi.",
  // Excel may still finish the batch: nothing can be said about the workbook but that it may have changed.
  timedOut: (advice) => `Không biết Excel đã ghi đến đâu: hãy chờ một lát, xem lại workbook. ${advice}`,
  blocksThenUnknown: (earlier, blocks, advice) => `Đã ghi xong ${earlier}/${blocks} khối trước đó; khối lỗi có thể đã ghi một phần. ${advice}`,
  unknown: (advice) => `Excel không cho biết đã ghi đến đâu; workbook có thể đã thay đổi một phần. ${advice}`,
  stepsDone: (blocks, done, total, advice) => `${blocks}Excel đã làm ${done}/${total} bước trước khi dừng. ${advice}`,
  blocksDone: (earlier, blocks) => `Đã ghi xong ${earlier}/${blocks} khối; `,
  block: (block, blocks) => ` (khối ${block}/${blocks})`,
  notDone: "Không thực hiện được",
};

/**
 * Other languages are registered by the task pane (failure-en.ts), so that the ribbon's bundle, which
 * reports in Vietnamese only, does not carry them. A language not registered is said in Vietnamese.
 */
const WORDS: Partial<Record<Language, FailureWords>> = { vi: VI };

export function addFailureWords(language: Language, words: FailureWords): void {
  WORDS[language] = words;
}

function reason(failure: HostFailure, w: FailureWords): string {
  if (failure.code === "Timeout") return w.timeout(failure.seconds ?? "?");
  const known = failure.code ? w.reasons[failure.code] : undefined;
  if (known) return known;
  const detail = failure.detail.replace(/[.\s]+$/, "");
  return failure.code ? `${w.excelError} ${failure.code}: ${detail}` : detail;
}

function state(failure: HostFailure, w: FailureWords, action: FailedAction): string {
  if (failure.stage === "read" || failure.stage === "plan") return w.nothingWritten;
  if (failure.stage === "select" || failure.written === "nothing") return w.noCellChanged;
  const advice = w.advice[action] ?? w.undo;
  const p = failure.progress;
  const earlier = p ? p.block - 1 : 0;
  if (failure.code === "Timeout") return w.timedOut(advice);
  if (failure.written === "unknown" || !p || p.done === null) return p && earlier > 0 ? w.blocksThenUnknown(earlier, p.blocks, advice) : w.unknown(advice);
  return w.stepsDone(earlier > 0 ? w.blocksDone(earlier, p.blocks) : "", p.done, p.total, advice);
}

/**
 * The person's own words for a failure, in their language: a refusal as it is worded, a host failure with
 * what happened to the workbook and what to do, anything else prefixed with "not done".
 */
export function describeFailure(error: unknown, language: Language, action: FailedAction = "recalculate"): string {
  if (error instanceof ToolRefusal) return error.wordedIn?.(language) ?? error.message;
  const w = WORDS[language] ?? VI;
  if (error instanceof HostFailure) {
    if (error.stage === "plan") return `${error.detail} ${state(error, w, action)}`;
    const p = error.progress;
    const split = error.stage === "write" && p && p.blocks > 1 ? w.block(p.block, p.blocks) : "";
    return `${w.head[error.stage]}${split}: ${reason(error, w)}. ${state(error, w, action)}`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `${w.notDone}: ${detail}`;
}
