/** Verifying copies of texts against the agreed versions. See docs/certificate.md. */
export { type AgreedVersion, findAgreed } from './agreed.js'
export { customProperties, docxParagraphs, visibleParagraphs } from './docx-text.js'
export {
  canonicalHashOf,
  identify,
  type VerifyKind,
  type VerifyProblem,
  type VerifyProblemCode,
  type VerifyResult,
} from './verify.js'
