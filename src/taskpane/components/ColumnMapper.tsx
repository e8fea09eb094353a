import { Button, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Language } from "../../core/findings/format";
import type { Finding, FindingOf } from "../../core/model";
import { fillIn, STRINGS } from "../strings";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  field: { flex: "1 1 10rem", minWidth: 0 },
});

const LETTERS = /^[A-Za-z]{1,3}$/;

function MissingColumn({ finding, language, onMap }: { finding: FindingOf<"missing-column">; language: Language; onMap: (sheet: string, field: string, letter: string) => void }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [letter, setLetter] = useState("");
  const valid = LETTERS.test(letter.trim());
  const label = fillIn(language, t.columnFor, { column: finding.params.column, sheet: finding.sheet ?? "" });
  return (
    <div className={styles.row}>
      <Field className={styles.field} label={label} validationState={letter && !valid ? "error" : "none"} validationMessage={letter && !valid ? t.columnLetterHint : undefined}>
        <Input value={letter} onChange={(_, d) => setLetter(d.value)} placeholder="C" />
      </Field>
      <Button disabled={!valid} onClick={() => onMap(finding.sheet!, finding.params.field!, letter.trim().toUpperCase())}>
        {t.useColumn}
      </Button>
    </div>
  );
}

/** For each column the add-in could not find, a way to point at the column that holds it. */
export function ColumnMapper({ findings, language = "vi", onMap }: { findings: readonly Finding[]; language?: Language; onMap: (sheet: string, field: string, letter: string) => void }) {
  const missing = findings.filter((f): f is FindingOf<"missing-column"> => f.code === "missing-column" && f.sheet !== null && f.params.field !== undefined);
  if (missing.length === 0) return null;
  return (
    <section aria-label={STRINGS[language].mapColumns}>
      <Subtitle2 as="h2">{STRINGS[language].mapColumns}</Subtitle2>
      {missing.map((f) => (
        <MissingColumn key={`${f.sheet}/${f.params.field}`} finding={f} language={language} onMap={onMap} />
      ))}
    </section>
  );
}
