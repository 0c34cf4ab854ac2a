/** What every route plugin receives. */
import type { Config } from '../config.js'
import type { DbHandle } from '../db/index.js'

export interface RouteDeps {
  handle: DbHandle
  config: Config
}
