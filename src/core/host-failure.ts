/*
 * A failure of a workbook host, said without any host's own types: the Office host maps Excel's error codes
 * to it, the .xlsx host its own refusals, and src/app/failure.ts words it for the person.
 */
import type { Reason } from "./findings/reasons";

export type WriteState =
  /** Nothing in the workbook changed. */
  | "nothing"
  /** Some of the writes were made. */
  | "partial"
  /** The host could not tell how far it got. */
  | "unknown";

export type FailureStage = "read" | "write" | "select" | "plan";

/** What went wrong, as far as the host could tell; "unknown" keeps the host's code and words for the message. */
export type HostFailureKind =
  | "notFound"
  | "alreadyExists"
  | "protected"
  | "passwordProtected"
  | "editMode"
  | "inactiveWorkbook"
  | "busy"
  | "tooManyCells"
  | "undoNotSupported"
  | "requestTooBig"
  | "responseTooBig"
  | "rangeTooBig"
  | "invalidValue"
  | "invalidReference"
  | "mergeConflict"
  | "conflict"
  | "aborted"
  | "timeout"
  | "notSupported"
  | "notAWorkbook"
  | "unknown";

export interface WriteProgress {
  /** Steps the host had carried out, null when it did not say. */
  done: number | null;
  total: number;
  /** The sync that failed (1-based) and how many the write took. */
  block: number;
  blocks: number;
}

/** Where the failure happened, when the host knows: a file being opened, a sheet, a cell. */
export interface FailurePlace {
  file?: string;
  sheet?: string;
  cell?: string;
}

export interface HostFailureInit {
  stage: FailureStage;
  kind: HostFailureKind;
  written?: WriteState;
  /** The host's own error code (Office: "ItemNotFound", "BadPassword", …), when it gave one. */
  code?: string | null;
  /** What the host said, for a kind the words do not cover. */
  detail: string;
  /** Why a file is not a workbook this tool reads ("notAWorkbook"), as a code the edge words per language. */
  reason?: Reason;
  progress?: WriteProgress | null;
  seconds?: number | null;
  where?: FailurePlace | null;
  cause?: unknown;
}

export class HostFailure extends Error {
  override readonly name: string = "HostFailure";
  readonly stage: FailureStage;
  readonly kind: HostFailureKind;
  readonly written: WriteState;
  readonly code: string | null;
  readonly detail: string;
  readonly reason: Reason | null;
  readonly progress: WriteProgress | null;
  readonly seconds: number | null;
  readonly where: FailurePlace | null;

  constructor(init: HostFailureInit) {
    super(init.detail, init.cause === undefined ? undefined : { cause: init.cause });
    this.stage = init.stage;
    this.kind = init.kind;
    this.written = init.written ?? "nothing";
    this.code = init.code ?? null;
    this.detail = init.detail;
    this.reason = init.reason ?? null;
    this.progress = init.progress ?? null;
    this.seconds = init.seconds ?? null;
    this.where = init.where ?? null;
  }
}
