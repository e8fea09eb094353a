import { Badge, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type IndicatorInputs, findingsForIndicator } from "../../core/indicators/indicator-inputs";
import { formatNumber, formatPercent, type Language } from "../../core/findings/format";
import type { Finding, IndicatorResult, IndicatorStatus } from "../../core/model";
import { byUrgency, indicatorName, indicatorUnitLabel, shownValue } from "../indicator-text";
import { counted, STATUS_TEXT, STRINGS } from "../strings";
import { FindingLine } from "./FindingList";

/** The core may say how many rows a ratio left out; older results do not. */
type Result = IndicatorResult & { rowsLeftOut?: number };

const BADGE: Record<IndicatorStatus, "danger" | "warning" | "success" | "informative" | "subtle"> = {
  not_met: "danger",
  no_data: "warning",
  met: "success",
  exceeded: "success",
  no_target: "subtle",
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  missed: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  top: { display: "flex", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0 },
  name: { fontSize: tokens.fontSizeBase300, minWidth: 0 },
  figures: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  linked: { margin: 0, padding: 0, listStyleType: "none" },
  toggle: { alignSelf: "flex-start", minWidth: 0, maxWidth: "100%", height: "auto", textAlign: "left" },
});

function signed(i: IndicatorResult, change: number, language: Language): string {
  const sign = change > 0 ? "+" : "";
  // A ratio's change is in percentage points, not a percentage of itself.
  return i.unit === "ratio" ? `${sign}${formatNumber(change * 100, language, 1)} ${STRINGS[language].points}` : `${sign}${formatNumber(change, language)}`;
}

function figures(i: IndicatorResult, language: Language): string {
  const t = STRINGS[language];
  const unit = indicatorUnitLabel(i, language);
  const actual = `${shownValue(i, i.actual, language)}${unit && i.actual !== null ? ` ${unit}` : ""}`;
  if (i.target === null) return actual;
  const achieved = i.achievement === null ? "" : ` · ${t.achieved} ${formatPercent(i.achievement, language)}`;
  return `${actual} / ${t.target.toLowerCase()} ${shownValue(i, i.target, language)}${achieved}`;
}

function Card({ i, language, findings, onSelect }: { i: Result; language: Language; findings: readonly Finding[]; onSelect?: (sheet: string, cell: string) => void }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [open, setOpen] = useState(false);
  const linkedId = `linked-${i.id}`;
  return (
    <li className={i.status === "not_met" ? `${styles.card} ${styles.missed}` : styles.card} aria-label={`${i.id} ${indicatorName(i, language)}`}>
      <div className={styles.top}>
        <Badge className={styles.badge} appearance="tint" color={BADGE[i.status]}>
          {STATUS_TEXT[language][i.status]}
        </Badge>
        <span className={styles.name}>
          <strong>{i.id}</strong> {indicatorName(i, language)}
        </span>
      </div>
      <span className={styles.figures}>{figures(i, language)}</span>
      {i.change !== null && (
        <Caption1>
          {signed(i, i.change, language)} {t.againstBaseline}
        </Caption1>
      )}
      {(i.rowsLeftOut ?? 0) > 0 && <Caption1>{counted(language, "rowsLeftOut", i.rowsLeftOut!)}</Caption1>}
      {findings.length > 0 && (
        <>
          <Button className={styles.toggle} appearance="transparent" size="small" aria-expanded={open} aria-controls={linkedId} onClick={() => setOpen(!open)}>
            {open ? "▾" : "▸"} {counted(language, "inputFindings", findings.length)}
          </Button>
          <ul id={linkedId} className={styles.linked} hidden={!open}>
            {open && findings.map((f, n) => (
              <li key={n}>
                <FindingLine finding={f} language={language} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

export interface IndicatorCardsProps {
  indicators: readonly IndicatorResult[];
  language?: Language;
  findings?: readonly Finding[];
  inputs?: IndicatorInputs;
  onSelect?: (sheet: string, cell: string) => void;
}

/**
 * One card per indicator, missed first, each with a status in colour and in words. Indicators without a
 * target are folded away: on a 320-pixel pane they would push the missed ones screens down.
 */
export function IndicatorCards({ indicators, language = "vi", findings = [], inputs, onSelect }: IndicatorCardsProps) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [showUntargeted, setShowUntargeted] = useState(false);
  const sorted = byUrgency(indicators);
  const judged = sorted.filter((i) => i.status !== "no_target");
  const untargeted = sorted.filter((i) => i.status === "no_target");
  const card = (i: IndicatorResult) => <Card key={i.id} i={i} language={language} findings={findingsForIndicator(inputs?.[i.id], findings)} onSelect={onSelect} />;
  return (
    <section aria-labelledby="indicators-heading" className={styles.section}>
      <Subtitle2 as="h2" id="indicators-heading">
        {t.indicators}
      </Subtitle2>
      <ul className={styles.list}>{judged.map(card)}</ul>
      {untargeted.length > 0 && (
        <>
          <Button className={styles.toggle} appearance="subtle" aria-expanded={showUntargeted} aria-controls="untargeted" onClick={() => setShowUntargeted(!showUntargeted)}>
            {showUntargeted ? "▾" : "▸"} {counted(language, "noTarget", untargeted.length)}
          </Button>
          <ul id="untargeted" className={showUntargeted ? styles.list : undefined} hidden={!showUntargeted}>
            {showUntargeted && untargeted.map(card)}
          </ul>
        </>
      )}
    </section>
  );
}
