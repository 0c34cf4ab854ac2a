/**
 * What the text needs to know about the brackets of the shown version: their current state
 * (backers and resolutions change after circulation, the stored text does not), and what a
 * click on one does (open its panel). Absent: brackets render as stored, not clickable.
 */
import { createContext, useContext } from 'react'
import type { BracketDTO } from '../../api/silence-brackets.js'

export interface BracketContextValue {
  byId: ReadonlyMap<string, BracketDTO>
  onOpen?: ((id: string) => void) | undefined
}

export const BracketContext = createContext<BracketContextValue | null>(null)

export function useBracketContext(): BracketContextValue | null {
  return useContext(BracketContext)
}
