import { Caption1, Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../../core/findings/format";
import type { IndicatorResult, SeverityCounts } from "../../core/model";
import { summaryLines } from "../run-summary";
import { STRINGS } from "../strings";

const useStyles = makeStyles({
  body: { overflowWrap: "anywhere" },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface RunSummaryProps {
  title: string;
  counts: SeverityCounts;
  indicators?: readonly IndicatorResult[];
  fromRibbon: boolean;
  language: Language;
  /** Moves to the findings, where there are any to see. */
  onShowFindings?: () => void;
}

/** The headline of a run: targets missed, errors to fix, the worst units. */
export function RunSummary({ title, counts, indicators, fromRibbon, language, onShowFindings }: RunSummaryProps) {
  const styles = useStyles();
  const t = STRINGS[language];
  const intent = counts.error > 0 ? "error" : counts.warning > 0 || indicators?.some((i) => i.status === "not_met") ? "warning" : "success";
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.lines} aria-label={t.headline}>
          {summaryLines(counts, indicators, language).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {onShowFindings && counts.error + counts.warning + counts.info > 0 && (
          <Link as="button" onClick={onShowFindings}>
            {t.seeFindings}
          </Link>
        )}
        {fromRibbon && <Caption1 as="p">{t.fromRibbon}</Caption1>}
      </MessageBarBody>
    </MessageBar>
  );
}
