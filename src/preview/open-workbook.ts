import type ExcelJS from "exceljs";
import { useState } from "react";
import { describeFailure } from "../app/failure";
import type { Language } from "../core/findings/format";
import { HostFailure } from "../core/host-failure";
import { openXlsxHost } from "../hosts/xlsx/read-bytes";
import type { Notice } from "../taskpane/components/ActionNotice";
import { fillIn, STRINGS } from "../taskpane/strings";
import { offerDownload, PreviewHost } from "./preview-host";
import { recalculatedName, WEB_STRINGS } from "./web-strings";

export const SAMPLE_FILE = "lang-giang.xlsx";

/** The open district workbook; `changed` once the pane has written into it (recalculation, conversion…). */
export interface OpenWorkbook {
  /** The host over the file as opened, whose parts ExcelJS does not model are put back on download. */
  host: PreviewHost;
  fileName: string;
  serial: number;
  changed: boolean;
}

/** The sheet shown beside the pane, the cell the pane asked to show, and a count of the pane's writes. */
export interface SheetView {
  sheet: string;
  highlight: string | null;
  version: number;
}

/** Why a file could not be opened, naming it: the host's own refusal, or what else went wrong (a failed fetch). */
function openFailure(error: unknown, file: string, language: Language): string {
  const detail = error instanceof Error ? error.message : String(error);
  const failure = error instanceof HostFailure ? error : new HostFailure({ stage: "read", kind: "unknown", detail, where: { file }, cause: error });
  return describeFailure(failure, "open", language);
}

function firstVisibleSheet(workbook: ExcelJS.Workbook): string {
  return workbook.worksheets.find((w) => w.state === "visible")?.name ?? "";
}

export async function fetchedBytes(file: string): Promise<Uint8Array> {
  const response = await fetch(file);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Offers the workbook as the command line's OUT would be, and says what was saved or why it could not be. */
async function downloadNotice(open: OpenWorkbook, language: Language): Promise<Notice> {
  try {
    const name = recalculatedName(open.fileName);
    offerDownload(await open.host.save(), name);
    return { intent: "success", lines: [fillIn(language, WEB_STRINGS[language].downloaded, { file: name })] };
  } catch (error) {
    return { intent: "error", title: STRINGS[language].actionFailed, lines: [describeFailure(error, "download", language)] };
  }
}

/** The district workbook the page has open: opening a file or the sample (a bad one said, never swallowed), downloading, closing. */
export function useOpenWorkbook(language: Language) {
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [opening, setOpening] = useState(false);
  const [view, setView] = useState<SheetView>({ sheet: "", highlight: null, version: 0 });
  const [notice, setNotice] = useState<Notice>(null);

  function hostOver(workbook: ExcelJS.Workbook, bytes: Uint8Array): PreviewHost {
    const host: PreviewHost = new PreviewHost(
      workbook,
      bytes,
      () => {
        setView((v) => ({ ...v, version: v.version + 1 }));
        setOpen((o) => (o && o.host === host ? { ...o, changed: true } : o));
      },
      (sheet, cell) => setView((v) => ({ ...v, sheet, highlight: cell })),
    );
    return host;
  }

  async function openFrom(fileName: string, bytes: () => Promise<Uint8Array>, ignored = 0) {
    setOpening(true);
    try {
      const data = await bytes();
      const { workbook } = await openXlsxHost(data, fileName);
      setOpen((o) => ({ host: hostOver(workbook, data), fileName, serial: (o?.serial ?? 0) + 1, changed: false }));
      setView((v) => ({ ...v, sheet: firstVisibleSheet(workbook), highlight: null }));
      setNotice(ignored > 0 ? { intent: "info", lines: [fillIn(language, WEB_STRINGS[language].oneAtATime, { file: fileName, count: ignored })] } : null);
    } catch (error) {
      setNotice({ intent: "error", lines: [openFailure(error, fileName, language)] });
    } finally {
      setOpening(false);
    }
  }

  return {
    open,
    opening,
    view,
    notice,
    openFiles: async (files: readonly File[]) => {
      if (files.length) await openFrom(files[0].name, async () => new Uint8Array(await files[0].arrayBuffer()), files.length - 1);
    },
    openSample: () => openFrom(SAMPLE_FILE, () => fetchedBytes(SAMPLE_FILE)),
    download: async () => open && setNotice(await downloadNotice(open, language)),
    close: () => (setOpen(null), setNotice(null)),
    showSheet: (sheet: string) => setView((v) => ({ ...v, sheet, highlight: null })),
  };
}

export type OpenWorkbookState = ReturnType<typeof useOpenWorkbook>;
