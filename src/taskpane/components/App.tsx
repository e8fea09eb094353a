import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { bundledCatalogue } from "../../core/definitions/bundled";
import { indicatorInputs } from "../../core/indicators/indicator-inputs";
import { recalculateWorkbook, validateWorkbook, type RunOutcome } from "../../app/use-cases";
import type { TargetEdits } from "../../core/template/targets-sheet";
import type { RunMessage } from "../../commands/run-channel";
import { describeFailure } from "../../app/failure";
import "../../app/failure-en";
import type { WorkbookHost } from "../../core/model";
import { FindingList } from "./FindingList";
import { IndicatorCards } from "./IndicatorCards";
import { BelowTargetList } from "./BelowTargetList";
import { type Action, RunActions } from "./RunActions";
import { RunSummary } from "./RunSummary";
import { TargetsEditor } from "./TargetsEditor";
import { ColumnMapper } from "./ColumnMapper";
import { LegacyEncodingAction } from "./LegacyEncodingAction";
import { type ReadPickedFiles, WorkbookTools } from "./WorkbookTools";
import { convertLegacyText, mapColumn, saveTargets } from "../../app/workbook-tools";
import type { Language } from "../../core/findings/format";
import { ENCODING_LABELS } from "../../core/text/legacy-encoding";
import { fillIn, rememberLanguage, STRINGS } from "../strings";
import { summaryLines } from "../run-summary";

export interface RunFeed {
  last(): RunMessage | null;
  subscribe(listener: (message: RunMessage) => void): () => void;
  publish(message: RunMessage): void;
}

export interface AppProps {
  createHost: () => WorkbookHost;
  /** The language to start in, and where the person's choice is remembered. */
  language?: Language;
  storage?: Pick<Storage, "setItem"> | null;
  /** Told when the person switches language, for whatever surrounds the pane (the preview's controls). */
  onLanguage?: (language: Language) => void;
  /** Runs started from the ribbon, and where this pane reports its own. */
  runs?: RunFeed;
  /** How picked files are read (ExcelJS, loaded on demand); tests give their own. */
  readFiles?: ReadPickedFiles;
}

type View =
  | { status: "idle" }
  | { status: "busy"; action: Action }
  | { status: "done"; action: Action; counts: RunOutcome["counts"]; fromRibbon: boolean; outcome?: RunOutcome }
  | { status: "failed"; message: string; fromRibbon: boolean };

const useStyles = makeStyles({
  // Designed for the 320 pixels Excel gives a task pane: one column, nothing wider than the pane.
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, maxWidth: "40rem", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  title: { minWidth: 0, overflowWrap: "anywhere" },
  language: { flexShrink: 0, minWidth: 0 },
  visuallyHidden: { position: "absolute", width: "1px", height: "1px", margin: "-1px", padding: 0, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap", border: 0 },
});

function viewOf(message: RunMessage): View {
  const fromRibbon = message.source === "ribbon";
  return message.kind === "done"
    ? { status: "done", action: "recalculate", counts: message.counts, fromRibbon }
    : { status: "failed", message: message.message, fromRibbon };
}

export function App({ createHost, runs, language: initial = "vi", storage = null, readFiles, onLanguage }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initial);
  const t = STRINGS[language];
  const titles: Record<Action, string> = { validate: t.validated, recalculate: t.recalculated };
  function switchLanguage() {
    const next: Language = language === "vi" ? "en" : "vi";
    setLanguage(next);
    rememberLanguage(storage, next);
    onLanguage?.(next);
  }
  const [view, setView] = useState<View>(() => {
    const last = runs?.last();
    return last ? viewOf(last) : { status: "idle" };
  });

  useEffect(() => runs?.subscribe((message) => setView(viewOf(message))), [runs]);

  async function run(action: Action) {
    setView({ status: "busy", action });
    try {
      const outcome = action === "validate" ? await validateWorkbook(createHost()) : await recalculateWorkbook(createHost());
      setView({ status: "done", action, counts: outcome.counts, fromRibbon: false, outcome });
      if (action === "recalculate") runs?.publish({ kind: "done", source: "taskpane", at: new Date().toISOString(), counts: outcome.counts, summarySheet: outcome.summarySheet });
    } catch (error) {
      setView({ status: "failed", message: describeFailure(error, action, language), fromRibbon: false });
    }
  }

  const [selectionFailure, setSelectionFailure] = useState<string | null>(null);
  const [editingTargets, setEditingTargets] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  async function storeMapping(sheet: string, field: string, letter: string) {
    try {
      await mapColumn(createHost(), sheet, field, letter);
      await run("validate");
      setNotice(t.columnMapped);
    } catch (error) {
      setNotice(describeFailure(error, "mapping", language));
    }
  }

  async function storeTargets(edits: TargetEdits) {
    try {
      await saveTargets(createHost(), edits);
      setEditingTargets(false);
      setNotice(t.targetsSaved);
    } catch (error) {
      setNotice(describeFailure(error, "targets", language));
    }
  }
  async function convertLegacy() {
    try {
      const converted = await convertLegacyText(createHost());
      await run("validate");
      setNotice(
        converted.length
          ? converted.map((c) => fillIn(language, t.converted, { cells: c.cells, sheet: c.sheet, encoding: ENCODING_LABELS[c.encoding] })).join(" ")
          : t.nothingToConvert,
      );
    } catch (error) {
      setNotice(describeFailure(error, "convert", language));
    }
  }

  async function selectCell(sheet: string, cell: string) {
    setSelectionFailure(null);
    try {
      await createHost().select?.(sheet, cell);
    } catch (error) {
      setSelectionFailure(describeFailure(error, "select", language));
    }
  }

  const busy = view.status === "busy";
  const outcome = view.status === "done" ? view.outcome : undefined;
  const inputs = useMemo(() => (outcome ? indicatorInputs(bundledCatalogue().definitions, outcome.columns) : undefined), [outcome]);
  // A polite live region, present from the start, so a screen reader hears each run's result once it is in.
  const announcement =
    view.status === "done"
      ? [titles[view.action], ...summaryLines(view.counts, outcome?.indicators, language)].join(" ")
      : view.status === "failed"
        ? `${t.failed}: ${view.message}`
        : "";
  function showFindings() {
    const heading = document.getElementById("findings-heading");
    heading?.scrollIntoView?.({ block: "start" });
    heading?.focus();
  }
  return (
    <main className={styles.root} lang={language}>
      <header className={styles.header}>
        <Subtitle1 as="h1" className={styles.title}>
          {t.title}
        </Subtitle1>
        {/* The accessible name starts with the visible label, so speech users can say what they see. */}
        <Button className={styles.language} appearance="subtle" size="small" aria-label={t.languageLabel} onClick={switchLanguage}>
          <span lang={language === "vi" ? "en" : "vi"}>{t.language}</span>
        </Button>
      </header>
      <RunActions language={language} busy={busy} onRun={(action) => void run(action)} />
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcement}
      </div>
      {view.status === "busy" && <Spinner size="small" label={view.action === "validate" ? t.validating : t.recalculating} />}
      {view.status === "done" && (
        <RunSummary title={titles[view.action]} counts={view.counts} indicators={outcome?.indicators} fromRibbon={view.fromRibbon} language={language} onShowFindings={outcome ? showFindings : undefined} />
      )}
      {selectionFailure && (
        <MessageBar intent="warning">
          <MessageBarBody>{selectionFailure}</MessageBarBody>
        </MessageBar>
      )}
      {view.status === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {view.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <ColumnMapper findings={outcome.findings} language={language} onMap={storeMapping} />
          <LegacyEncodingAction findings={outcome.findings} language={language} onConvert={convertLegacy} />
          <IndicatorCards indicators={outcome.indicators} findings={outcome.findings} inputs={inputs} language={language} onSelect={selectCell} />
          <BelowTargetList indicators={outcome.indicators} language={language} />
          <FindingList findings={outcome.findings} inputs={inputs} language={language} onSelect={selectCell} headingId="findings-heading" />
          {notice && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <Button appearance="secondary" aria-expanded={editingTargets} onClick={() => (setEditingTargets(!editingTargets), setNotice(null))}>
            {t.editTargets}
          </Button>
          {editingTargets && <TargetsEditor indicators={outcome.indicators} language={language} onSave={storeTargets} />}
        </>
      )}
      <WorkbookTools createHost={createHost} language={language} readFiles={readFiles} />
    </main>
  );
}
