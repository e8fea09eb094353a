import { Button, Caption1, Label, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef } from "react";

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** The browser's file input speaks the browser's language; this one speaks the pane's and lists what was picked. */
export function FilePicker(props: { label: string; choose: string; none: string; accept: string; multiple?: boolean; disabled: boolean; files: readonly File[]; onPick: (files: File[]) => void }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <div className={styles.picker}>
      <Label htmlFor={id}>{props.label}</Label>
      <input ref={input} id={id} type="file" hidden multiple={props.multiple} accept={props.accept} onChange={(e) => props.onPick([...(e.target.files ?? [])])} />
      <div className={styles.row}>
        <Button size="small" disabled={props.disabled} onClick={() => input.current?.click()}>
          {props.choose}
        </Button>
        <Caption1>{props.files.length ? props.files.map((f) => f.name).join(", ") : props.none}</Caption1>
      </div>
    </div>
  );
}

