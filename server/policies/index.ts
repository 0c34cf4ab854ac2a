/** Loads every resource's rules; import `can`/`authorize` from here. */
import './organizations.js'
import './dossiers.js'
import './documents.js'
import './contributions.js'

export * from './policy.js'
