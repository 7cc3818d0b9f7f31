/** English messages: the same keys as fr/identity-pages.ts (the compiler checks it). */
import type { Translation } from '../types.ts'
import type { identityPages as fr } from '../fr/identity-pages.ts'

export const identityPages: Translation<typeof fr> = {
  'verify.title': 'Confirming your address',
  'verify.done': 'Your address is confirmed: you can vote, amend and argue.',
  'verify.noToken': 'This link is incomplete: open the link of the e-mail as it is.',
  'verify.errorHelp': 'You can ask for a new link from your account:',
  'forgot.title': 'Forgot your password',
  'forgot.intro': 'Give the address of your account: we will send a link to choose a new password.',
  'forgot.submit': 'Send me a link',
  'forgot.sent': 'If an account uses {email}, a link was just sent there. It is valid for one hour.',
  'forgot.back': 'Back to sign in',
  'reset.title': 'New password',
  'reset.submit': 'Save the password',
  'reset.done': 'Your password is changed and all your sessions are closed.',
  'unsubscribe.title': 'Stop notification e-mails',
  'unsubscribe.intro': 'You will receive no more notification e-mails. Your notifications stay in your account.',
  'unsubscribe.confirm': 'Confirm',
  'unsubscribe.done': 'Done: no more notification e-mails.',
}
