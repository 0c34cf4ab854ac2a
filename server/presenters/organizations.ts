/** Organization, party and body rows → API shapes (fields chosen explicitly). */
import type { BodyDTO, OrganizationDTO, PartyDTO } from '@core/api/types.js'
import type { BodyKind, MembershipStatus } from '@core/domain/roles.js'
import type { BodyRow, OrganizationRow } from '../db/types.js'

export function presentOrganization(o: OrganizationRow): OrganizationDTO {
  return {
    id: o.id,
    slug: o.slug,
    name: JSON.parse(o.name),
    shortName: JSON.parse(o.short_name),
    secretariatName: JSON.parse(o.secretariat_name),
    version: o.version,
  }
}

export function presentParty(p: {
  id: string
  code: string
  name: string
  status: MembershipStatus
  since: string | null
  until: string | null
  experts_may_submit: number
}): PartyDTO {
  return {
    id: p.id,
    code: p.code,
    name: JSON.parse(p.name),
    status: p.status,
    memberSince: p.since,
    memberUntil: p.until,
    expertsMaySubmit: !!p.experts_may_submit,
  }
}

export function presentBody(b: BodyRow): BodyDTO {
  return {
    id: b.id,
    organizationId: b.organization_id,
    code: b.code,
    kind: b.kind as BodyKind,
    name: JSON.parse(b.name),
    decisionRule: JSON.parse(b.decision_rule),
  }
}
