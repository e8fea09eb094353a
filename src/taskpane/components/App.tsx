import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { recalculateWorkbook, validateWorkbook, type RunOutcome } from "../../app/use-cases";
import type { TargetEdits } from "../../core/template/targets-sheet";
import type { RunMessage } from "../../commands/run-channel";
import { describeFailure } from "../../app/failure";
import "../../app/failure-en";
import type { WorkbookHost } from "../../core/model";
import { FindingList } from "./FindingList";
import { IndicatorList } from "./IndicatorList";
import { BelowTargetList } from "./BelowTargetList";
import { TargetsEditor } from "./TargetsEditor";
import { ColumnMapper } from "./ColumnMapper";
import { LegacyEncodingAction } from "./LegacyEncodingAction";
import { type ReadPickedFiles, WorkbookTools } from "./WorkbookTools";
import { convertLegacyText, mapColumn, saveTargets } from "../../app/workbook-tools";
import type { Language } from "../../core/findings/format";
import { ENCODING_LABELS } from "../../core/text/legacy-encoding";
import { fillIn, rememberLanguage, SEVERITY_LABELS, STRINGS } from "../strings";

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
  /** Runs started from the ribbon, and where this pane reports its own. */
  runs?: RunFeed;
  /** How picked files are read (ExcelJS, loaded on demand); tests give their own. */
  readFiles?: ReadPickedFiles;
}

type Action = "validate" | "recalculate";

type View =
  | { status: "idle" }
  | { status: "busy"; action: Action }
  | { status: "done"; action: Action; counts: RunOutcome["counts"]; fromRibbon: boolean; outcome?: RunOutcome }
  | { status: "failed"; message: string; fromRibbon: boolean };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  counts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function viewOf(message: RunMessage): View {
  const fromRibbon = message.source === "ribbon";
  return message.kind === "done"
    ? { status: "done", action: "recalculate", counts: message.counts, fromRibbon }
    : { status: "failed", message: message.message, fromRibbon };
}

export function App({ createHost, runs, language: initial = "vi", storage = null, readFiles }: AppProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(initial);
  const t = STRINGS[language];
  const titles: Record<Action, string> = { validate: t.validated, recalculate: t.recalculated };
  function switchLanguage() {
    const next: Language = language === "vi" ? "en" : "vi";
    setLanguage(next);
    rememberLanguage(storage, next);
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
      setView({ status: "failed", message: describeFailure(error, language, action), fromRibbon: false });
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
      setNotice(describeFailure(error, language, "mapping"));
    }
  }

  async function storeTargets(edits: TargetEdits) {
    try {
      await saveTargets(createHost(), edits);
      setEditingTargets(false);
      setNotice(t.targetsSaved);
    } catch (error) {
      setNotice(describeFailure(error, language, "targets"));
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
      setNotice(describeFailure(error, language, "convert"));
    }
  }

  async function selectCell(sheet: string, cell: string) {
    setSelectionFailure(null);
    try {
      await createHost().select?.(sheet, cell);
    } catch (error) {
      setSelectionFailure(describeFailure(error, language, "select"));
    }
  }

  const busy = view.status === "busy";
  return (
    <main className={styles.root} lang={language}>
      <div className={styles.actions}>
        <Title3 as="h1">{t.title}</Title3>
        <Button appearance="subtle" size="small" aria-label={t.languageLabel} onClick={switchLanguage}>
          {t.language}
        </Button>
      </div>
      <div className={styles.actions}>
        <Button appearance="secondary" disabled={busy} onClick={() => run("validate")}>
          {t.validate}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => run("recalculate")}>
          {t.recalculate}
        </Button>
      </div>
      {view.status === "busy" && <Spinner size="small" label={view.action === "validate" ? t.validating : t.recalculating} />}
      {view.status === "done" && (
        <MessageBar intent={view.counts.error > 0 ? "error" : view.counts.warning > 0 ? "warning" : "success"}>
          <MessageBarBody>
            <MessageBarTitle>{titles[view.action]}</MessageBarTitle>
            <ul className={styles.counts} aria-label={t.counts}>
              <li>{SEVERITY_LABELS[language].error}: {view.counts.error}</li>
              <li>{SEVERITY_LABELS[language].warning}: {view.counts.warning}</li>
              <li>{SEVERITY_LABELS[language].info}: {view.counts.info}</li>
            </ul>
            {view.fromRibbon && <Caption1>{t.fromRibbon}</Caption1>}
          </MessageBarBody>
        </MessageBar>
      )}
      {selectionFailure && (
        <MessageBar intent="warning">
          <MessageBarBody>{selectionFailure}</MessageBarBody>
        </MessageBar>
      )}
      {view.status === "done" && view.outcome && (
        <>
          <ColumnMapper findings={view.outcome.findings} language={language} onMap={storeMapping} />
          <LegacyEncodingAction findings={view.outcome.findings} language={language} onConvert={convertLegacy} />
          <FindingList findings={view.outcome.findings} language={language} onSelect={selectCell} />
          <IndicatorList indicators={view.outcome.indicators} language={language} />
          <BelowTargetList indicators={view.outcome.indicators} language={language} />
          {notice && (
            <MessageBar intent="info">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <Button appearance="secondary" onClick={() => (setEditingTargets(!editingTargets), setNotice(null))}>
            {t.editTargets}
          </Button>
          {editingTargets && <TargetsEditor indicators={view.outcome.indicators} language={language} onSave={storeTargets} />}
        </>
      )}
      {view.status === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{t.failed}</MessageBarTitle>
            {view.message}
          </MessageBarBody>
        </MessageBar>
      )}
      <WorkbookTools createHost={createHost} language={language} readFiles={readFiles} />
    </main>
  );
}
