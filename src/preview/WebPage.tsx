import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type ExcelJS from "exceljs";
import { useEffect, useMemo, useState } from "react";
import { consolidateIntoWorkbook, createTemplate } from "../app/workbook-tools";
import { bundledCatalogue } from "../core/definitions/bundled";
import type { Language } from "../core/findings/format";
import { HostFailure } from "../core/host-failure";
import { openXlsxHost } from "../hosts/xlsx/read-bytes";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { App } from "../taskpane/components/App";
import { FilePicker } from "../taskpane/components/FilePicker";
import { consolidationOutcome, templateProfile } from "../taskpane/components/WorkbookTools";
import { describeFailure, type FailedAction } from "../app/failure";
import { readPickedFiles } from "../taskpane/district-files";
import { fillIn, rememberLanguage, STRINGS } from "../taskpane/strings";
import { DropZone, droppedFiles } from "./DropZone";
import { offerDownload, PreviewHost } from "./preview-host";
import { recalculatedName, WEB_STRINGS } from "./web-strings";
import { WorkbookView } from "./WorkbookView";

const SAMPLE_FILE = "lang-giang.xlsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", boxSizing: "border-box" },
  /** The page's header and, under it while a workbook is open, the workbook's toolbar. */
  bar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  header: { backgroundColor: tokens.colorNeutralBackground2 },
  headerText: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, flexGrow: 1 },
  heading: { margin: 0 },
  start: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    "@media (max-width: 760px)": { gridTemplateColumns: "1fr" },
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    overflowY: "auto",
    alignItems: "start",
  },
  main: { gridColumn: "1 / -1" },
  row: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  toolbar: { alignItems: "flex-end" },
  workspace: { display: "grid", gridTemplateColumns: "minmax(320px, 420px) 1fr", columnGap: tokens.spacingHorizontalL, flexGrow: 1, minHeight: 0 },
  pane: { overflowY: "auto", borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  sheet: { overflow: "auto", padding: tokens.spacingHorizontalS },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Notice = { intent: "success" | "warning" | "error" | "info"; title?: string; lines: string[] } | null;

/** The open district workbook; `changed` once the pane has written into it (recalculation, conversion…). */
interface OpenWorkbook {
  /** The host over the file as opened, whose parts ExcelJS does not model are put back on download. */
  host: PreviewHost;
  fileName: string;
  serial: number;
  changed: boolean;
}

/** A card's one action at a time: busy while it runs, and what came of it (a failure worded for the person). */
function useCardAction(language: Language, failedAction: FailedAction) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  async function run(action: () => Promise<Notice>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ intent: "error", title: STRINGS[language].actionFailed, lines: [describeFailure(error, failedAction, language)] });
    } finally {
      setBusy(false);
    }
  }
  return { busy, notice, setNotice, run };
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

function NoticeBar({ notice, className }: { notice: Notice; className?: string }) {
  const styles = useStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} className={className}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.lines.length === 1 ? (
          notice.lines[0]
        ) : (
          <ul className={styles.list}>
            {notice.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The web page for offices whose Excel cannot run the add-in: a district opens its workbook from disk,
 * checks and recalculates it with the task pane, and downloads the result; the province consolidates the
 * districts' files and downloads the template. Everything runs in the tab; nothing is sent anywhere.
 */
export function WebPage({ initialLanguage, storage }: { initialLanguage: Language; storage: Pick<Storage, "setItem"> | null }) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const w = WEB_STRINGS[language];
  const { profile: bundledProfile } = bundledCatalogue();
  const [open, setOpen] = useState<OpenWorkbook | null>(null);
  const [opening, setOpening] = useState(false);
  const [sheet, setSheet] = useState("");
  const [highlight, setHighlight] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = WEB_STRINGS[language].title;
  }, [language]);

  // The pane inside the page has its own language switch; the page follows it through what it remembers.
  const paneStorage = useMemo<Pick<Storage, "setItem">>(
    () => ({
      setItem(key, value) {
        storage?.setItem(key, value);
        if (value === "vi" || value === "en") setLanguage(value);
      },
    }),
    [storage],
  );
  function switchLanguage() {
    const next: Language = language === "vi" ? "en" : "vi";
    setLanguage(next);
    rememberLanguage(storage, next);
  }

  const host = open?.host ?? null;

  async function openBytes(fileName: string, bytes: Uint8Array, ignored: number) {
    const { workbook } = await openXlsxHost(bytes, fileName);
    const opened: PreviewHost = new PreviewHost(
      workbook,
      bytes,
      () => {
        setVersion((v) => v + 1);
        setOpen((o) => (o && o.host === opened ? { ...o, changed: true } : o));
      },
      (name, cell) => (setSheet(name), setHighlight(cell)),
    );
    setOpen((o) => ({ host: opened, fileName, serial: (o?.serial ?? 0) + 1, changed: false }));
    setSheet(firstVisibleSheet(workbook));
    setHighlight(null);
    setNotice(ignored > 0 ? { intent: "info", lines: [fillIn(language, w.oneAtATime, { file: fileName, count: ignored })] } : null);
  }

  async function openFiles(files: readonly File[]) {
    if (!files.length) return;
    setOpening(true);
    try {
      await openBytes(files[0].name, new Uint8Array(await files[0].arrayBuffer()), files.length - 1);
    } catch (error) {
      setNotice({ intent: "error", lines: [openFailure(error, files[0].name, language)] });
    } finally {
      setOpening(false);
    }
  }

  async function openSample() {
    setOpening(true);
    try {
      const response = await fetch(SAMPLE_FILE);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await openBytes(SAMPLE_FILE, new Uint8Array(await response.arrayBuffer()), 0);
    } catch (error) {
      setNotice({ intent: "error", lines: [openFailure(error, SAMPLE_FILE, language)] });
    } finally {
      setOpening(false);
    }
  }

  async function download() {
    if (!open) return;
    try {
      const name = recalculatedName(open.fileName);
      offerDownload(await open.host.save(), name);
      setNotice({ intent: "success", lines: [fillIn(language, w.downloaded, { file: name })] });
    } catch (error) {
      setNotice({ intent: "error", title: STRINGS[language].actionFailed, lines: [describeFailure(error, "download", language)] });
    }
  }

  function close() {
    setOpen(null);
    setNotice(null);
  }

  return (
    <div
      className={styles.page}
      // A file dropped anywhere outside a drop zone opens as the district workbook, instead of the browser leaving the page for it.
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes("Files")) e.preventDefault();
      }}
      onDrop={(e) => {
        const files = droppedFiles(e);
        if (!files) return;
        e.preventDefault();
        void openFiles(files);
      }}
    >
      <header className={mergeClasses(styles.bar, styles.header)}>
        <div className={styles.headerText}>
          <Title2 as="h1" className={styles.heading}>{w.title}</Title2>
          <Caption1>{w.tagline}</Caption1>
        </div>
        {/* With a workbook open, the pane's own switch changes the whole page. */}
        {!open && (
          <Button appearance="subtle" size="small" aria-label={STRINGS[language].languageLabel} onClick={switchLanguage}>
            {STRINGS[language].language}
          </Button>
        )}
      </header>
      <NoticeBar notice={notice} className={styles.message} />
      {open && host ? (
        <>
          <div className={mergeClasses(styles.bar, styles.toolbar)}>
            <Subtitle2>{fillIn(language, w.viewing, { file: open.fileName })}</Subtitle2>
            <FilePicker label={w.openOther} choose={w.chooseFile} none="" accept=".xlsx" disabled={opening} files={[]} onPick={(files) => void openFiles(files)} />
            <div className={styles.row}>
              <Button appearance="primary" disabled={!open.changed} onClick={() => void download()}>
                {w.download}
              </Button>
              {!open.changed && <Caption1>{w.downloadHint}</Caption1>}
              <Button appearance="subtle" onClick={close}>
                {w.close}
              </Button>
            </div>
            {opening && <Spinner size="tiny" label={w.opening} />}
          </div>
          <div className={styles.workspace}>
            <div className={styles.pane}>
              {/* A new file starts a fresh pane; a recalculation of the same file keeps what the pane shows. */}
              <App key={open.serial} createHost={() => host} language={language} storage={paneStorage} />
            </div>
            <div className={styles.sheet} data-version={version}>
              <WorkbookView workbook={open.host.workbook} sheet={sheet} onSheet={(name) => (setSheet(name), setHighlight(null))} highlight={highlight} />
            </div>
          </div>
        </>
      ) : (
        <div className={styles.start}>
          <div className={styles.main}>
            <DropZone label={w.districtTitle} onFiles={(files) => void openFiles(files)}>
              <Subtitle2 as="h2" className={styles.heading}>{w.districtTitle}</Subtitle2>
              <Body1>{w.districtHint}</Body1>
              <div className={styles.row}>
                <FilePicker label={w.openLabel} choose={w.chooseFile} none={w.noFile} accept=".xlsx" disabled={opening} files={[]} onPick={(files) => void openFiles(files)} />
                <Button appearance="secondary" disabled={opening} onClick={() => void openSample()}>
                  {fillIn(language, w.trySample, { district: bundledProfile.district })}
                </Button>
              </div>
              {opening && <Spinner size="tiny" label={w.opening} />}
            </DropZone>
          </div>
          <ProvinceCard language={language} />
          <TemplateCard language={language} district={bundledProfile.district} />
        </div>
      )}
    </div>
  );
}

function ProvinceCard({ language }: { language: Language }) {
  const styles = useStyles();
  const w = WEB_STRINGS[language];
  const [files, setFiles] = useState<File[]>([]);
  const { busy, notice, setNotice, run } = useCardAction(language, "consolidate");

  const consolidate = () =>
    run(async () => {
      const { definitions, profile } = bundledCatalogue();
      const picked = await readPickedFiles(files, definitions);
      const host = new XlsxHost();
      const result = await consolidateIntoWorkbook(host, picked.sources, [...picked.profiles, profile]);
      offerDownload(await host.save(), w.provinceFileName);
      const outcome = consolidationOutcome(result, picked.profileErrors, language);
      return { ...outcome, title: `${outcome.title} ${fillIn(language, w.downloaded, { file: w.provinceFileName })}` };
    });

  return (
    <DropZone label={w.provinceTitle} onFiles={(dropped) => (setFiles(dropped), setNotice(null))}>
      <Subtitle2 as="h2" className={styles.heading}>{w.provinceTitle}</Subtitle2>
      <Caption1>{w.provinceHint}</Caption1>
      <FilePicker label={w.provinceFiles} choose={w.chooseFiles} none={w.noFile} multiple accept=".xlsx,.json" disabled={busy} files={files} onPick={(picked) => (setFiles(picked), setNotice(null))} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || files.length === 0} onClick={() => void consolidate()}>
          {w.consolidate}
        </Button>
        {busy && <Spinner size="tiny" label={w.consolidating} />}
      </div>
      <NoticeBar notice={notice} />
    </DropZone>
  );
}

function TemplateCard({ language, district }: { language: Language; district: string }) {
  const styles = useStyles();
  const w = WEB_STRINGS[language];
  const t = STRINGS[language];
  const [profileFile, setProfileFile] = useState<File | null>(null);
  const { busy, notice, setNotice, run } = useCardAction(language, "template");

  const template = () =>
    run(async () => {
      const chosen = await templateProfile(profileFile, readPickedFiles, language);
      if ("errors" in chosen) return { intent: "error", title: t.actionFailed, lines: chosen.errors };
      const { profile } = chosen;
      const host = new XlsxHost();
      const sheets = await createTemplate(host, profile);
      const name = `mau-${profile.id}.xlsx`;
      offerDownload(await host.save(), name);
      return { intent: "success", lines: [`${fillIn(language, t.templateCreated, { district: profile.district, count: sheets.length })} ${fillIn(language, w.downloaded, { file: name })}`] };
    });

  return (
    <DropZone label={w.templateTitle} onFiles={(dropped) => (setProfileFile(dropped[0] ?? null), setNotice(null))}>
      <Subtitle2 as="h2" className={styles.heading}>{w.templateTitle}</Subtitle2>
      <Caption1>{fillIn(language, w.templateHint, { district })}</Caption1>
      <FilePicker label={w.templateProfile} choose={w.chooseFile} none={w.noFile} accept=".json" disabled={busy} files={profileFile ? [profileFile] : []} onPick={(picked) => (setProfileFile(picked[0] ?? null), setNotice(null))} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void template()}>
          {w.downloadTemplate}
        </Button>
        {busy && <Spinner size="tiny" />}
      </div>
      <NoticeBar notice={notice} />
    </DropZone>
  );
}
