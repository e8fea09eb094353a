/// <reference types="office-js" />
/*
 * The ribbon's command. The manifest's shared runtime (<Runtimes>, lifetime long) loads it with the task
 * pane's page, so the command can open the pane on its result; this entry still carries no React, no Fluent
 * UI (npm run check:bundle). The name given to associate() must equal <FunctionName> in manifest.xml.
 */
import { OfficeHost } from "../hosts/office/office-host";
import { tinhLaiChiTieu } from "./recalculate-command";
import { publishRun } from "./run-channel";
import { documentKey } from "./workbook-key";

function showTaskpane(): Promise<void> {
  // Office.addin exists only in a shared runtime (SharedRuntime 1.1); elsewhere the pane shows the last run
  // of this workbook when the person opens "Bảng kiểm tra".
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1") || !Office.addin?.showAsTaskpane) return Promise.resolve();
  return Office.addin.showAsTaskpane();
}

Office.onReady(() => {
  Office.actions.associate("tinhLaiChiTieu", (event: Office.AddinCommands.Event) =>
    tinhLaiChiTieu(event, { createHost: () => new OfficeHost(), publish: (m) => publishRun(m, documentKey()), showTaskpane, now: () => new Date() }),
  );
});
