/** Minutes (протокол), adoption at a council, special opinions, the depositary copy. Errors of this area are here too (`error.<code>`). */
export const minutesMessages = {
  ru: {} as Record<string, string>,
  en: {} as Record<string, string>,
  tg: {} as Record<string, string>,
}
