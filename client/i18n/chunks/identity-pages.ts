/**
 * The identity pages' messages (verifying an address, forgotten and new
 * password, unsubscribing), registered when their chunk loads:
 * pages/identity/identity-pages.ts imports this module.
 */
import { registerMessages } from '../index.ts'
import { identityPages as fr } from '../fr/identity-pages.ts'
import { identityPages as en } from '../en/identity-pages.ts'

registerMessages({ fr, en })
