import type { Language } from "../core/findings/format";
import { type Reason, renderVietnameseReason } from "../core/findings/reasons";
import { HostFailure, type FailureStage, type HostFailureKind } from "../core/host-failure";

export { HostFailure } from "../core/host-failure";

/*
 * One way to say what went wrong, for the ribbon, the task pane, its tools and the web page. A host throws a
 * HostFailure (src/core/host-failure.ts) that says what it was doing, what went wrong and how much of the
 * workbook it had changed; describeFailure words it for the person, naming the action that failed, with
 * advice that fits it: running "Tính lại chỉ tiêu" again is the cure after a half-written recalculation,
 * not after a half-written template.
 */

/** What the person asked for when it failed. */
export type FailedAction = "recalculate" | "validate" | "template" | "consolidate" | "targets" | "mapping" | "convert" | "select" | "open" | "download";

/** A refusal the person can act on, worded in Vietnamese (and in other languages where it was built from data); nothing was written. */
export class ToolRefusal extends Error {
  constructor(
    message: string,
    readonly wordedIn?: (language: Language) => string,
  ) {
    super(message);
  }
}

/** The kinds a host names and the words cover; "unknown" is said with the host's own code and words. */
type NamedKind = Exclude<HostFailureKind, "unknown" | "timeout" | "notAWorkbook">;

/** What describeFailure says, in one language. */
export interface FailureWords {
  /** What went wrong in the host, said for a person. */
  reasons: Record<NamedKind, string>;
  /** What failed, for the run actions (their whole work is reading and writing the workbook). */
  head: Record<Exclude<FailureStage, "plan">, string>;
  /** The action that failed, named first for every action but the runs. */
  actions: Record<FailedAction, string>;
  /** What the host was doing when another action failed. */
  during: Record<Exclude<FailureStage, "plan">, string>;
  /** What to do after a half-done write, by what the person was doing; `undo` otherwise. */
  advice: Partial<Record<FailedAction, string>>;
  undo: string;
  timeout(seconds: number | string): string;
  excelError: string;
  /** Why a file is not a workbook this tool reads. */
  fileReason(reason: Reason): string;
  sheet(sheet: string): string;
  cell(sheet: string, cell: string): string;
  nothingWritten: string;
  noCellChanged: string;
  timedOut(advice: string): string;
  blocksThenUnknown(earlier: number, blocks: number, advice: string): string;
  unknown(advice: string): string;
  stepsDone(blocks: string, done: number, total: number, advice: string): string;
  blocksDone(earlier: number, blocks: number): string;
  block(block: number, blocks: number): string;
}

/**
 * Vietnamese, always present. Excel's error codes, which the Office host maps to the kinds: Excel.ErrorCodes and
 * "Error handling with the application-specific JavaScript APIs" (learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 */
const VI: FailureWords = {
  reasons: {
    notFound: "không tìm thấy một sheet hoặc vùng ô (có thể sheet vừa bị đổi tên hoặc xóa)",
    alreadyExists: "đã có một sheet trùng tên trong workbook",
    protected: "sheet hoặc workbook đang được bảo vệ, hoặc workbook chỉ cho đọc",
    passwordProtected: "một sheet cần ghi được bảo vệ bằng mật khẩu; hãy bỏ bảo vệ sheet đó (Xem lại › Bỏ bảo vệ Trang tính) rồi bấm lại",
    editMode: "Excel đang ở chế độ sửa ô: nhấn Enter hoặc Esc rồi bấm lại",
    inactiveWorkbook: "đang mở nhiều workbook và workbook này không còn là cửa sổ đang làm việc: hãy bấm vào workbook này rồi bấm lại",
    busy: "Excel không cho phép thao tác này lúc này (sheet ẩn, sheet được bảo vệ hoặc workbook đang bận)",
    tooManyCells: "thao tác chạm quá nhiều ô so với giới hạn của Excel",
    undoNotSupported: "Excel không gộp được các thay đổi thành một bước Hoàn tác",
    requestTooBig: "khối dữ liệu gửi đến Excel quá lớn",
    responseTooBig: "khối dữ liệu Excel trả về quá lớn",
    rangeTooBig: "vùng ô vượt giới hạn Excel cho một lần đọc hoặc ghi",
    invalidValue: "Excel từ chối một giá trị, địa chỉ ô hoặc công thức",
    invalidReference: "một tham chiếu ô hoặc sheet không hợp lệ",
    mergeConflict: "vướng ô gộp có sẵn",
    conflict: "workbook đang được người khác sửa cùng lúc",
    aborted: "yêu cầu bị hủy giữa chừng",
    notSupported: "phiên bản Excel này không hỗ trợ thao tác này; hãy cập nhật Excel hoặc dùng trang web của Đề án 02",
  },
  head: { read: "Không đọc được workbook", write: "Không ghi được kết quả vào workbook", select: "Không chọn được ô" },
  actions: {
    recalculate: "Không tính lại được chỉ tiêu",
    validate: "Không kiểm tra được workbook",
    template: "Không tạo được mẫu",
    consolidate: "Không tổng hợp được",
    targets: "Không lưu được chỉ tiêu kế hoạch",
    mapping: "Không ghi nhớ được cột đã chọn",
    convert: "Không chuyển được bảng mã cũ sang Unicode",
    select: "Không chọn được ô",
    open: "Không mở được",
    download: "Không tạo được tệp để tải về",
  },
  during: { read: "lỗi khi đọc workbook", write: "lỗi khi ghi vào workbook", select: "lỗi khi chọn ô" },
  advice: {
    recalculate: "Hãy bấm Hoàn tác (Ctrl+Z) hoặc chạy lại “Tính lại chỉ tiêu”: chạy lại luôn cho kết quả đúng.",
    template: "Hãy đóng workbook này không lưu, rồi tạo mẫu trong một workbook trống mới.",
    consolidate: "Hãy bấm Hoàn tác (Ctrl+Z) rồi tổng hợp lại.",
  },
  undo: "Hãy bấm Hoàn tác (Ctrl+Z) để bỏ phần đã ghi.",
  timeout: (seconds) => `Excel không trả lời sau ${seconds} giây`,
  excelError: "lỗi Excel",
  fileReason: renderVietnameseReason,
  sheet: (sheet) => `sheet “${sheet}”`,
  cell: (sheet, cell) => `ô ${cell} của sheet “${sheet}”`,
  nothingWritten: "Chưa ghi gì vào workbook.",
  noCellChanged: "Chưa có ô nào bị thay đổi.",
  // Excel may still finish the batch: nothing can be said about the workbook but that it may have changed.
  timedOut: (advice) => `Không biết Excel đã ghi đến đâu: hãy chờ một lát, xem lại workbook. ${advice}`,
  blocksThenUnknown: (earlier, blocks, advice) => `Đã ghi xong ${earlier}/${blocks} khối trước đó; khối lỗi có thể đã ghi một phần. ${advice}`,
  unknown: (advice) => `Excel không cho biết đã ghi đến đâu; workbook có thể đã thay đổi một phần. ${advice}`,
  stepsDone: (blocks, done, total, advice) => `${blocks}Excel đã làm ${done}/${total} bước trước khi dừng. ${advice}`,
  blocksDone: (earlier, blocks) => `Đã ghi xong ${earlier}/${blocks} khối; `,
  block: (block, blocks) => ` (khối ${block}/${blocks})`,
};

/**
 * Other languages are registered by the task pane (failure-en.ts), so that the ribbon's bundle, which
 * reports in Vietnamese only, does not carry them. A language not registered is said in Vietnamese.
 */
const WORDS: Partial<Record<Language, FailureWords>> = { vi: VI };

export function addFailureWords(language: Language, words: FailureWords): void {
  WORDS[language] = words;
}

function place(failure: HostFailure, w: FailureWords): string {
  const where = failure.where;
  if (!where?.sheet) return "";
  return ` (${where.cell ? w.cell(where.sheet, where.cell) : w.sheet(where.sheet)})`;
}

function reason(failure: HostFailure, w: FailureWords): string {
  if (failure.kind === "timeout") return w.timeout(failure.seconds ?? "?");
  if (failure.reason) return w.fileReason(failure.reason);
  const known = failure.kind === "unknown" || failure.kind === "notAWorkbook" ? undefined : w.reasons[failure.kind];
  if (known) return known + place(failure, w);
  const detail = failure.detail.replace(/[.\s]+$/, "");
  return (failure.code ? `${w.excelError} ${failure.code}: ${detail}` : detail) + place(failure, w);
}

function state(failure: HostFailure, w: FailureWords, action: FailedAction): string {
  if (failure.stage === "read" || failure.stage === "plan") return w.nothingWritten;
  if (failure.stage === "select" || failure.written === "nothing") return w.noCellChanged;
  const advice = w.advice[action] ?? w.undo;
  const p = failure.progress;
  const earlier = p ? p.block - 1 : 0;
  if (failure.kind === "timeout") return w.timedOut(advice);
  if (failure.written === "unknown" || !p || p.done === null) return p && earlier > 0 ? w.blocksThenUnknown(earlier, p.blocks, advice) : w.unknown(advice);
  return w.stepsDone(earlier > 0 ? w.blocksDone(earlier, p.blocks) : "", p.done, p.total, advice);
}

/** A run's whole work is reading and writing the workbook: what the host was doing is its headline. */
const RUNS: ReadonlySet<FailedAction> = new Set<FailedAction>(["recalculate", "validate", "select"]);

function describeHostFailure(failure: HostFailure, action: FailedAction, w: FailureWords): string {
  // Opening a file writes nothing anywhere: the file and why it is not a workbook say it all.
  if (action === "open") return `${w.actions.open}${failure.where?.file ? ` “${failure.where.file}”` : ""}: ${reason(failure, w)}.`;
  if (failure.stage === "plan") return `${RUNS.has(action) ? "" : `${w.actions[action]}: `}${failure.detail} ${state(failure, w, action)}`;
  const p = failure.progress;
  const split = failure.stage === "write" && p && p.blocks > 1 ? w.block(p.block, p.blocks) : "";
  const head = RUNS.has(action) ? w.head[failure.stage] : `${w.actions[action]} (${w.during[failure.stage]})`;
  return `${head}${split}: ${reason(failure, w)}. ${state(failure, w, action)}`;
}

/**
 * The person's own words for a failure of `action`, in their language: a refusal as it is worded, a host
 * failure with what happened to the workbook and what to do, anything else after the action's name.
 */
export function describeFailure(error: unknown, action: FailedAction, language: Language): string {
  if (error instanceof ToolRefusal) return error.wordedIn?.(language) ?? error.message;
  const w = WORDS[language] ?? VI;
  if (error instanceof HostFailure) return describeHostFailure(error, action, w);
  const detail = error instanceof Error ? error.message : String(error);
  return `${w.actions[action]}: ${detail}`;
}
