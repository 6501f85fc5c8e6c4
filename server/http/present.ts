/**
 * Records → API shapes. Each copies named fields rather than spreading the record, so a field
 * added to the store later (a secret, a hash) never leaks into a response by default.
 */

import type { z } from 'zod'
import { readLineSettings } from '../line-settings/index.ts'
import type { Line, Operator, Visitor, Widget, Workspace } from '../store/types.ts'
import type * as s from './schemas.ts'

export function presentWorkspace(w: Workspace): z.infer<typeof s.workspace> {
  return { id: w.id, name: w.name, createdAt: w.createdAt }
}

export function presentOperator(o: Operator): s.PublicOperator {
  return {
    id: o.id,
    workspaceId: o.workspaceId,
    email: o.email,
    name: o.name,
    avatarUrl: o.avatarUrl,
    role: o.role,
    createdAt: o.createdAt,
  }
}

export function presentLine(l: Line): z.infer<typeof s.line> {
  return { id: l.id, workspaceId: l.workspaceId, name: l.name, settings: l.settings, createdAt: l.createdAt }
}

/** The settings API answers with every part read tolerantly and defaulted (issue "Open lines"). */
export function presentLineWithSettings(l: Line): z.infer<typeof s.lineWithSettings> {
  return { ...presentLine(l), settings: readLineSettings(l.settings) }
}

export function presentWidget(w: Widget): z.infer<typeof s.widget> {
  return {
    id: w.id,
    workspaceId: w.workspaceId,
    lineId: w.lineId,
    name: w.name,
    publicSlug: w.publicSlug,
    settings: w.settings,
    allowedOrigins: w.allowedOrigins,
    createdAt: w.createdAt,
  }
}

export function presentVisitor(v: Visitor): z.infer<typeof s.visitor> {
  return { id: v.id, name: v.name, email: v.email, phone: v.phone, context: v.context }
}
