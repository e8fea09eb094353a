import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/model";

const LABELS: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };
const ORDER: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
});

function countText(findings: readonly Finding[]): string {
  return ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${LABELS[s].toLowerCase()}`)
    .join(", ");
}

/** Findings grouped by sheet, errors first; the severity is written out, never shown by colour alone. */
export function FindingList({ findings }: { findings: readonly Finding[] }) {
  const styles = useStyles();
  if (findings.length === 0) return <Body1>Không có phát hiện nào: số liệu khớp với định nghĩa Đề án.</Body1>;
  const sheets = [...new Set(findings.map((f) => f.sheet ?? "Workbook"))];
  return (
    <section aria-label="Phát hiện">
      {sheets.map((sheet) => {
        const here = findings.filter((f) => (f.sheet ?? "Workbook") === sheet).sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
        return (
          <div key={sheet} className={styles.group}>
            <Subtitle2 as="h2">
              {sheet} <Caption1>({countText(here)})</Caption1>
            </Subtitle2>
            <ul className={styles.list}>
              {here.map((f, i) => (
                <li key={i}>
                  <span className={styles[f.severity]}>{LABELS[f.severity]}</span>
                  {f.cell ? ` ${f.cell}` : ""}: {f.message}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
