/// <reference types="office-js" />
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { lastRun, publishRun, subscribeRuns } from "../commands/run-channel";
import { OfficeHost } from "../hosts/office/office-host";
import { App, type RunFeed } from "./components/App";
import { initialLanguage } from "./strings";

const runs: RunFeed = { last: lastRun, subscribe: subscribeRuns, publish: publishRun };

Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App createHost={() => new OfficeHost()} runs={runs} language={initialLanguage(localStorage, Office.context.displayLanguage)} storage={localStorage} />
    </FluentProvider>,
  );
});
