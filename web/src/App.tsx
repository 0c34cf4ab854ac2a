/** Routes of the workspace. Everything but sign-in requires a session. */
import { Route, Routes } from 'react-router'
import { RequireAuth } from './components/RequireAuth.js'
import { ApprovalTrackerPage } from './pages/ApprovalTrackerPage.js'
import { AwaitingPage } from './pages/AwaitingPage.js'
import { CalendarPage } from './pages/CalendarPage.js'
import { ComparePage } from './pages/ComparePage.js'
import { ConsensusPage } from './pages/ConsensusPage.js'
import { ContributionsPage } from './pages/ContributionsPage.js'
import { DocumentPage } from './pages/DocumentPage.js'
import { DossierListPage } from './pages/DossierListPage.js'
import { DossierPage } from './pages/DossierPage.js'
import { JobsPage } from './pages/JobsPage.js'
import { LoginPage } from './pages/LoginPage.js'
import { MeetingPage } from './pages/MeetingPage.js'
import { MinutesPage } from './pages/MinutesPage.js'
import { NewsEditorPage } from './pages/NewsEditorPage.js'
import { NotFoundPage } from './pages/NotFoundPage.js'
import { NotificationSettingsPage } from './pages/NotificationSettingsPage.js'
import { NotificationsPage } from './pages/NotificationsPage.js'
import { PressPage } from './pages/PressPage.js'
import { ProcedureSettingsPage } from './pages/ProcedureSettingsPage.js'
import { SyndicationPage } from './pages/SyndicationPage.js'
import { TablePage } from './pages/TablePage.js'
import { VerifyPage } from './pages/VerifyPage.js'

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<DossierListPage />} />
        <Route path="/dossiers/:id" element={<DossierPage />} />
        <Route path="/documents/:id" element={<DocumentPage />} />
        <Route path="/documents/:id/versions/:versionId" element={<DocumentPage />} />
        <Route path="/documents/:id/versions/:versionId/consensus" element={<ConsensusPage />} />
        <Route path="/documents/:id/compare" element={<ComparePage />} />
        <Route path="/rounds/:id/table" element={<TablePage />} />
        <Route path="/contributions" element={<ContributionsPage />} />
        <Route path="/positions" element={<AwaitingPage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/meetings/:id" element={<MeetingPage />} />
        <Route path="/meetings/:id/minutes" element={<MinutesPage />} />
        <Route path="/calendar" element={<CalendarPage />} />
        <Route path="/dossiers/:id/approvals" element={<ApprovalTrackerPage />} />
        <Route path="/settings/procedures" element={<ProcedureSettingsPage />} />
        <Route path="/settings/notifications" element={<NotificationSettingsPage />} />
        <Route path="/admin/jobs" element={<JobsPage />} />
        <Route path="/press" element={<PressPage />} />
        <Route path="/press/items/:id" element={<NewsEditorPage />} />
        <Route path="/press/syndication" element={<SyndicationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
