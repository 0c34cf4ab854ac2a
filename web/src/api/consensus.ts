/**
 * Positions and consensus: the outcome of a version (agreed or open, with the reasons and
 * the parties × provisions matrix), the history of statements, stating a position,
 * freezing the agreed text, the downloads of a frozen text, and checking a file against
 * the agreed texts. Every write refreshes what it may have changed.
 */
import type { Envelope } from '@core/api/types.js'
import type { DocumentOutcome, EffectivePosition, PositionKind, Reason } from '@core/domain/consensus.js'
import type { DecisionRule } from '@core/domain/decision-rules.js'
import type { Lang } from '@core/i18n/languages.js'
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiRequestError, api } from './client.js'

const enc = encodeURIComponent

export interface ConsensusMatrixDTO {
  parties: { code: string; status: 'member' | 'observer' }[]
  /** Provision eids in document order. */
  provisions: string[]
  /** Row-major parties × provisions, one character per cell (see `legend`). */
  cells: string
  legend: Record<EffectivePosition, string>
}

export interface ConsensusDTO extends Omit<DocumentOutcome, 'positionOf'> {
  rule: DecisionRule
  frozenAt: string | null
  matrix: ConsensusMatrixDTO
}

export interface PositionEventDTO {
  id: string
  party: string
  isObserver: boolean
  /** Null: on the whole document. */
  provisionEid: string | null
  kind: PositionKind
  text: string | null
  statedBy: string | null
  at: string
}

export interface StatePositionInput {
  kind: PositionKind
  provisionEid: string | null
  text: string | null
}

export interface FreezeResult {
  frozenAt: string
  contentHash: string
  signatories: string[]
}

/** The details of a 409 not_agreed: why the text cannot be frozen yet. */
export interface NotAgreedDetails {
  reasons?: Reason[]
}

const versionPath = (documentId: string, versionId: string) =>
  `/api/documents/${enc(documentId)}/versions/${enc(versionId)}`

export const consensusKey = (documentId: string, versionId: string) =>
  ['consensus', documentId, versionId] as const

export function fetchConsensus(documentId: string, versionId: string, signal?: AbortSignal) {
  return api<Envelope<ConsensusDTO>>(
    `${versionPath(documentId, versionId)}/consensus`,
    signal ? { signal } : {},
  )
}

export function useConsensus(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: consensusKey(documentId, versionId ?? ''),
    enabled: !!documentId && !!versionId,
    // Other parties state their positions meanwhile: always fresh on arrival, then polled.
    staleTime: 0,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    queryFn: ({ signal }) => fetchConsensus(documentId, versionId ?? '', signal),
  })
}

export function usePositionHistory(documentId: string, versionId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['positions', documentId, versionId],
    enabled: enabled && !!documentId && !!versionId,
    staleTime: 0,
    queryFn: ({ signal }) =>
      api<Envelope<PositionEventDTO[]>>(`${versionPath(documentId, versionId ?? '')}/positions`, { signal }),
  })
}

/** Prefixes of the queries a position or a freeze may change. */
const AFFECTED = [
  'consensus',
  'positions',
  'awaiting',
  'version',
  'document',
  'dossier',
  'dossiers',
  'silence',
]

function refreshConsensus(queryClient: QueryClient): Promise<void> {
  return Promise.all(AFFECTED.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))).then(
    () => undefined,
  )
}

export function useStatePosition(documentId: string, versionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: StatePositionInput) =>
      api<Envelope<{ id: string; kind: PositionKind; isObserver: boolean; at: string }>>(
        `${versionPath(documentId, versionId)}/positions`,
        {
          method: 'POST',
          body: {
            kind: input.kind,
            provisionEid: input.provisionEid,
            text: input.text?.trim() ? input.text.trim() : null,
          },
        },
      ),
    onSuccess: () => refreshConsensus(queryClient),
  })
}

export function useFreeze(documentId: string, versionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      api<Envelope<FreezeResult>>(`${versionPath(documentId, versionId)}/freeze`, { method: 'POST' }),
    onSuccess: () => refreshConsensus(queryClient),
  })
}

/** The certificate of agreement of a frozen version (PDF), in a language. */
export function certificateUrl(documentId: string, versionId: string, lang: Lang): string {
  return `${versionPath(documentId, versionId)}/certificate.pdf?lang=${lang}`
}

/** The text of a version as DOCX, in a language. */
export function textDocxUrl(documentId: string, versionId: string, lang: Lang): string {
  return `${versionPath(documentId, versionId)}/text.docx?lang=${lang}`
}

export interface VerifyMatch {
  documentId: string
  versionId: string
  title: Record<string, string> | string
  label: Record<string, string> | string
  reference: string
  frozenAt: string | null
}

/** A problem found in a file: `verify.problem.<code>` with its params. */
export interface VerifyProblem {
  code: string
  /** Already in the user's language. */
  message?: string
  params?: Record<string, string | number>
  details?: Record<string, unknown>
}

export interface VerifyResult {
  /** json, docx or unknown (`verify.kind.<kind>`). */
  kind: string
  /** SHA-256 of the canonical content; null when none could be read. */
  hash: string | null
  ok: boolean
  /** True when the file is exactly an agreed text the user may read. */
  agreed?: boolean
  problems: VerifyProblem[]
  matches: VerifyMatch[]
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The content type a file is sent with: DOCX or JSON, by its name or its own type. */
export function verifyContentType(file: File): string {
  if (/\.docx$/i.test(file.name) || file.type === DOCX_TYPE) return DOCX_TYPE
  return 'application/json'
}

/**
 * Sends the file's bytes as they are; the server computes the hash and looks it up. A file
 * it cannot read at all (422 verify_unreadable) is an answer too: it matches no agreed text.
 */
export async function verifyFile(file: File): Promise<VerifyResult> {
  try {
    const response = await api<Envelope<VerifyResult>>('/api/verify', {
      method: 'POST',
      raw: { body: file, contentType: verifyContentType(file) },
    })
    return response.data
  } catch (error) {
    if (!(error instanceof ApiRequestError) || error.code !== 'verify_unreadable') throw error
    const details = (error.details ?? {}) as { kind?: string; problems?: string[] }
    const problems = (details.problems ?? []).map((code) => ({ code }))
    return {
      kind: details.kind ?? 'unknown',
      hash: null,
      ok: false,
      agreed: false,
      problems: problems.length ? problems : [{ code: 'unreadable', message: error.message }],
      matches: [],
    }
  }
}
