/**
 * Failures of the Office host. Office.js does not roll a batch back: the requests before the failing one
 * stay applied. The writer marks each step with context.trace, and Excel returns the marks it reached with
 * the error, so the failure can say whether anything was written. Excel's error codes map to the core's
 * host-neutral kinds; the words are src/app/failure.ts's.
 */
import { describeFailure } from "../../app/failure";
import { type FailureStage, HostFailure, type HostFailureKind, type WriteProgress, type WriteState } from "../../core/host-failure";

export type { WriteState };

/** Excel.ErrorCodes (and the host's own "Timeout") by what they mean for the person. */
const KINDS = new Map<string, HostFailureKind>(Object.entries({
  ItemNotFound: "notFound",
  ItemAlreadyExists: "alreadyExists",
  AccessDenied: "protected",
  BadPassword: "passwordProtected",
  InvalidOperationInCellEditMode: "editMode",
  InactiveWorkbook: "inactiveWorkbook",
  InvalidOperation: "busy",
  OperationCellsExceedLimit: "tooManyCells",
  UndoNotSupported: "undoNotSupported",
  RequestPayloadSizeLimitExceeded: "requestTooBig",
  ResponsePayloadSizeLimitExceeded: "responseTooBig",
  RangeExceedsLimit: "rangeTooBig",
  InvalidArgument: "invalidValue",
  InvalidReference: "invalidReference",
  MergedRangeConflict: "mergeConflict",
  Conflict: "conflict",
  RequestAborted: "aborted",
  ApiNotFound: "notSupported",
  NotImplemented: "notSupported",
  UnsupportedOperation: "notSupported",
  Timeout: "timeout",
} satisfies Record<string, HostFailureKind>));

function failureKind(code: string | null): HostFailureKind {
  return (code !== null ? KINDS.get(code) : undefined) ?? "unknown";
}

/** A HostFailure whose message is already the Vietnamese description, for logs and the tests. */
export class OfficeHostError extends HostFailure {
  override readonly name = "OfficeHostError";
  constructor(
    stage: FailureStage,
    written: WriteState,
    code: string | null,
    detail: string,
    progress: WriteProgress | null = null,
    options: { cause?: unknown; seconds?: number } = {},
  ) {
    super({ stage, written, kind: failureKind(code), code, detail, progress, ...options });
    this.message = describeFailure(this, "recalculate", "vi");
  }
}

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  traceMessages?: unknown;
}

function officeErrorCode(error: unknown): string | null {
  const code = (error as OfficeErrorLike | null)?.code;
  return typeof code === "string" ? code : null;
}

function detailOf(error: unknown): string {
  const message = (error as OfficeErrorLike | null)?.message;
  return typeof message === "string" && message ? message : String(error);
}

export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** Excel.run({ mergeUndoGroup: true }) met a call it cannot undo (excel-add-ins-undo-capabilities.md). */
export function isUndoNotSupported(error: unknown): boolean {
  const cause = error instanceof HostFailure ? error.cause : error;
  return officeErrorCode(cause) === "UndoNotSupported" || (error instanceof HostFailure && error.code === "UndoNotSupported");
}

/** Trace marks Excel reached before the error, [] when it reached none, null when it did not say. */
export function reachedTraces(error: unknown): string[] | null {
  const traces = (error as OfficeErrorLike | null)?.traceMessages;
  return Array.isArray(traces) ? traces.filter((t): t is string => typeof t === "string") : null;
}

export function selectError(error: unknown): OfficeHostError {
  return new OfficeHostError("select", "nothing", officeErrorCode(error), detailOf(error), null, { cause: error });
}

export function readError(error: unknown): OfficeHostError {
  if (error instanceof OfficeHostError) return error;
  return new OfficeHostError("read", "nothing", officeErrorCode(error), detailOf(error), null, { cause: error });
}

/**
 * A failed write. `done` and `total` count the plan's steps; `block` and `blocks` the syncs when the
 * write had to be split (block is 1-based, the one that failed).
 */
export function writeError(error: unknown, progress: WriteProgress): OfficeHostError {
  if (error instanceof OfficeHostError) return error;
  const earlierBlocks = progress.block - 1;
  let state: WriteState;
  if (progress.done === 0 && earlierBlocks === 0) state = "nothing";
  else if (progress.done === null) state = earlierBlocks > 0 ? "partial" : "unknown";
  else state = "partial";
  return new OfficeHostError("write", state, officeErrorCode(error), detailOf(error), progress, { cause: error });
}

/** Unprotecting or hiding sheets failed before any of the plan was written. */
export function beforeError(error: unknown): OfficeHostError {
  if (error instanceof OfficeHostError && error.code === "Timeout") return error;
  const cause = error instanceof HostFailure ? (error.cause ?? error) : error;
  return new OfficeHostError("write", "nothing", officeErrorCode(cause) ?? (error instanceof HostFailure ? error.code : null), detailOf(cause), null, { cause });
}

/** Excel did not answer in time; for a write nobody can say what it changed. */
export function timeoutError(kind: "read" | "write" | "select", ms: number): OfficeHostError {
  const seconds = Math.round(ms / 1000);
  return new OfficeHostError(kind, kind === "write" ? "unknown" : "nothing", "Timeout", `${seconds} s`, null, { seconds });
}

export function planError(message: string): OfficeHostError {
  return new OfficeHostError("plan", "nothing", null, message);
}
