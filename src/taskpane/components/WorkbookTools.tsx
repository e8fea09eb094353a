import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { describeFailure } from "../../app/failure";
import { consolidateIntoWorkbook, createTemplate } from "../../app/workbook-tools";
import { bundledCatalogue } from "../../core/definitions/bundled";
import type { Definitions } from "../../core/definitions/schema";
import { type District, isReadable } from "../../core/consolidate/province";
import type { Language } from "../../core/findings/format";
import type { WorkbookHost } from "../../core/model";
import { fillIn, STRINGS } from "../strings";
import { FilePicker } from "./FilePicker";
import type { PickedFiles } from "../district-files";

export type ReadPickedFiles = (files: readonly File[], definitions: Definitions) => Promise<PickedFiles>;

/** ExcelJS and zod arrive only when the person first reads files: the pane's first load stays small. */
export const readPickedFilesLazily: ReadPickedFiles = async (files, definitions) => {
  const { readPickedFiles } = await import(/* webpackChunkName: "xlsx-reader" */ "../district-files");
  return readPickedFiles(files, definitions);
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  toggle: { width: "100%", justifyContent: "flex-start", textAlign: "left", height: "auto", minWidth: 0 },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, overflowWrap: "anywhere" },
});

type Outcome = { intent: "success" | "warning" | "error"; title: string; lines: string[] } | null;

export function districtLines(districts: readonly District[], language: Language): string[] {
  const t = STRINGS[language];
  return districts.map((d) =>
    isReadable(d)
      ? fillIn(language, t.districtLine, { name: d.name, file: d.file, ...d.counts })
      : fillIn(language, d.duplicate ? t.districtDuplicate : t.districtUnreadable, { name: d.name, file: d.file, reason: d.reason }),
  );
}

/** Province consolidation of picked district files, and the blank template, both written into the open workbook. */
export function WorkbookTools({ createHost, language = "vi", readFiles = readPickedFilesLazily }: { createHost: () => WorkbookHost; language?: Language; readFiles?: ReadPickedFiles }) {
  const styles = useStyles();
  const t = STRINGS[language];
  const [districtFiles, setDistrictFiles] = useState<File[]>([]);
  const [profileFile, setProfileFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<"consolidate" | "template" | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [open, setOpen] = useState(false);

  async function consolidate() {
    setBusy("consolidate");
    setOutcome(null);
    try {
      const { definitions, profile } = bundledCatalogue();
      const picked = await readFiles(districtFiles, definitions);
      const result = await consolidateIntoWorkbook(createHost(), picked.sources, [...picked.profiles, profile]);
      const unread = result.districts.filter((d) => !isReadable(d)).length + picked.profileErrors.length;
      const withErrors = result.districts.some((d) => isReadable(d) && d.counts.error > 0);
      setOutcome({
        intent: unread || withErrors ? "warning" : "success",
        title: fillIn(language, t.consolidated, { sheet: result.sheet, count: result.districts.filter(isReadable).length }),
        lines: [...districtLines(result.districts, language), ...picked.profileErrors],
      });
    } catch (error) {
      setOutcome({ intent: "error", title: t.actionFailed, lines: [describeFailure(error, "consolidate", language)] });
    } finally {
      setBusy(null);
    }
  }

  async function template() {
    setBusy("template");
    setOutcome(null);
    try {
      let profile = bundledCatalogue().profile;
      if (profileFile) {
        const picked = await readFiles([profileFile], bundledCatalogue().definitions);
        if (picked.profileErrors.length || !picked.profiles.length) {
          setOutcome({ intent: "error", title: t.actionFailed, lines: picked.profileErrors.length ? picked.profileErrors : [fillIn(language, t.notAProfile, { file: profileFile.name })] });
          return;
        }
        profile = picked.profiles[0];
      }
      const sheets = await createTemplate(createHost(), profile);
      setOutcome({ intent: "success", title: fillIn(language, t.templateCreated, { district: profile.district, count: sheets.length }), lines: [] });
    } catch (error) {
      setOutcome({ intent: "error", title: t.actionFailed, lines: [describeFailure(error, "template", language)] });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="province-tools" className={styles.section}>
      {/* The district's own work comes first; the province's tools stay folded until asked for. */}
      <h2 className={styles.heading}>
        <Button id="province-tools" className={styles.toggle} appearance="subtle" aria-expanded={open} aria-controls="province-tools-body" onClick={() => setOpen(!open)}>
          {open ? "▾" : "▸"} {t.provinceTools}
        </Button>
      </h2>
      <div id="province-tools-body" className={open ? styles.body : undefined} hidden={!open}>

      <Subtitle2 as="h3">{t.provinceTitle}</Subtitle2>
      <Caption1>{t.provinceHint}</Caption1>
      <FilePicker label={t.pickFiles} choose={t.chooseFiles} none={t.noFileChosen} multiple accept=".xlsx,.json" disabled={busy !== null} files={districtFiles} onPick={setDistrictFiles} />
      <Button appearance="secondary" disabled={busy !== null || districtFiles.length === 0} onClick={() => void consolidate()}>
        {t.consolidate}
      </Button>
      {busy === "consolidate" && <Spinner size="small" label={t.consolidating} />}

      <Subtitle2 as="h3">{t.templateTitle}</Subtitle2>
      <Caption1>{t.templateHint}</Caption1>
      <FilePicker label={t.templateProfile} choose={t.chooseFile} none={t.noFileChosen} accept=".json" disabled={busy !== null} files={profileFile ? [profileFile] : []} onPick={(files) => setProfileFile(files[0] ?? null)} />
      <Button appearance="secondary" disabled={busy !== null} onClick={() => void template()}>
        {t.createTemplate}
      </Button>
      {busy === "template" && <Spinner size="small" label={t.creatingTemplate} />}

      {outcome && (
        <MessageBar intent={outcome.intent}>
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.lines.length > 0 && (
              <ul className={styles.list}>
                {outcome.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      </div>
    </section>
  );
}
