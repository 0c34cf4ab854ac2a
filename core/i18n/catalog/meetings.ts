/** Meetings, agenda, participants, attendance, quorum, invitations and the calendar. Errors of this area are here too (`error.<code>`). */
export const meetingMessages = {
  ru: {} as Record<string, string>,
  en: {} as Record<string, string>,
  tg: {} as Record<string, string>,
}
