import { describeFailure } from "../app/failure";
import { recalculateWorkbook } from "../app/use-cases";
import type { WorkbookHost } from "../core/model";
import type { RunMessage } from "./run-channel";

/** The part of Office.AddinCommands.Event the command uses. */
export interface CommandEvent {
  completed(): void;
}

export interface CommandDeps {
  createHost(): WorkbookHost;
  publish(message: RunMessage): void;
  /**
   * Brings the task pane up on the result (Office.addin.showAsTaskpane, shared runtime only). Never awaited:
   * it may not settle where the platform has no shared runtime.
   */
  showTaskpane(): Promise<void>;
  now(): Date;
}

/**
 * The ribbon's "Tính lại chỉ tiêu". On success the summary sheet it rebuilt is shown (it says when it was
 * recalculated and how many findings are open) and the pane, opened, shows the counts; on failure the pane
 * opens on the message. event.completed() is called on every path, once the work has settled, and never
 * waits for the pane: Office holds the next click until it is called. The host's own time limit makes sure
 * the work settles.
 */
export async function tinhLaiChiTieu(event: CommandEvent, deps: CommandDeps): Promise<void> {
  try {
    const host = deps.createHost();
    const outcome = await recalculateWorkbook(host, { now: deps.now() });
    try {
      if (outcome.summarySheet) await host.select?.(outcome.summarySheet, "A1");
    } catch {
      // The summary is written; not showing it is no failure of the recalculation.
    }
    deps.publish({ kind: "done", source: "ribbon", at: deps.now().toISOString(), counts: outcome.counts, summarySheet: outcome.summarySheet });
  } catch (error) {
    try {
      deps.publish({ kind: "failed", source: "ribbon", at: deps.now().toISOString(), message: describeFailure(error, "recalculate", "vi") });
    } catch {
      // The pane shows the last run whenever it is opened.
    }
  } finally {
    try {
      deps.showTaskpane().catch(() => {});
    } catch {
      // Office.addin missing or refusing at once: the pane shows the last run when opened.
    }
    event.completed();
  }
}
