/** The demo's citizens' council: recruiting, with its quotas, so the invitation shows on the bill and its articles. */
import type { Ctx } from '../domain/context.ts'
import type { UserRecord } from '../store/store.ts'
import { putCouncil, volunteer } from '../domain/council/setup.ts'

/** Sets up a council of 40 on the demo bill and volunteers one demo citizen. */
export async function seedCouncil (ctx: Ctx, author: UserRecord, citizen: UserRecord, billId: string): Promise<void> {
  await putCouncil(ctx, author, billId, {
    size: 40,
    closesAt: new Date(ctx.now().getTime() + 30 * 86_400_000).toISOString(),
    commitmentText: 'Trois samedis de travail au Parlement (frais de transport et de garde pris en charge), puis un avis public sur les amendements et les articles les plus débattus.',
    categories: [
      { key: 'genre', label: 'Genre', values: [{ key: 'femme', label: 'Femme', min: 19, max: 21 }, { key: 'homme', label: 'Homme', min: 19, max: 21 }] },
      {
        key: 'age',
        label: 'Tranche d’âge',
        values: [
          { key: '18-29', label: '18 à 29 ans', min: 6, max: 9 }, { key: '30-44', label: '30 à 44 ans', min: 9, max: 11 },
          { key: '45-59', label: '45 à 59 ans', min: 9, max: 11 }, { key: '60+', label: '60 ans et plus', min: 10, max: 13 }
        ]
      },
      {
        key: 'territoire',
        label: 'Territoire',
        values: [
          { key: 'urbain', label: 'Grande ville', min: 14, max: 18 }, { key: 'periurbain', label: 'Périurbain', min: 9, max: 13 },
          { key: 'rural', label: 'Rural', min: 8, max: 12 }, { key: 'outre-mer', label: 'Outre-mer', min: 1, max: 3 }
        ]
      }
    ]
  })
  await volunteer(ctx, citizen, billId, { genre: 'femme', age: '30-44', territoire: 'rural' })
}
