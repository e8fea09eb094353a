import { Body1, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../../core/findings/format";
import { renderMessage } from "../../core/findings/render";
import type { Finding, Severity } from "../../core/model";
import { SEVERITY_LABELS, STRINGS } from "../strings";

const ORDER: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
});

function countText(findings: readonly Finding[], language: Language): string {
  return ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${SEVERITY_LABELS[language][s].toLowerCase()}`)
    .join(", ");
}

/** Findings grouped by sheet, errors first; the severity is written out, never shown by colour alone. */
export interface FindingListProps {
  findings: readonly Finding[];
  language?: Language;
  /** Selects a finding's cell in the workbook. */
  onSelect?: (sheet: string, cell: string) => void;
}

export function FindingList({ findings, language = "vi", onSelect }: FindingListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <Body1>{STRINGS[language].noFindings}</Body1>;
  const sheets = [...new Set(findings.map((f) => f.sheet ?? "Workbook"))];
  return (
    <section aria-label={STRINGS[language].findings}>
      {sheets.map((sheet) => {
        const here = findings.filter((f) => (f.sheet ?? "Workbook") === sheet).sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
        return (
          <div key={sheet} className={styles.group}>
            <Subtitle2 as="h2">
              {sheet} <Caption1>({countText(here, language)})</Caption1>
            </Subtitle2>
            <ul className={styles.list}>
              {here.map((f, i) => (
                <li key={i}>
                  <span className={styles[f.severity]}>{SEVERITY_LABELS[language][f.severity]}</span>{" "}
                  {f.cell && f.sheet && onSelect ? (
                    <Link as="button" aria-label={`${STRINGS[language].selectCell} ${f.sheet}!${f.cell}`} onClick={() => onSelect(f.sheet!, f.cell!)}>
                      {f.cell}
                    </Link>
                  ) : (
                    f.cell
                  )}
                  : {language === "vi" ? f.message : renderMessage(f.code, f.params, language)}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
