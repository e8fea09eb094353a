/// <reference types="office-js" />
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { lastRun, publishRun, safeStorage, subscribeRuns } from "../commands/run-channel";
import { documentKey } from "../commands/workbook-key";
import { OfficeHost } from "../hosts/office/office-host";
import { App, type RunFeed } from "./components/App";
import { initialLanguage } from "./strings";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const workbook = documentKey();
  const runs: RunFeed = { last: () => lastRun(workbook), subscribe: (listener) => subscribeRuns(listener, workbook), publish: (m) => publishRun(m, workbook) };
  // Excel on the web with third-party cookies blocked refuses localStorage: the pane then starts without it.
  const storage = safeStorage();
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App createHost={() => new OfficeHost()} runs={runs} language={initialLanguage(storage, Office.context.displayLanguage)} storage={storage} />
    </FluentProvider>,
  );
});
