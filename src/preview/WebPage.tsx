import { Body1, Button, Caption1, Spinner, Subtitle2, Title2, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { consolidateIntoWorkbook, createTemplate } from "../app/workbook-tools";
import { bundledCatalogue } from "../core/definitions/bundled";
import type { Language } from "../core/findings/format";
import { matchKey } from "../core/text/normalize";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { NoticeBar, useActionRun } from "../taskpane/components/ActionNotice";
import { App } from "../taskpane/components/App";
import { FilePicker } from "../taskpane/components/FilePicker";
import { consolidationOutcome, templateProfile } from "../taskpane/components/WorkbookTools";
import { readPickedFiles } from "../taskpane/district-files";
import { fillIn, fillInLevels, inBundledLevels, rememberLanguage, STRINGS } from "../taskpane/strings";
import { DropZone, droppedFiles } from "./DropZone";
import { type OpenWorkbookState, useOpenWorkbook } from "./open-workbook";
import { offerDownload } from "./preview-host";
import { WEB_STRINGS } from "./web-strings";
import { WorkbookView } from "./WorkbookView";

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
});

/** The pane's language and the page's: the pane's own switch changes the whole page, through what it remembers. */
function usePageLanguage(initial: Language, storage: Pick<Storage, "setItem"> | null) {
  const [language, setLanguage] = useState<Language>(initial);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = WEB_STRINGS[language].title;
  }, [language]);
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
  return { language, paneStorage, switchLanguage };
}

/** The open workbook's toolbar, and the task pane beside the sheet it shows. */
function Workspace({ language, state, paneStorage }: { language: Language; state: OpenWorkbookState; paneStorage: Pick<Storage, "setItem"> }) {
  const styles = useStyles();
  const w = inBundledLevels(WEB_STRINGS[language], language);
  const { open, opening, view } = state;
  if (!open) return null;
  return (
    <>
      <div className={mergeClasses(styles.bar, styles.toolbar)}>
        <Subtitle2>{fillIn(language, w.viewing, { file: open.fileName })}</Subtitle2>
        <FilePicker label={w.openOther} choose={w.chooseFile} none="" accept=".xlsx" disabled={opening} files={[]} onPick={(files) => void state.openFiles(files)} />
        <div className={styles.row}>
          <Button appearance="primary" disabled={!open.changed} onClick={() => void state.download()}>
            {w.download}
          </Button>
          {!open.changed && <Caption1>{w.downloadHint}</Caption1>}
          <Button appearance="subtle" onClick={state.close}>
            {w.close}
          </Button>
        </div>
        {opening && <Spinner size="tiny" label={w.opening} />}
      </div>
      <div className={styles.workspace}>
        <div className={styles.pane}>
          {/* A new file starts a fresh pane; a recalculation of the same file keeps what the pane shows. */}
          <App key={open.serial} createHost={() => open.host} language={language} storage={paneStorage} />
        </div>
        <div className={styles.sheet} data-version={view.version}>
          <WorkbookView workbook={open.host.workbook} sheet={view.sheet} onSheet={state.showSheet} highlight={view.highlight} />
        </div>
      </div>
    </>
  );
}

/** With no workbook open: the district's file or the sample, the province's consolidation, the template. */
function StartPage({ language, state }: { language: Language; state: OpenWorkbookState }) {
  const styles = useStyles();
  const w = inBundledLevels(WEB_STRINGS[language], language);
  const district = bundledCatalogue().profile.district;
  return (
    <div className={styles.start}>
      <div className={styles.main}>
        <DropZone label={w.districtTitle} onFiles={(files) => void state.openFiles(files)}>
          <Subtitle2 as="h2" className={styles.heading}>{w.districtTitle}</Subtitle2>
          <Body1>{w.districtHint}</Body1>
          <div className={styles.row}>
            <FilePicker label={w.openLabel} choose={w.chooseFile} none={w.noFile} accept=".xlsx" disabled={state.opening} files={[]} onPick={(files) => void state.openFiles(files)} />
            <Button appearance="secondary" disabled={state.opening} onClick={() => void state.openSample()}>
              {fillIn(language, w.trySample, { district })}
            </Button>
          </div>
          {state.opening && <Spinner size="tiny" label={w.opening} />}
        </DropZone>
      </div>
      <ProvinceCard language={language} />
      <TemplateCard language={language} district={district} />
    </div>
  );
}

/**
 * The web page for offices whose Excel cannot run the add-in: a district opens its workbook from disk,
 * checks and recalculates it with the task pane, and downloads the result; the province consolidates the
 * districts' files and downloads the template. Everything runs in the tab; nothing is sent anywhere.
 */
export function WebPage({ initialLanguage, storage }: { initialLanguage: Language; storage: Pick<Storage, "setItem"> | null }) {
  const styles = useStyles();
  const { language, paneStorage, switchLanguage } = usePageLanguage(initialLanguage, storage);
  const w = inBundledLevels(WEB_STRINGS[language], language);
  const state = useOpenWorkbook(language);
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
        void state.openFiles(files);
      }}
    >
      <header className={mergeClasses(styles.bar, styles.header)}>
        <div className={styles.headerText}>
          <Title2 as="h1" className={styles.heading}>{w.title}</Title2>
          <Caption1>{w.tagline}</Caption1>
        </div>
        {/* With a workbook open, the pane's own switch changes the whole page. */}
        {!state.open && (
          <Button appearance="subtle" size="small" aria-label={STRINGS[language].languageLabel} onClick={switchLanguage}>
            {STRINGS[language].language}
          </Button>
        )}
      </header>
      <NoticeBar notice={state.notice} className={styles.message} />
      {state.open ? <Workspace language={language} state={state} paneStorage={paneStorage} /> : <StartPage language={language} state={state} />}
    </div>
  );
}

function ProvinceCard({ language }: { language: Language }) {
  const styles = useStyles();
  const w = inBundledLevels(WEB_STRINGS[language], language);
  const [files, setFiles] = useState<File[]>([]);
  const { busy, notice, setNotice, run } = useActionRun<"consolidate">(language);

  const consolidate = () =>
    run("consolidate", async () => {
      const { definitions, profile } = bundledCatalogue();
      const picked = await readPickedFiles(files, definitions);
      const host = new XlsxHost();
      const result = await consolidateIntoWorkbook(host, picked.sources, [...picked.profiles, profile]);
      const fileName = `${matchKey(result.sheet).replace(/ /g, "-")}.xlsx`;
      offerDownload(await host.save(), fileName);
      const outcome = consolidationOutcome(result, picked.profileErrors, language);
      return { ...outcome, title: `${outcome.title} ${fillIn(language, w.downloaded, { file: fileName })}` };
    });

  return (
    <DropZone label={w.provinceTitle} onFiles={(dropped) => (setFiles(dropped), setNotice(null))}>
      <Subtitle2 as="h2" className={styles.heading}>{w.provinceTitle}</Subtitle2>
      <Caption1>{w.provinceHint}</Caption1>
      <FilePicker label={w.provinceFiles} choose={w.chooseFiles} none={w.noFile} multiple accept=".xlsx,.json" disabled={busy !== null} files={files} onPick={(picked) => (setFiles(picked), setNotice(null))} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null || files.length === 0} onClick={() => void consolidate()}>
          {w.consolidate}
        </Button>
        {busy !== null && <Spinner size="tiny" label={w.consolidating} />}
      </div>
      <NoticeBar notice={notice} />
    </DropZone>
  );
}

function TemplateCard({ language, district }: { language: Language; district: string }) {
  const styles = useStyles();
  const w = inBundledLevels(WEB_STRINGS[language], language);
  const [profileFile, setProfileFile] = useState<File | null>(null);
  const { busy, notice, setNotice, run } = useActionRun<"template">(language);

  const template = () =>
    run("template", async () => {
      const chosen = await templateProfile(profileFile, readPickedFiles, language);
      if ("errors" in chosen) return { intent: "error", title: STRINGS[language].actionFailed, lines: chosen.errors };
      const { profile } = chosen;
      const host = new XlsxHost();
      const sheets = await createTemplate(host, profile);
      const name = `mau-${profile.id}.xlsx`;
      offerDownload(await host.save(), name);
      return { intent: "success", lines: [`${fillInLevels(language, STRINGS[language].templateCreated, profile.levels, { district: profile.district, count: sheets.length })} ${fillIn(language, w.downloaded, { file: name })}`] };
    });

  return (
    <DropZone label={w.templateTitle} onFiles={(dropped) => (setProfileFile(dropped[0] ?? null), setNotice(null))}>
      <Subtitle2 as="h2" className={styles.heading}>{w.templateTitle}</Subtitle2>
      <Caption1>{fillIn(language, w.templateHint, { district })}</Caption1>
      <FilePicker label={w.templateProfile} choose={w.chooseFile} none={w.noFile} accept=".json" disabled={busy !== null} files={profileFile ? [profileFile] : []} onPick={(picked) => (setProfileFile(picked[0] ?? null), setNotice(null))} />
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy !== null} onClick={() => void template()}>
          {w.downloadTemplate}
        </Button>
        {busy !== null && <Spinner size="tiny" />}
      </div>
      <NoticeBar notice={notice} />
    </DropZone>
  );
}
