/** English messages: the same keys as fr/sign-in.ts (the compiler checks it). */
import type { Translation } from '../types.ts'
import type { signIn as fr } from '../fr/sign-in.ts'

export const signIn: Translation<typeof fr> = {
  'login.title': 'Sign in',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.pending': 'Signing in…',
  'login.done': 'You are signed in.',
  'login.noAccount': 'No account yet?',

  'register.title': 'Create an account',
  'register.displayName': 'Display name',
  'register.displayNameHint': 'Shown next to your contributions.',
  'register.email': 'Email address',
  'register.emailHint': 'Never published.',
  'register.password': 'Password',
  'register.passwordHint': 'At least {min} characters.',
  'register.profileType': 'You take part as',
  'register.profile.citizen': 'A citizen',
  'register.profile.organisation': 'An organisation (association, company, union…)',
  'register.profile.institution': 'An institution (local authority, administration…)',
  'register.submit': 'Create my account',
  'register.pending': 'Creating your account…',
  'register.done': 'Account created, you are signed in.',
  'register.haveAccount': 'Already have an account?',

  'account.title': 'My account',

  'login.forgot': 'Forgot your password?',
  'login.oidc': 'Sign in with {label}',
  'verify.bannerTitle': 'Confirm your address to vote',
  'verify.bannerBody': 'This consultation counts people: to vote, amend, argue or report, open the link sent to {email}.',
  'verify.resend': 'Send the link again',
  'verify.sending': 'Sending the link…',
  'verify.sent': 'A new link was sent to {email}.',
  'verify.oidcTitle': 'Sign in with your identity to take part',
  'verify.oidcBody': 'This consultation asks for a verified identity: sign in with the identity provider offered on the sign-in page.',
  'verify.oidcLink': 'Go to the sign-in page',
  'reset.password': 'New password',
  'login.wrongCredentials': 'Wrong e-mail address or password.',
}
