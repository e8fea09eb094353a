import "../taskpane/zod-jitless";
import { FluentProvider, MessageBar, MessageBarBody, makeStyles, webLightTheme } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import { type ReactElement, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { describeFailure } from "../app/failure";
import { openXlsxHost } from "../hosts/xlsx/read-bytes";
import { App } from "../taskpane/components/App";
import { initialLanguage } from "../taskpane/strings";
import { fetchedBytes, SAMPLE_FILE } from "./open-workbook";
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
  const host = useMemo(() => new PreviewHost(workbook, null, () => undefined, () => undefined), [workbook]);
  return (
    <div className={styles.paneOnly}>
      <App createHost={() => host} language={initialLanguage(storage(), undefined)} storage={storage()} />
    </div>
  );
}

async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  return (await openXlsxHost(await fetchedBytes(SAMPLE_FILE), SAMPLE_FILE)).workbook;
}

/** The pane alone on the sample workbook, or why the sample could not be opened. */
async function paneOnly(): Promise<ReactElement> {
  try {
    return <PaneOnly workbook={await sampleWorkbook()} />;
  } catch (error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{describeFailure(error, "open", initialLanguage(storage(), undefined))}</MessageBarBody>
      </MessageBar>
    );
  }
}

async function main(): Promise<void> {
  const root = createRoot(document.getElementById("container")!);
  if (new URLSearchParams(location.search).get("pane") === "1") {
    root.render(<FluentProvider theme={webLightTheme}>{await paneOnly()}</FluentProvider>);
    return;
  }
  root.render(
    <FluentProvider theme={webLightTheme}>
      <WebPage initialLanguage={initialLanguage(storage(), undefined)} storage={storage()} />
    </FluentProvider>,
  );
}

void main();
