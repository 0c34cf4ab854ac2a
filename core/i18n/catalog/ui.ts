/** Strings of the web workspace. Owned by the web app; ru and en complete. */
export const uiMessages = {
  ru: {} as Record<string, string>,
  en: {} as Record<string, string>,
  tg: {} as Record<string, string>,
}
