import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { type Language, roundExcel } from "../../core/findings/format";
import type { IndicatorResult } from "../../core/model";
import { parseNumberText } from "../../core/read/cell-number";
import type { TargetEdits } from "../../core/template/targets-sheet";
import { indicatorName } from "../indicator-text";
import { STRINGS } from "../strings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/** Ratios are typed as percentages ("75" or "75%"), counts as numbers, both in either separator convention. */
function typedToValue(text: string, ratio: boolean): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = parseNumberText(trimmed.replace(/%$/, ""));
  if (value === null) return undefined;
  return ratio ? value / 100 : value;
}

function valueToTyped(value: number | null, ratio: boolean, language: Language): string {
  if (value === null) return "";
  const plain = String(roundExcel(ratio ? value * 100 : value, 4));
  return language === "vi" ? plain.replace(".", ",") : plain;
}

/** Edits the targets kept in the workbook's Chỉ tiêu sheet; only the changed ones are saved. */
export function TargetsEditor({ indicators, language = "vi", onSave }: { indicators: readonly IndicatorResult[]; language?: Language; onSave: (edits: TargetEdits) => void }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [initial] = useState<Record<string, string>>(() => Object.fromEntries(indicators.map((i) => [i.id, valueToTyped(i.target, i.unit === "ratio", language)])));
  const [typed, setTyped] = useState(initial);
  const parsed = Object.fromEntries(indicators.map((i) => [i.id, typedToValue(typed[i.id], i.unit === "ratio")]));
  const invalid = indicators.filter((i) => parsed[i.id] === undefined);

  function save() {
    if (invalid.length) return;
    const edits: TargetEdits = {};
    // What the person retyped, not what differs after rounding for display (1/3 shows as 33,3333).
    for (const i of indicators) if (typed[i.id] !== initial[i.id]) edits[i.id] = parsed[i.id] as number | null;
    onSave(edits);
  }

  return (
    <form className={styles.form} aria-label={t.targets} onSubmit={(e) => (e.preventDefault(), save())}>
      {indicators.map((i) => (
        <Field
          key={i.id}
          label={`${i.id} — ${indicatorName(i, language)}${i.unit === "ratio" ? " (%)" : ""}`}
          validationState={parsed[i.id] === undefined ? "error" : "none"}
          validationMessage={parsed[i.id] === undefined ? t.notANumber : undefined}
        >
          <Input value={typed[i.id]} onChange={(_, d) => setTyped({ ...typed, [i.id]: d.value })} />
        </Field>
      ))}
      <Button appearance="primary" type="submit" disabled={invalid.length > 0}>
        {t.saveTargets}
      </Button>
    </form>
  );
}
