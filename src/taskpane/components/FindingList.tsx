import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../../core/findings/format";
import { renderFinding } from "../../core/findings/render";
import { type IndicatorInputs, indicatorsForFinding } from "../../core/indicators/indicator-inputs";
import type { Finding, Severity } from "../../core/model";
import { counted, SEVERITY_LABELS, STRINGS } from "../strings";

const ORDER: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  line: {
    display: "block",
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: "transparent",
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    overflowWrap: "anywhere",
  },
  button: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, border: `1px solid ${tokens.colorNeutralStroke2}` },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  info: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  affects: { display: "block", color: tokens.colorNeutralForeground3 },
});

function findingText(f: Finding, language: Language): string {
  return renderFinding(f, language);
}

function countText(findings: readonly Finding[], language: Language): string {
  return ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => counted(language, s, n))
    .join(", ");
}

export interface FindingLineProps {
  finding: Finding;
  language: Language;
  /** Indicators whose figures the finding touches, shown under it. */
  affects?: readonly string[];
  onSelect?: (sheet: string, cell: string) => void;
}

/**
 * One finding: its severity in words and colour, then its message, which names its cell itself. With a cell,
 * the whole line is the button that selects it, so its accessible name is what it shows.
 */
export function FindingLine({ finding: f, language, affects = [], onSelect }: FindingLineProps) {
  const styles = useStyles();
  const content = (
    <>
      <span className={styles[f.severity]}>{SEVERITY_LABELS[language][f.severity]}</span> {findingText(f, language)}
      {affects.length > 0 && (
        <span className={styles.affects}>
          {STRINGS[language].affects}: {affects.join(", ")}
        </span>
      )}
    </>
  );
  if (f.cell && f.sheet && onSelect) {
    const { sheet, cell } = f;
    return (
      <button type="button" className={`${styles.line} ${styles.button}`} onClick={() => onSelect(sheet, cell)}>
        {content}
      </button>
    );
  }
  return <div className={styles.line}>{content}</div>;
}

export interface FindingListProps {
  findings: readonly Finding[];
  language?: Language;
  /** Where each indicator reads, to say under each finding which indicators it affects. */
  inputs?: IndicatorInputs;
  /** Selects a finding's cell in the workbook. */
  onSelect?: (sheet: string, cell: string) => void;
  headingId?: string;
}

/** Findings grouped by sheet, errors first within each; the severity is written out, never shown by colour alone. */
export function FindingList({ findings, language = "vi", inputs, onSelect, headingId }: FindingListProps) {
  const styles = useStyles();
  const t = STRINGS[language];
  if (findings.length === 0) return <Body1>{t.noFindings}</Body1>;
  const sheetOf = (f: Finding) => f.sheet ?? t.workbookWide;
  const sheets = [...new Set(findings.map(sheetOf))];
  return (
    <section aria-labelledby={headingId} className={styles.group}>
      <Subtitle2 as="h2" id={headingId} tabIndex={-1}>
        {t.findings} ({countText(findings, language)})
      </Subtitle2>
      {sheets.map((sheet) => {
        const here = findings.filter((f) => sheetOf(f) === sheet).sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
        return (
          <div key={sheet} className={styles.group}>
            <Subtitle2 as="h3">
              {sheet} ({countText(here, language)})
            </Subtitle2>
            <ul className={styles.list}>
              {here.map((f, i) => (
                <li key={i}>
                  <FindingLine finding={f} language={language} affects={inputs ? indicatorsForFinding(inputs, f) : []} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
