import type { RunOutcome } from "../app/use-cases";

/**
 * How the ribbon's function file tells the task pane what happened. The two run in separate frames of
 * the same origin: a BroadcastChannel reaches a pane that is open, localStorage keeps the last run for a
 * pane opened later. Neither loads anything, so the function file stays small.
 */
export type RunMessage =
  | { kind: "done"; source: RunSource; at: string; counts: RunOutcome["counts"]; summarySheet: string | null }
  | { kind: "failed"; source: RunSource; at: string; message: string };

export type RunSource = "ribbon" | "taskpane";

const CHANNEL = "de-an-02";
const LAST_RUN_KEY = "de-an-02:last-run";

function isRunMessage(value: unknown): value is RunMessage {
  const v = value as Partial<RunMessage> | null;
  return typeof v === "object" && v !== null && (v.kind === "done" || v.kind === "failed") && typeof v.at === "string";
}

export function publishRun(message: RunMessage): void {
  try {
    globalThis.localStorage?.setItem(LAST_RUN_KEY, JSON.stringify(message));
  } catch {
    // Storage can be off (private windows, policies); the channel below still reaches an open pane.
  }
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage(message);
  channel.close();
}

export function lastRun(): RunMessage | null {
  try {
    const stored = globalThis.localStorage?.getItem(LAST_RUN_KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return isRunMessage(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Calls `listener` for every run published elsewhere; returns the unsubscribe function. */
export function subscribeRuns(listener: (message: RunMessage) => void): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if (isRunMessage(event.data)) listener(event.data);
  };
  return () => channel.close();
}
