import { makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber, formatPercent } from "../../core/findings/format";
import type { IndicatorResult } from "../../core/model";
import { STATUS_LABELS } from "../../core/plan/summary";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "left" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
});

function shown(i: IndicatorResult, v: number | null): string {
  if (v === null) return "–";
  return i.unit === "ratio" ? formatPercent(v, "vi") : formatNumber(v, "vi");
}

/** The indicators as the summary sheet shows them: actual, target, achievement and a written status. */
export function IndicatorList({ indicators }: { indicators: readonly IndicatorResult[] }) {
  const styles = useStyles();
  const th = (text: string) => (
    <th scope="col" className={styles.cell}>
      {text}
    </th>
  );
  return (
    <table className={styles.table} aria-label="Chỉ tiêu">
      <thead>
        <tr>
          {th("Mã")}
          {th("Chỉ tiêu")}
          {th("Thực hiện")}
          {th("Mục tiêu")}
          {th("Tỷ lệ đạt")}
          {th("Đánh giá")}
        </tr>
      </thead>
      <tbody>
        {indicators.map((i) => (
          <tr key={i.id}>
            <th scope="row" className={styles.cell}>
              {i.id}
            </th>
            <td className={styles.cell}>{i.name}</td>
            <td className={`${styles.cell} ${styles.number}`}>{shown(i, i.actual)}</td>
            <td className={`${styles.cell} ${styles.number}`}>{shown(i, i.target)}</td>
            <td className={`${styles.cell} ${styles.number}`}>{i.achievement === null ? "–" : formatPercent(i.achievement, "vi")}</td>
            <td className={styles.cell}>{STATUS_LABELS[i.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
