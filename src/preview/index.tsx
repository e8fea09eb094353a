import "../taskpane/zod-jitless";
import { FluentProvider, makeStyles, webLightTheme } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import { useMemo } from "react";
import { createRoot } from "react-dom/client";
import { loadWorkbook } from "../hosts/xlsx/xlsx-host";
import { App } from "../taskpane/components/App";
import { initialLanguage } from "../taskpane/strings";
import { PreviewHost } from "./preview-host";
import { WebPage } from "./WebPage";

/** Private windows and locked-down browsers refuse storage: the page still works, it only forgets the language. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const useStyles = makeStyles({
  // The pane alone at the window's width, as Excel shows it (about 320–350 pixels): /?pane=1.
  paneOnly: { width: "100%", minHeight: "100vh" },
});

function PaneOnly({ workbook }: { workbook: ExcelJS.Workbook }) {
  const styles = useStyles();
  const host = useMemo(() => new PreviewHost(workbook, () => undefined, () => undefined), [workbook]);
  return (
    <div className={styles.paneOnly}>
      <App createHost={() => host} language={initialLanguage(storage(), undefined)} storage={storage()} />
    </div>
  );
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById("container")!);
  if (new URLSearchParams(location.search).get("pane") === "1") {
    const response = await fetch("lang-giang.xlsx");
    const workbook = await loadWorkbook(new Uint8Array(await response.arrayBuffer()));
    root.render(
      <FluentProvider theme={webLightTheme}>
        <PaneOnly workbook={workbook} />
      </FluentProvider>,
    );
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme}>
      <WebPage initialLanguage={initialLanguage(storage(), undefined)} storage={storage()} />
    </FluentProvider>,
  );
}

void main();
