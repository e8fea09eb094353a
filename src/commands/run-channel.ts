import type { RunOutcome } from "../app/use-cases";

/**
 * How the ribbon's command tells the task pane what happened. With the shared runtime the manifest declares,
 * both run in one page per workbook, and the last run is kept in that page's memory. Where a platform has no
 * shared runtime they run in separate frames of the same origin: a BroadcastChannel reaches a pane that is
 * open, localStorage keeps the last run for a pane opened later. Every message carries its workbook (the
 * document's URL) so that a run in one workbook never shows in the pane of another; a workbook never saved
 * has no URL and is kept in memory only.
 */
export type RunMessage =
  | { kind: "done"; source: RunSource; at: string; counts: RunOutcome["counts"]; summarySheet: string | null }
  | { kind: "failed"; source: RunSource; at: string; message: string };

type RunSource = "ribbon" | "taskpane";

const CHANNEL = "de-an-02";
const LAST_RUN_KEY = "de-an-02:last-run:";

const inMemory = new Map<string, RunMessage>();

function isRunMessage(value: unknown): value is RunMessage {
  const v = value as Partial<RunMessage> | null;
  return typeof v === "object" && v !== null && (v.kind === "done" || v.kind === "failed") && typeof v.at === "string";
}

/**
 * localStorage, or null where the browser refuses it: Excel on the web with third-party cookies blocked
 * throws a SecurityError on the very access (the pane would go blank if that escaped).
 */
export function safeStorage(): Storage | null {
  try {
    const storage = globalThis.localStorage;
    storage?.getItem(LAST_RUN_KEY);
    return storage ?? null;
  } catch {
    return null;
  }
}

export function publishRun(message: RunMessage, workbook = ""): void {
  inMemory.set(workbook, message);
  if (workbook) {
    try {
      safeStorage()?.setItem(LAST_RUN_KEY + workbook, JSON.stringify(message));
    } catch {
      // Storage full or refused; the channel below still reaches an open pane.
    }
  }
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ workbook, message });
  channel.close();
}

export function lastRun(workbook = ""): RunMessage | null {
  const kept = inMemory.get(workbook);
  if (kept) return kept;
  if (!workbook) return null;
  try {
    const stored = safeStorage()?.getItem(LAST_RUN_KEY + workbook);
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return isRunMessage(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Calls `listener` for every run of this workbook published elsewhere; returns the unsubscribe function. */
export function subscribeRuns(listener: (message: RunMessage) => void, workbook = ""): () => void {
  if (typeof BroadcastChannel === "undefined") return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const data = event.data as { workbook?: unknown; message?: unknown } | null;
    if (data?.workbook === workbook && isRunMessage(data.message)) listener(data.message);
  };
  return () => channel.close();
}
