/** Procedure templates, stages, guards, the dossier timeline, domestic approval and supporting documents. Errors of this area are here too (`error.<code>`). */
export const procedureMessages = {
  ru: {} as Record<string, string>,
  en: {} as Record<string, string>,
  tg: {} as Record<string, string>,
}
