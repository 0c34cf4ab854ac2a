/** Loads every resource's rules; import `can`/`authorize` from here. */
import './organizations.js'
import './dossiers.js'
import './documents.js'
import './contributions.js'
import './meetings.js'
import './minutes.js'
import './adoptions.js'
import './news.js'

export * from './policy.js'
