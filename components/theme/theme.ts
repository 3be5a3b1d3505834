/** The theme a person chose: the system setting (default), or light or dark whatever the system says. */
export type ThemePreference = "system" | "light" | "dark";

export const THEME_STORAGE_KEY = "deskbridge-theme";
export const THEME_PREFERENCES: readonly ThemePreference[] = ["system", "light", "dark"];

/**
 * Runs in <head> before the first paint, so a page never flashes the other theme: puts `dark` or
 * `light` on <html> from the remembered choice (localStorage) or the system setting, and follows
 * the system setting, and a choice made in another tab, while the page stays open. It is a string
 * because it runs before any bundle has loaded; applyTheme below is the same rule for the toggle.
 */
export const THEME_SCRIPT = `(function(){var k=${JSON.stringify(THEME_STORAGE_KEY)},q="(prefers-color-scheme: dark)";function a(){var p=null;try{p=localStorage.getItem(k)}catch(e){}if(p!=="light"&&p!=="dark")p="system";var d=p==="dark"||(p==="system"&&window.matchMedia(q).matches),r=document.documentElement;r.classList.toggle("dark",d);r.classList.toggle("light",!d);r.setAttribute("data-theme",p)}a();window.matchMedia(q).addEventListener("change",a);window.addEventListener("storage",function(e){if(e.key===k)a()})})();`;

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

/** Remembers the choice and applies it to the page at once. */
export function applyTheme(preference: ThemePreference) {
  try {
    if (preference === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage can be off (private modes); the choice then lasts for this page only.
  }
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.classList.toggle("light", !dark);
  root.setAttribute("data-theme", preference);
  window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
}

export const THEME_CHANGE_EVENT = "deskbridge:theme";
