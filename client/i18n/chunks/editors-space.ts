/**
 * The editors' space messages (co-drafting editor, toolbar, presence,
 * connection, publishing), registered when its chunk loads:
 * pages/editors-space/EditorWorkspace.tsx imports this module.
 */
import { registerMessages } from '../index.ts'
import { editorsSpace as fr } from '../fr/editors-space.ts'
import { editorsSpace as en } from '../en/editors-space.ts'

registerMessages({ fr, en })
