/** Mail, notification preferences, digests, reminders and the jobs page. Errors of this area are here too (`error.<code>`). */
export const mailMessages = {
  ru: {} as Record<string, string>,
  en: {} as Record<string, string>,
  tg: {} as Record<string, string>,
}
