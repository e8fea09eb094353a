import { recalculateWorkbook } from "../app/use-cases";
import type { WorkbookHost } from "../core/model";
import { OfficeHostError } from "../hosts/office/host-error";
import type { RunMessage } from "./run-channel";

/** The part of Office.AddinCommands.Event the command uses. */
export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  createHost(): WorkbookHost;
  publish(message: RunMessage): void;
  /** Brings the task pane up to show a failure; may be impossible (no shared runtime), which is fine. */
  showTaskpane(): Promise<void>;
  now(): Date;
}

export function failureMessage(error: unknown): string {
  if (error instanceof OfficeHostError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Không tính lại được chỉ tiêu: ${detail}`;
}

/**
 * The ribbon's "Tính lại chỉ tiêu". The summary sheet the plan rebuilds says when it was recalculated
 * and how many findings are open, so success needs no message; a failure goes to the task pane.
 * event.completed() is called on every path: Office holds the next click until it is.
 */
export async function tinhLaiChiTieu(event: CommandEvent, deps: CommandDeps): Promise<void> {
  try {
    const outcome = await recalculateWorkbook(deps.createHost(), { now: deps.now() });
    deps.publish({ kind: "done", source: "ribbon", at: deps.now().toISOString(), counts: outcome.counts, summarySheet: outcome.summarySheet });
  } catch (error) {
    try {
      deps.publish({ kind: "failed", source: "ribbon", at: deps.now().toISOString(), message: failureMessage(error) });
      await deps.showTaskpane();
    } catch {
      // The pane shows the last run whenever it is opened.
    }
  } finally {
    event.completed();
  }
}
