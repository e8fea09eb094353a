import { FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { loadWorkbook } from "../hosts/xlsx/xlsx-host";
import { App } from "../taskpane/components/App";
import { FilePicker } from "../taskpane/components/FilePicker";
import { initialLanguage } from "../taskpane/strings";
import type { Language } from "../core/findings/format";
import { PREVIEW_STRINGS } from "./strings";
import { PreviewHost } from "./preview-host";
import { WorkbookView } from "./WorkbookView";

const useStyles = makeStyles({
  page: { display: "grid", gridTemplateColumns: "minmax(320px, 420px) 1fr", columnGap: tokens.spacingHorizontalL, height: "100vh" },
  pane: { overflowY: "auto", borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  sheet: { overflow: "auto", padding: tokens.spacingHorizontalS },
  open: { padding: tokens.spacingHorizontalL },
  // The pane alone at the window's width, as Excel shows it (about 320–350 pixels): /?pane=1.
  paneOnly: { width: "100%", minHeight: "100vh" },
});

function Preview({ initial }: { initial: ExcelJS.Workbook }) {
  const styles = useStyles();
  const [workbook, setWorkbook] = useState(initial);
  const [version, setVersion] = useState(0);
  const [sheet, setSheet] = useState(() => initial.worksheets.find((w) => w.state === "visible")?.name ?? "");
  const [highlight, setHighlight] = useState<string | null>(null);
  const [fileName, setFileName] = useState("lang-giang.xlsx");
  const [opened, setOpened] = useState(0);
  const [language, setLanguage] = useState<Language>(() => initialLanguage(localStorage, undefined));
  const p = PREVIEW_STRINGS[language];
  const host = useMemo(
    () => new PreviewHost(workbook, () => setVersion((v) => v + 1), (name, cell) => (setSheet(name), setHighlight(cell))),
    [workbook],
  );

  async function open(file: File) {
    const loaded = await loadWorkbook(new Uint8Array(await file.arrayBuffer()));
    setWorkbook(loaded);
    setSheet(loaded.worksheets.find((w) => w.state === "visible")?.name ?? "");
    setHighlight(null);
    setFileName(file.name);
    setOpened((n) => n + 1);
  }

  return (
    <div className={styles.page}>
      <div className={styles.pane}>
        {/* A new file starts a fresh pane; a recalculation of the same file keeps what the pane shows. */}
        <App key={opened} createHost={() => host} language={language} storage={localStorage} onLanguage={setLanguage} />
        <div className={styles.open} lang={language}>
          <p>{p.viewing.replace("{file}", fileName)}</p>
          <FilePicker label={p.openOther} choose={p.choose} none={fileName} accept=".xlsx" disabled={false} files={[]} onPick={(files) => files[0] && void open(files[0])} />
        </div>
      </div>
      <div className={styles.sheet} data-version={version}>
        <WorkbookView workbook={workbook} sheet={sheet} onSheet={(name) => (setSheet(name), setHighlight(null))} highlight={highlight} />
      </div>
    </div>
  );
}

function PaneOnly({ workbook }: { workbook: ExcelJS.Workbook }) {
  const styles = useStyles();
  const host = useMemo(() => new PreviewHost(workbook, () => undefined, () => undefined), [workbook]);
  return (
    <div className={styles.paneOnly}>
      <App createHost={() => host} language={initialLanguage(localStorage, undefined)} storage={localStorage} />
    </div>
  );
}

async function main(): Promise<void> {
  const container = document.getElementById("container")!;
  const response = await fetch("lang-giang.xlsx");
  const workbook = await loadWorkbook(new Uint8Array(await response.arrayBuffer()));
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {new URLSearchParams(location.search).get("pane") === "1" ? <PaneOnly workbook={workbook} /> : <Preview initial={workbook} />}
    </FluentProvider>,
  );
}

void main();
