/// <reference types="office-js" />
/*
 * The ribbon's function file (commands.html). No React, no Fluent UI: it loads on every ribbon click.
 * The name given to associate() must equal <FunctionName> in manifest.xml.
 */
import { OfficeHost } from "../hosts/office/office-host";
import { tinhLaiChiTieu } from "./recalculate-command";
import { publishRun } from "./run-channel";

async function showTaskpane(): Promise<void> {
  // Only an add-in with a shared runtime can open its pane from here; elsewhere the pane shows the
  // failure when the person opens "Bảng kiểm tra".
  if (Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) await Office.addin.showAsTaskpane();
}

Office.onReady(() => {
  Office.actions.associate("tinhLaiChiTieu", (event: Office.AddinCommands.Event) =>
    tinhLaiChiTieu(event, { createHost: () => new OfficeHost(), publish: publishRun, showTaskpane, now: () => new Date() }),
  );
});
