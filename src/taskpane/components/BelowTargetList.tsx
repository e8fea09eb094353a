import { Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Language } from "../../core/findings/format";
import type { IndicatorResult } from "../../core/model";
import { byUrgency, indicatorName, shownValue, unitFigure } from "../indicator-text";
import { counted, fillIn, STRINGS } from "../strings";

/** Enough to see the worst at a glance; the rest is one click away, never cut off. */
const SHOWN = 5;

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  toggle: { alignSelf: "flex-start", minWidth: 0, maxWidth: "100%", height: "auto" },
});

function Units({ i, language }: { i: IndicatorResult; language: Language }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [all, setAll] = useState(false);
  const units = i.belowTarget!;
  const listId = `below-${i.id}`;
  return (
    <div className={styles.block}>
      <Subtitle2 as="h3">
        {i.id} — {indicatorName(i, language)}
      </Subtitle2>
      <Caption1>
        {counted(language, "unitsBelow", units.length)}. {fillIn(language, t.belowTargetOf, { target: shownValue(i, i.target, language) })}
      </Caption1>
      <ol id={listId} className={styles.list}>
        {(all ? units : units.slice(0, SHOWN)).map((u) => (
          <li key={u.unit}>
            {u.unit} {unitFigure(u, language)}
          </li>
        ))}
      </ol>
      {units.length > SHOWN && (
        <Button className={styles.toggle} appearance="transparent" size="small" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
          {all ? t.showFewer : fillIn(language, t.showAll, { n: units.length })}
        </Button>
      )}
    </div>
  );
}

/** For each per-unit rate with a target, every unit below it, worst first, as the article lists them; missed indicators first. */
export function BelowTargetList({ indicators, language = "vi" }: { indicators: readonly IndicatorResult[]; language?: Language }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const lagging = byUrgency(indicators).filter((i) => i.belowTarget && i.belowTarget.length > 0);
  if (lagging.length === 0) return null;
  return (
    <section aria-labelledby="below-target-heading" className={styles.section}>
      <Subtitle2 as="h2" id="below-target-heading">
        {t.belowTarget}
      </Subtitle2>
      {lagging.map((i) => (
        <Units key={i.id} i={i} language={language} />
      ))}
    </section>
  );
}
