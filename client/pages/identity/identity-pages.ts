/**
 * The pages reached from an email (verifying an address, choosing a new
 * password, unsubscribing) and "forgotten password": one chunk loaded on
 * demand. Its messages are registered first.
 */
import '../../i18n/chunks/identity-pages.ts'
export { VerifyPage } from './Verify.tsx'
export { ForgotPasswordPage } from './ForgotPassword.tsx'
export { ResetPasswordPage } from './ResetPassword.tsx'
export { UnsubscribePage } from './Unsubscribe.tsx'
