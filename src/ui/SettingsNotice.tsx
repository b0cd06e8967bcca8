/** Says that the stored settings could not be read and the defaults are in force (never a silent reset). */
export interface SettingsNoticeProps {
  notice: string;
}

export function SettingsNotice({ notice }: SettingsNoticeProps) {
  return (
    <div class="notice" role="alert">
      <h2>Your settings were reset to the defaults</h2>
      <p>{notice}</p>
    </div>
  );
}
