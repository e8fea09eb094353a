import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { formatPercent, type Language } from "../../core/findings/format";
import type { IndicatorResult } from "../../core/model";
import { fillIn, STRINGS } from "../strings";

const SHOWN = 10;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** For each per-unit rate with a target, the units below it, worst first, as the article lists them. */
export function BelowTargetList({ indicators, language = "vi" }: { indicators: readonly IndicatorResult[]; language?: Language }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const lagging = indicators.filter((i) => i.belowTarget && i.belowTarget.length > 0);
  if (lagging.length === 0) return null;
  return (
    <section aria-label={t.belowTarget}>
      <Subtitle2 as="h2">{t.belowTarget}</Subtitle2>
      {lagging.map((i) => (
        <div key={i.id}>
          <p>
            {i.id} — {i.name}: {i.belowTarget!.length} {t.units}
          </p>
          <ol className={styles.list}>
            {i.belowTarget!.slice(0, SHOWN).map((u) => (
              <li key={u.unit}>
                {u.unit}
                {u.numerator !== null && u.denominator !== null ? ` ${u.numerator}/${u.denominator}` : ""} ({formatPercent(u.actual, language)})
              </li>
            ))}
          </ol>
          {i.belowTarget!.length > SHOWN && <p>{fillIn(language, t.more, { n: i.belowTarget!.length - SHOWN })}</p>}
        </div>
      ))}
    </section>
  );
}
