/** Assembling what the certificate of agreement says about a frozen version, from the database. */
import type { LocalizedText } from '@core/i18n/languages.js'
import type { Queryable } from '../../../context.js'
import type { CertificateInput, CertificateReservation } from '../../../exports/pdf/certificate.js'
import { consensusOf } from '../../../repositories/consensus.js'
import type { LoadedDocument, VersionSummaryRow } from '../../../repositories/documents.js'

const parse = (json: string | null | undefined): LocalizedText => {
  if (!json) return {}
  try {
    return JSON.parse(json) as LocalizedText
  } catch {
    return { ru: json, en: json }
  }
}

/**
 * The certificate's input for a frozen version: the organization and its secretariat, the
 * lead body and its rule, every party taking part with its position on the document, and the
 * reservations — on the whole document and on single provisions — in force at the freeze
 * (a frozen version takes no more positions).
 */
export async function certificateInputFor(
  db: Queryable,
  loaded: LoadedDocument,
  version: VersionSummaryRow,
  opts: { verifyUrl: string; now: string },
): Promise<CertificateInput> {
  const { dossier, document, participants } = loaded
  const [org, body, consensus, provisionReservations, provisions] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['name', 'secretariat_name'])
      .where('id', '=', dossier.organization_id)
      .executeTakeFirstOrThrow(),
    dossier.lead_body_id
      ? db.selectFrom('bodies').select(['name']).where('id', '=', dossier.lead_body_id).executeTakeFirst()
      : Promise.resolve(undefined),
    consensusOf(db, dossier, version.id),
    db
      .selectFrom('position_events')
      .select(['party_id', 'provision_eid', 'text'])
      .where('version_id', '=', version.id)
      .where('kind', '=', 'reservation')
      .where('provision_eid', 'is not', null)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('provisions')
      .select(['eid', 'num', 'ordinal'])
      .where('version_id', '=', version.id)
      .orderBy('ordinal')
      .execute(),
  ])
  const { outcome } = consensus
  const names = new Map(participants.map((p) => [p.party_id, { code: p.code, name: parse(p.name) }]))
  const codeOf = new Map(consensus.parties.map((p) => [p.id, p.code]))
  const docText = new Map<string, string | null>()
  for (const r of outcome.reservations) docText.set(r.party, r.text)
  for (const o of outcome.objections) docText.set(o.party, o.text)
  for (const o of outcome.observers) docText.set(o.party, o.text)

  const parties = consensus.parties.map((p) => ({
    code: p.code,
    name: names.get(p.id)?.name ?? { ru: p.code, en: p.code },
    status: p.status,
    position: outcome.positionOf(p.code, null),
    text: docText.get(p.code) ?? null,
  }))

  // Reservations: on the whole document (the engine's), then those on single provisions that
  // are still the party's position there, in document order.
  const reservations: CertificateReservation[] = []
  for (const p of parties)
    if (p.position === 'reservation') reservations.push({ party: p.code, provision: null, text: p.text })
  const latest = new Map<string, { party: string; eid: string; text: string | null }>()
  for (const e of provisionReservations) {
    const party = codeOf.get(e.party_id)
    if (!party || !e.provision_eid) continue
    latest.set(`${party} ${e.provision_eid}`, { party, eid: e.provision_eid, text: e.text })
  }
  const order = new Map(provisions.map((p) => [p.eid, p]))
  const onProvisions = [...latest.values()]
    .filter((r) => order.has(r.eid) && outcome.positionOf(r.party, r.eid) === 'reservation')
    .sort((a, b) => order.get(a.eid)!.ordinal - order.get(b.eid)!.ordinal)
  for (const r of onProvisions)
    reservations.push({ party: r.party, provision: order.get(r.eid)?.num ?? r.eid, text: r.text })

  return {
    organization: { name: parse(org.name), secretariatName: parse(org.secretariat_name) },
    document: { title: parse(document.title), reference: dossier.reference },
    version: { label: parse(version.label), contentHash: version.content_hash, frozenAt: version.frozen_at! },
    body: body ? { name: parse(body.name) } : null,
    rule: consensus.rule,
    parties,
    signatories: outcome.signatories,
    nonParticipating: outcome.nonParticipating,
    adReferendum: outcome.adReferendum,
    reservations,
    verifyUrl: opts.verifyUrl,
    generatedAt: opts.now,
  }
}
