/** English messages: the same keys as fr/shell.ts (the compiler checks it). */
import type { Translation } from '../types.ts'
import type { shell as fr } from '../fr/shell.ts'

export const shell: Translation<typeof fr> = {
  'app.name': 'Alinea',
  'app.tagline': 'Writing the law together, article by article',
  'skip.toMain': 'Skip to content',
  'nav.main': 'Main navigation',
  'nav.home': 'Consultations',
  'lang.label': 'Language',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'session.signedInAs': 'Signed in as {name}',
  'session.signIn': 'Sign in',
  'session.register': 'Create an account',
  'session.signOut': 'Sign out',
  'session.signingOut': 'Signing out…',
  'session.signedOut': 'You are signed out.',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',

  'home.title': 'Consultations',
  'home.intro': 'Read the bills open for consultation, vote article by article, propose amendments.',
  'home.open': 'Open consultations',
  'home.closed': 'Closed consultations',
  'home.drafts': 'Your drafts',
  'home.noOpen': 'No consultation is open at the moment.',
  'home.noClosed': 'No closed consultation.',
  'home.synthesis': 'Consultation report',

  'editors.title': 'Editors’ space',
  'editors.followTitle': 'Follow the drafting',
  'editors.backToBill': 'Back to the bill',
  'editors.readOnlyTitle': 'Read only',
  'editors.readOnly': 'Only the bill’s editors can change this text. You are following the drafting live.',
  'editors.loadingEditor': 'Loading the editor…',
  'editors.loadFailed': 'The editor could not be loaded.',

  'nav.breadcrumb': 'Breadcrumb',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.more': 'Show more',
  'common.required': '(required)',
  'live.on': 'Live',
  'live.connecting': 'Connecting to live updates…',
  'live.offline': 'Offline: reconnecting…',

  'nav.moderation': 'Moderation',

  'staff.nav.label': 'Pages of the bill',
  'staff.nav.bill': 'Text of the bill',
  'staff.nav.edit': 'Drafting',
  'staff.nav.amendments': 'Amendments to decide',
  'staff.nav.consolidated': 'Consolidated text',
  'staff.nav.synthesis': 'Report',
  'staff.signInTitle': 'Sign-in required',
  'staff.signInBody': 'Sign in to open this page.',
  'staff.forbiddenTitle': 'Not allowed',
  'staff.forbiddenBody': 'Your account does not give access to this page.',
  'common.pageLoadFailed': 'This page could not be loaded.',

  'notFound.title': 'Page not found',
  'notFound.body': 'This address matches no page.',
  'notFound.home': 'Back to consultations',

  'follow.follow': 'Follow',
  'follow.following': 'following',
  'follow.started': 'You follow {what}.',
  'follow.stopped': 'You no longer follow {what}.',
  'notifications.count.one': '{n} unread notification',
  'notifications.count.other': '{n} unread notifications',
  'nav.workspace': 'My space',
}
