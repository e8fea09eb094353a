import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { describeFailure, type FailedAction } from "../../app/failure";
import type { Language } from "../../core/findings/format";
import { STRINGS } from "../strings";

/** What came of an action: a title and a line each for what it says (a district, a refused file…). */
export type Notice = { intent: "success" | "warning" | "error" | "info"; title?: string; lines: string[] } | null;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function NoticeBar({ notice, className }: { notice: Notice; className?: string }) {
  const styles = useStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} className={className}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.lines.length === 1 ? (
          notice.lines[0]
        ) : notice.lines.length > 1 ? (
          <ul className={styles.list}>
            {notice.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * One action at a time: which is running, and what came of the last one, a failure worded by describeFailure
 * for the action that failed (a failed template never reads as a failed consolidation).
 */
export function useActionRun<A extends FailedAction>(language: Language) {
  const [busy, setBusy] = useState<A | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  async function run(action: A, work: () => Promise<Notice>) {
    setBusy(action);
    setNotice(null);
    try {
      setNotice(await work());
    } catch (error) {
      setNotice({ intent: "error", title: STRINGS[language].actionFailed, lines: [describeFailure(error, action, language)] });
    } finally {
      setBusy(null);
    }
  }
  return { busy, notice, setNotice, run };
}
