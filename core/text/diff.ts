/** Placeholder replaced by the diff implementation (see helper brief). */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete'
  text: string
}
