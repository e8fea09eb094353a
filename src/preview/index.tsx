import "../taskpane/zod-jitless";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { initialLanguage } from "../taskpane/strings";
import { WebPage } from "./WebPage";

/** Private windows and locked-down browsers refuse storage: the page still works, it only forgets the language. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const container = document.getElementById("container")!;
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <WebPage initialLanguage={initialLanguage(storage(), undefined)} storage={storage()} />
  </FluentProvider>,
);
