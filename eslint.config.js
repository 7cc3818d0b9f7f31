// @ts-check
/**
 * ESLint (flat config) with typescript-eslint: the recommended rules, a few
 * that catch real bugs, and the direction of imports between layers
 * (docs/ARCHITECTURE.md, "Layout"). Formatting is not linted.
 *
 *   npm run lint            (part of npm test)
 */
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

/** Node's own modules, with or without the `node:` prefix. */
const NODE = `^(node:|(${builtinModules.join('|')})(/|$))`

/** An import restriction: every import whose specifier matches `regex` is refused with `message`. */
function forbid (regex, message) {
  return ['error', { patterns: [{ regex, message }] }]
}

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'test-output/', 'data/', 'backups/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Type information (each file's folder tsconfig.json) for the promise rules below.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The compiler already reports these, with the types in hand.
      'no-undef': 'off',
      // `any` is allowed at protocol edges (see README, rules of the project).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A promise nobody awaits loses its rejection (an unhandled rejection stops the server).
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a boolean is tested (always true), or spread into an object.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }]
    }
  },
  // Plain JavaScript (build scripts, this file) is in no tsconfig: no type-aware rules there.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': forbid(`${NODE}|(^|/)(server|client)/`,
        'shared/ runs on both sides: it imports no Node module, nothing from server/ or client/.')
    }
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': forbid(`${NODE}|(^|/)server/`,
        'The client imports shared/, never server/ nor Node modules.')
    }
  },
  {
    files: ['server/domain/**'],
    rules: {
      'no-restricted-imports': forbid('(^|/)(http|live|collab|export|cluster|mail|demo)/|(^|/)store/(sqlite|mongo|open)\\b|(^|/)(app|main)\\.ts$',
        'The domain reaches adapters only through interfaces (Store, events): it imports no adapter.')
    }
  },
  {
    files: ['server/live/**', 'server/collab/**'],
    rules: {
      'no-restricted-imports': forbid('(^|/)http/',
        'The socket adapters (live, collab) do not import the HTTP adapter: what they share is in server/domain or server/sockets.')
    }
  }
)
