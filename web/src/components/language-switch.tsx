import { useI18n } from "../i18n/index.tsx";
import { Icon } from "./icons.tsx";

/** Switches between Vietnamese and English; the button is labelled in the language it switches to. */
export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  const next = lang === "vi" ? "en" : "vi";
  return (
    <button
      type="button"
      className="lang-switch"
      lang={next}
      onClick={() => setLang(next)}
      data-testid="language-switch"
    >
      <Icon name="globe" />
      <span className="button-label">{next === "en" ? "English" : "Tiếng Việt"}</span>
    </button>
  );
}
