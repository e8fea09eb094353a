import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type DragEvent, type ReactNode, useState } from "react";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** Files dropped from the file manager: whatever holds no file (text, a link) is left to the browser. */
export function droppedFiles(event: DragEvent): File[] | null {
  return event.dataTransfer.types.includes("Files") ? [...event.dataTransfer.files] : null;
}

/** A region that takes files dropped on it; the drop stops here, so an enclosing region does not take them too. */
export function DropZone({ label, onFiles, children }: { label: string; onFiles: (files: File[]) => void; children: ReactNode }) {
  const styles = useStyles();
  const [over, setOver] = useState(false);
  return (
    <section
      aria-label={label}
      data-drop-zone
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        const files = droppedFiles(e);
        if (!files) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        if (files.length) onFiles(files);
      }}
    >
      {children}
    </section>
  );
}
