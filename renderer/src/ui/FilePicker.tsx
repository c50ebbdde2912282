import { useRef } from 'react';

interface FilePickerProps {
  /** The button's words, in Plume's language. */
  label: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  className?: string;
  /** Names the hidden file input, where tests hand it files. */
  'data-testid'?: string;
}

/**
 * A button that opens the system's file chooser. The browser's own file field shows its words
 * in the browser's language (« Choose File », « No file chosen » in a French Plume on an
 * English system) and, hidden behind a label, could not be reached with the keyboard; this one
 * is a real button, focusable, in Plume's words. The same file can be picked twice in a row.
 */
export function FilePicker({ label, accept, onFile, disabled = false, className, 'data-testid': testId }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
