import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Language } from "../../core/findings/format";
import { renderFinding } from "../../core/findings/render";
import type { Finding } from "../../core/model";
import { STRINGS } from "../strings";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Shown when some sheets were typed in TCVN3 or VNI: what was found, and one button to rewrite them in Unicode. */
export function LegacyEncodingAction({ findings, language = "vi", onConvert }: { findings: readonly Finding[]; language?: Language; onConvert: () => Promise<void> }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [busy, setBusy] = useState(false);
  const legacy = findings.filter((f) => f.code === "legacy-encoding");
  if (legacy.length === 0) return null;
  async function convert() {
    setBusy(true);
    try {
      await onConvert();
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-label={t.legacyTitle} className={styles.section}>
      <Subtitle2 as="h2">{t.legacyTitle}</Subtitle2>
      <ul className={styles.list}>
        {legacy.map((f) => (
          <li key={f.sheet}>{renderFinding(f, language)}</li>
        ))}
      </ul>
      <Caption1>{t.legacyHint}</Caption1>
      <Button appearance="primary" disabled={busy} onClick={() => void convert()}>
        {t.convertLegacy}
      </Button>
      {busy && <Spinner size="small" label={t.converting} />}
    </section>
  );
}
