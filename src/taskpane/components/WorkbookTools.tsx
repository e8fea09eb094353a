import { Button, Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { consolidateIntoWorkbook, createTemplate } from "../../app/workbook-tools";
import { bundledCatalogue } from "../../core/definitions/bundled";
import type { Definitions, Profile } from "../../core/definitions/schema";
import type { Consolidation } from "../../core/consolidate/consolidate";
import { type District, isReadable } from "../../core/consolidate/province";
import type { Language } from "../../core/findings/format";
import { renderReason } from "../../core/findings/render";
import type { WorkbookHost } from "../../core/model";
import { fillIn, fillInLevels, inBundledLevels, STRINGS } from "../strings";
import { type Notice, NoticeBar, useActionRun } from "./ActionNotice";
import { FilePicker } from "./FilePicker";
import type { PickedFiles } from "../district-files";

export type ReadPickedFiles = (files: readonly File[], definitions: Definitions) => Promise<PickedFiles>;

/** ExcelJS and zod arrive only when the person first reads files: the pane's first load stays small. */
const readPickedFilesLazily: ReadPickedFiles = async (files, definitions) => {
  const { readPickedFiles } = await import(/* webpackChunkName: "xlsx-reader" */ "../district-files");
  return readPickedFiles(files, definitions);
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  heading: { margin: 0 },
  toggle: { width: "100%", justifyContent: "flex-start", textAlign: "left", height: "auto", minWidth: 0 },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, overflowWrap: "anywhere" },
});


type Tool = "consolidate" | "template";

export function districtLines(districts: readonly District[], language: Language): string[] {
  const t = STRINGS[language];
  return districts.map((d) =>
    isReadable(d)
      ? fillIn(language, t.districtLine, { name: d.name, file: d.file, ...d.counts })
      : fillIn(language, d.duplicate ? t.districtDuplicate : t.districtUnreadable, { name: d.name, file: d.file, reason: renderReason(d.reason, language) }),
  );
}

/** What a consolidation says: the sheet and how many districts it took, then a line for each district and each refused profile. */
export function consolidationOutcome(result: Consolidation & { sheet: string }, profileErrors: readonly string[], language: Language): NonNullable<Notice> {
  const unread = result.districts.filter((d) => !isReadable(d)).length + profileErrors.length;
  const withErrors = result.districts.some((d) => isReadable(d) && d.counts.error > 0);
  return {
    intent: unread || withErrors ? "warning" : "success",
    title: fillInLevels(language, STRINGS[language].consolidated, result.consolidating.levels, { sheet: result.sheet, count: result.districts.filter(isReadable).length }),
    lines: [...districtLines(result.districts, language), ...profileErrors],
  };
}

/** The profile for the template: the bundled one when none is picked, or why the picked file is not one. */
export async function templateProfile(file: File | null, readFiles: ReadPickedFiles, language: Language): Promise<{ profile: Profile } | { errors: string[] }> {
  const { definitions, profile } = bundledCatalogue();
  if (!file) return { profile };
  const picked = await readFiles([file], definitions);
  if (picked.profileErrors.length || !picked.profiles.length) {
    return { errors: picked.profileErrors.length ? picked.profileErrors : [fillIn(language, STRINGS[language].notAProfile, { file: file.name })] };
  }
  return { profile: picked.profiles[0] };
}

interface ToolProps {
  createHost: () => WorkbookHost;
  language: Language;
  readFiles: ReadPickedFiles;
  busy: Tool | null;
  run: (tool: Tool, work: () => Promise<Notice>) => Promise<void>;
}

function ConsolidateTool({ createHost, language, readFiles, busy, run }: ToolProps) {
  const t = inBundledLevels(STRINGS[language], language);
  const [files, setFiles] = useState<File[]>([]);
  const consolidate = () =>
    run("consolidate", async () => {
      const { definitions, profile } = bundledCatalogue();
      const picked = await readFiles(files, definitions);
      const result = await consolidateIntoWorkbook(createHost(), picked.sources, [...picked.profiles, profile]);
      return consolidationOutcome(result, picked.profileErrors, language);
    });
  return (
    <>
      <Subtitle2 as="h3">{t.provinceTitle}</Subtitle2>
      <Caption1>{t.provinceHint}</Caption1>
      <FilePicker label={t.pickFiles} choose={t.chooseFiles} none={t.noFileChosen} multiple accept=".xlsx,.json" disabled={busy !== null} files={files} onPick={setFiles} />
      <Button appearance="secondary" disabled={busy !== null || files.length === 0} onClick={() => void consolidate()}>
        {t.consolidate}
      </Button>
      {busy === "consolidate" && <Spinner size="small" label={t.consolidating} />}
    </>
  );
}

function TemplateTool({ createHost, language, readFiles, busy, run }: ToolProps) {
  const t = inBundledLevels(STRINGS[language], language);
  const [profileFile, setProfileFile] = useState<File | null>(null);
  const template = () =>
    run("template", async () => {
      const chosen = await templateProfile(profileFile, readFiles, language);
      if ("errors" in chosen) return { intent: "error", title: t.actionFailed, lines: chosen.errors };
      const sheets = await createTemplate(createHost(), chosen.profile);
      return { intent: "success", title: fillInLevels(language, STRINGS[language].templateCreated, chosen.profile.levels, { district: chosen.profile.district, count: sheets.length }), lines: [] };
    });
  return (
    <>
      <Subtitle2 as="h3">{t.templateTitle}</Subtitle2>
      <Caption1>{t.templateHint}</Caption1>
      <FilePicker label={t.templateProfile} choose={t.chooseFile} none={t.noFileChosen} accept=".json" disabled={busy !== null} files={profileFile ? [profileFile] : []} onPick={(files) => setProfileFile(files[0] ?? null)} />
      <Button appearance="secondary" disabled={busy !== null} onClick={() => void template()}>
        {t.createTemplate}
      </Button>
      {busy === "template" && <Spinner size="small" label={t.creatingTemplate} />}
    </>
  );
}

/** Province consolidation of picked district files, and the blank template, both written into the open workbook. */
export function WorkbookTools({ createHost, language = "vi", readFiles = readPickedFilesLazily }: { createHost: () => WorkbookHost; language?: Language; readFiles?: ReadPickedFiles }) {
  const styles = useStyles();
  const t = inBundledLevels(STRINGS[language], language);
  const [open, setOpen] = useState(false);
  const { busy, notice, run } = useActionRun<Tool>(language);
  const tool: ToolProps = { createHost, language, readFiles, busy, run };
  return (
    <section aria-labelledby="province-tools" className={styles.section}>
      {/* The district's own work comes first; the province's tools stay folded until asked for. */}
      <h2 className={styles.heading}>
        <Button id="province-tools" className={styles.toggle} appearance="subtle" aria-expanded={open} aria-controls="province-tools-body" onClick={() => setOpen(!open)}>
          {open ? "▾" : "▸"} {t.provinceTools}
        </Button>
      </h2>
      <div id="province-tools-body" className={open ? styles.body : undefined} hidden={!open}>
        <ConsolidateTool {...tool} />
        <TemplateTool {...tool} />
        <NoticeBar notice={notice} />
      </div>
    </section>
  );
}
