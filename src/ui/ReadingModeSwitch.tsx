/** The popup's reading-mode switch: hide every highlight and the navigator on this tab, or show them again. */
export interface ReadingModeSwitchProps {
  hidden: boolean;
  /** The keyboard command's shortcut as the browser has it ("Alt+Shift+H"); empty when none is set. */
  shortcut: string;
  onChange: (hidden: boolean) => void;
}

export function ReadingModeSwitch({ hidden, shortcut, onChange }: ReadingModeSwitchProps) {
  return (
    <label class="reading-mode">
      <input
        type="checkbox"
        role="switch"
        checked={hidden}
        aria-keyshortcuts={shortcut || undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      Hide highlights on this tab
      {shortcut && <kbd class="shortcut">{shortcut}</kbd>}
    </label>
  );
}
