/**
 * Failures of the Office host, said in Vietnamese for the person at the keyboard, with what happened to
 * the workbook. Office.js does not roll a batch back: the requests before the failing one stay applied.
 * The writer marks each step with context.trace, and Excel returns the marks it reached with the error,
 * so the message can say whether anything was written.
 */

export type WriteState =
  /** Nothing in the workbook changed. */
  | "nothing"
  /** Some of the writes were made; running "Tính lại chỉ tiêu" again finishes the job. */
  | "partial"
  /** Excel did not say how far it got. */
  | "unknown";

export class OfficeHostError extends Error {
  override readonly name = "OfficeHostError";
  constructor(
    message: string,
    readonly written: WriteState,
    /** The Office error code (e.g. "ItemNotFound"), when Excel gave one. */
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  traceMessages?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

export function officeErrorCode(error: unknown): string | null {
  const code = (error as OfficeErrorLike | null)?.code;
  return typeof code === "string" ? code : null;
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Trace marks Excel reached before the error, [] when it reached none, null when it did not say. */
export function reachedTraces(error: unknown): string[] | null {
  const traces = (error as OfficeErrorLike | null)?.traceMessages;
  return Array.isArray(traces) ? traces.filter((t): t is string => typeof t === "string") : null;
}

const REASONS: Record<string, string> = {
  ItemNotFound: "không tìm thấy một sheet hoặc vùng ô (có thể sheet vừa bị đổi tên hoặc xóa)",
  ItemAlreadyExists: "đã có một sheet trùng tên trong workbook",
  AccessDenied: "sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc",
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm lại",
  RequestPayloadSizeLimitExceeded: "khối dữ liệu gửi đến Excel quá lớn",
  ResponsePayloadSizeLimitExceeded: "khối dữ liệu Excel trả về quá lớn",
  RangeExceedsLimit: "vùng ô vượt giới hạn Excel cho một lần đọc hoặc ghi",
  InvalidArgument: "Excel từ chối một giá trị, địa chỉ ô hoặc công thức",
  InvalidReference: "một tham chiếu ô hoặc sheet không hợp lệ",
  MergedRangeConflict: "vướng ô gộp có sẵn",
  Conflict: "workbook đang được người khác sửa cùng lúc",
  RequestAborted: "yêu cầu bị hủy giữa chừng",
};

export function describeOfficeError(error: unknown): string {
  const code = officeErrorCode(error);
  const known = code ? REASONS[code] : undefined;
  if (known) return known;
  const message = (error as OfficeErrorLike | null)?.message;
  const text = typeof message === "string" && message ? message : String(error);
  return code ? `lỗi Excel ${code}: ${text}` : text;
}

export function selectError(error: unknown): OfficeHostError {
  return new OfficeHostError(`Không chọn được ô: ${describeOfficeError(error)}.`, "nothing", officeErrorCode(error), { cause: error });
}

export function readError(error: unknown): OfficeHostError {
  return new OfficeHostError(
    `Không đọc được workbook: ${describeOfficeError(error)}. Chưa ghi gì vào workbook.`,
    "nothing",
    officeErrorCode(error),
    { cause: error },
  );
}

const RERUN = "Hãy bấm Hoàn tác (Ctrl+Z) hoặc chạy lại “Tính lại chỉ tiêu”: chạy lại luôn cho kết quả đúng.";

/**
 * A failed write. `done` and `total` count the plan's steps; `block` and `blocks` the syncs when the
 * write had to be split (block is 1-based, the one that failed).
 */
export function writeError(error: unknown, progress: { done: number | null; total: number; block: number; blocks: number }): OfficeHostError {
  const reason = describeOfficeError(error);
  const code = officeErrorCode(error);
  const earlierBlocks = progress.block - 1;
  const split = progress.blocks > 1 ? ` (khối ${progress.block}/${progress.blocks})` : "";
  let state: WriteState;
  let what: string;
  if (progress.done === 0 && earlierBlocks === 0) {
    state = "nothing";
    what = "Chưa có ô nào bị thay đổi.";
  } else if (progress.done === null) {
    state = earlierBlocks > 0 ? "partial" : "unknown";
    what = earlierBlocks > 0
      ? `Đã ghi xong ${earlierBlocks}/${progress.blocks} khối trước đó; khối lỗi có thể đã ghi một phần. ${RERUN}`
      : `Excel không cho biết đã ghi đến đâu; workbook có thể đã thay đổi một phần. ${RERUN}`;
  } else {
    state = "partial";
    const blocks = earlierBlocks > 0 ? `Đã ghi xong ${earlierBlocks}/${progress.blocks} khối; ` : "";
    what = `${blocks}Excel đã làm ${progress.done}/${progress.total} bước trước khi dừng. ${RERUN}`;
  }
  return new OfficeHostError(`Không ghi được kết quả vào workbook${split}: ${reason}. ${what}`, state, code, { cause: error });
}

export function planError(message: string): OfficeHostError {
  return new OfficeHostError(`${message} Chưa ghi gì vào workbook.`, "nothing", null);
}
