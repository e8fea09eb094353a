import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Language } from "../../core/findings/format";
import { STRINGS } from "../strings";

export type Action = "validate" | "recalculate";

const useStyles = makeStyles({
  actions: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  action: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  button: { alignSelf: "stretch" },
});

/** The district's two actions, each with one line saying what it does to the workbook. */
export function RunActions({ language, busy, onRun }: { language: Language; busy: boolean; onRun: (action: Action) => void }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const action = (name: Action, label: string, hint: string, appearance: "primary" | "secondary") => (
    <div className={styles.action}>
      <Button className={styles.button} appearance={appearance} disabled={busy} aria-describedby={`${name}-hint`} onClick={() => onRun(name)}>
        {label}
      </Button>
      <Caption1 id={`${name}-hint`}>{hint}</Caption1>
    </div>
  );
  return (
    <section aria-label={t.districtActions} className={styles.actions}>
      {action("validate", t.validate, t.validateHint, "secondary")}
      {action("recalculate", t.recalculate, t.recalculateHint, "primary")}
    </section>
  );
}
