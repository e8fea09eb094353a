import { makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber, formatPercent, type Language } from "../../core/findings/format";
import type { IndicatorResult } from "../../core/model";
import { STATUS_TEXT, STRINGS } from "../strings";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "left" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
});

function shown(i: IndicatorResult, v: number | null, language: Language): string {
  if (v === null) return "–";
  return i.unit === "ratio" ? formatPercent(v, language) : formatNumber(v, language);
}

/** The indicators as the summary sheet shows them: actual, target, achievement and a written status. */
export function IndicatorList({ indicators, language = "vi" }: { indicators: readonly IndicatorResult[]; language?: Language }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const th = (text: string) => (
    <th scope="col" className={styles.cell}>
      {text}
    </th>
  );
  return (
    <table className={styles.table} aria-label={t.indicators}>
      <thead>
        <tr>
          {th(t.code)}
          {th(t.name)}
          {th(t.actual)}
          {th(t.target)}
          {th(t.achievement)}
          {th(t.status)}
          {th(t.change)}
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => (
          <tr key={i.id}>
            <th scope="row" className={styles.cell}>
              {i.id}
            </th>
            <td className={styles.cell}>{i.name}</td>
            <td className={`${styles.cell} ${styles.number}`}>{shown(i, i.actual, language)}</td>
            <td className={`${styles.cell} ${styles.number}`}>{shown(i, i.target, language)}</td>
            <td className={`${styles.cell} ${styles.number}`}>{i.achievement === null ? "–" : formatPercent(i.achievement, language)}</td>
            <td className={styles.cell}>{STATUS_TEXT[language][i.status]}</td>
            <td className={`${styles.cell} ${styles.number}`}>{i.change === null ? "–" : `${i.change > 0 ? "+" : ""}${shown(i, i.change, language)}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
