import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { bundledCatalogue } from "../../core/definitions/bundled";
import { indicatorInputs } from "../../core/indicators/indicator-inputs";
import { recalculateWorkbook, validateWorkbook, type RunOutcome } from "../../app/use-cases";
import type { TargetEdits } from "../../core/template/targets-sheet";
import type { RunMessage } from "../../commands/run-channel";
import { describeFailure, type FailedAction } from "../../app/failure";
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

/** The pane's language, switched by the person and remembered. */
function useLanguage(initial: Language, storage: AppProps["storage"], onLanguage: AppProps["onLanguage"]) {
  const [language, setLanguage] = useState<Language>(initial);
  function switchLanguage() {
    const next: Language = language === "vi" ? "en" : "vi";
    setLanguage(next);
    rememberLanguage(storage ?? null, next);
    onLanguage?.(next);
  }
  return { language, switchLanguage };
}

/** Checking or recalculating the workbook: the pane's own runs and the ribbon's, told to each other through the feed. */
function useRuns(createHost: () => WorkbookHost, runs: RunFeed | undefined, language: Language) {
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
  return { view, run };
}

/** What the person does with a run's outcome: map a column, save targets, convert legacy text, go to a cell. Each says how it went. */
function useOutcomeActions(createHost: () => WorkbookHost, language: Language, run: (action: Action) => Promise<void>) {
  const t = STRINGS[language];
  const [selectionFailure, setSelectionFailure] = useState<string | null>(null);
  const [editingTargets, setEditingTargets] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Runs an action; a failure becomes the notice, described for what was being done. */
  async function attempt(kind: FailedAction, action: () => Promise<void>) {
    try {
      await action();
    } catch (error) {
      setNotice(describeFailure(error, kind, language));
    }
  }
  const storeMapping = (sheet: string, field: string, letter: string) =>
    attempt("mapping", async () => {
      await mapColumn(createHost(), sheet, field, letter);
      await run("validate");
      setNotice(t.columnMapped);
    });
  const storeTargets = (edits: TargetEdits) =>
    attempt("targets", async () => {
      await saveTargets(createHost(), edits);
      setEditingTargets(false);
      setNotice(t.targetsSaved);
    });
  const convertLegacy = () =>
    attempt("convert", async () => {
      const converted = await convertLegacyText(createHost());
      await run("validate");
      setNotice(
        converted.length
          ? converted.map((c) => fillIn(language, t.converted, { cells: c.cells, sheet: c.sheet, encoding: ENCODING_LABELS[c.encoding] })).join(" ")
          : t.nothingToConvert,
      );
    });
  async function selectCell(sheet: string, cell: string) {
    setSelectionFailure(null);
    try {
      await createHost().select?.(sheet, cell);
    } catch (error) {
      setSelectionFailure(describeFailure(error, "select", language));
    }
  }
  const toggleTargets = () => (setEditingTargets(!editingTargets), setNotice(null));
  return { selectionFailure, editingTargets, notice, storeMapping, storeTargets, convertLegacy, selectCell, toggleTargets };
}

/** A polite live region's text, so a screen reader hears each run's result once it is in. */
function announcementOf(view: View, language: Language): string {
  const t = STRINGS[language];
  if (view.status === "done") return [runTitle(view.action, language), ...summaryLines(view.counts, view.outcome?.indicators, language)].join(" ");
  return view.status === "failed" ? `${t.failed}: ${view.message}` : "";
}

function runTitle(action: Action, language: Language): string {
  const t = STRINGS[language];
  return action === "validate" ? t.validated : t.recalculated;
}

function showFindings() {
  const heading = document.getElementById("findings-heading");
  heading?.scrollIntoView?.({ block: "start" });
  heading?.focus();
}

/** Where a run stands: working, its summary, or why it failed; and a cell that could not be selected. */
function RunStatus({ view, language, selectionFailure }: { view: View; language: Language; selectionFailure: string | null }) {
  const t = STRINGS[language];
  const outcome = view.status === "done" ? view.outcome : undefined;
  return (
    <>
      {view.status === "busy" && <Spinner size="small" label={view.action === "validate" ? t.validating : t.recalculating} />}
      {view.status === "done" && (
        <RunSummary title={runTitle(view.action, language)} counts={view.counts} indicators={outcome?.indicators} fromRibbon={view.fromRibbon} language={language} onShowFindings={outcome ? showFindings : undefined} />
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
    </>
  );
}

interface OutcomePanelProps {
  outcome: RunOutcome;
  language: Language;
  actions: ReturnType<typeof useOutcomeActions>;
}

/** A run's outcome in the pane: fixes it offers, the indicators, the units below target, the findings, and the targets editor. */
function OutcomePanel({ outcome, language, actions }: OutcomePanelProps) {
  const t = STRINGS[language];
  const inputs = useMemo(() => indicatorInputs(bundledCatalogue().definitions, outcome.columns), [outcome]);
  return (
    <>
      <ColumnMapper findings={outcome.findings} language={language} onMap={actions.storeMapping} />
      <LegacyEncodingAction findings={outcome.findings} language={language} onConvert={actions.convertLegacy} />
      <IndicatorCards indicators={outcome.indicators} findings={outcome.findings} inputs={inputs} language={language} onSelect={actions.selectCell} />
      <BelowTargetList indicators={outcome.indicators} language={language} />
      <FindingList findings={outcome.findings} inputs={inputs} language={language} onSelect={actions.selectCell} headingId="findings-heading" />
      {actions.notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{actions.notice}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="secondary" aria-expanded={actions.editingTargets} onClick={actions.toggleTargets}>
        {t.editTargets}
      </Button>
      {actions.editingTargets && <TargetsEditor indicators={outcome.indicators} language={language} onSave={actions.storeTargets} />}
    </>
  );
}

export function App({ createHost, runs, language: initial = "vi", storage = null, readFiles, onLanguage }: AppProps) {
  const styles = useStyles();
  const { language, switchLanguage } = useLanguage(initial, storage, onLanguage);
  const t = STRINGS[language];
  const { view, run } = useRuns(createHost, runs, language);
  const actions = useOutcomeActions(createHost, language, run);
  const outcome = view.status === "done" ? view.outcome : undefined;
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
      <RunActions language={language} busy={view.status === "busy"} onRun={(action) => void run(action)} />
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {announcementOf(view, language)}
      </div>
      <RunStatus view={view} language={language} selectionFailure={actions.selectionFailure} />
      {outcome && <OutcomePanel outcome={outcome} language={language} actions={actions} />}
      <WorkbookTools createHost={createHost} language={language} readFiles={readFiles} />
    </main>
  );
}
