import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { recalculateWorkbook, validateWorkbook, type RunOutcome } from "../../app/use-cases";
import type { RunMessage } from "../../commands/run-channel";
import { failureMessage } from "../../commands/recalculate-command";
import type { WorkbookHost } from "../../core/model";
import { FindingList } from "./FindingList";
import { IndicatorList } from "./IndicatorList";

export interface RunFeed {
  last(): RunMessage | null;
  subscribe(listener: (message: RunMessage) => void): () => void;
  publish(message: RunMessage): void;
}

export interface AppProps {
  createHost: () => WorkbookHost;
  /** Runs started from the ribbon, and where this pane reports its own. */
  runs?: RunFeed;
}

type Action = "validate" | "recalculate";

type View =
  | { status: "idle" }
  | { status: "busy"; action: Action }
  | { status: "done"; action: Action; counts: RunOutcome["counts"]; fromRibbon: boolean; outcome?: RunOutcome }
  | { status: "failed"; message: string; fromRibbon: boolean };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  counts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function viewOf(message: RunMessage): View {
  const fromRibbon = message.source === "ribbon";
  return message.kind === "done"
    ? { status: "done", action: "recalculate", counts: message.counts, fromRibbon }
    : { status: "failed", message: message.message, fromRibbon };
}

const TITLES: Record<Action, string> = { validate: "Đã kiểm tra workbook", recalculate: "Đã tính lại chỉ tiêu" };

export function App({ createHost, runs }: AppProps) {
  const styles = useStyles();
  const [view, setView] = useState<View>(() => {
    const last = runs?.last();
    return last ? viewOf(last) : { status: "idle" };
  });

  useEffect(() => runs?.subscribe((message) => setView(viewOf(message))), [runs]);

  async function run(action: Action) {
    setView({ status: "busy", action });
    try {
      const outcome = action === "validate" ? await validateWorkbook(createHost()) : await recalculateWorkbook(createHost());
      setView({ status: "done", action, counts: outcome.counts, fromRibbon: false, outcome });
      if (action === "recalculate") runs?.publish({ kind: "done", source: "taskpane", at: new Date().toISOString(), counts: outcome.counts, summarySheet: outcome.summarySheet });
    } catch (error) {
      setView({ status: "failed", message: failureMessage(error), fromRibbon: false });
    }
  }

  const busy = view.status === "busy";
  return (
    <main className={styles.root}>
      <Title3 as="h1">Đề án 02 — Bảng kiểm tra</Title3>
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={busy} onClick={() => run("validate")}>
          Kiểm tra
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => run("recalculate")}>
          Tính lại chỉ tiêu
        </Button>
      </div>
      {view.status === "busy" && <Spinner size="small" label={view.action === "validate" ? "Đang kiểm tra…" : "Đang tính lại…"} />}
      {view.status === "done" && (
        <MessageBar intent={view.counts.error > 0 ? "error" : view.counts.warning > 0 ? "warning" : "success"}>
          <MessageBarBody>
            <MessageBarTitle>{TITLES[view.action]}</MessageBarTitle>
            <ul className={styles.counts} aria-label="Số phát hiện">
              <li>Lỗi: {view.counts.error}</li>
              <li>Cảnh báo: {view.counts.warning}</li>
              <li>Thông tin: {view.counts.info}</li>
            </ul>
            {view.fromRibbon && <Caption1>Từ nút “Tính lại chỉ tiêu” trên ribbon.</Caption1>}
          </MessageBarBody>
        </MessageBar>
      )}
      {view.status === "done" && view.outcome && (
        <>
          <FindingList findings={view.outcome.findings} />
          <IndicatorList indicators={view.outcome.indicators} />
        </>
      )}
      {view.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Không hoàn thành</MessageBarTitle>
            {view.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
