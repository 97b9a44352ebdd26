// ESLint for the web workspace (web-shared, web-crm, web-admin): `npm run lint` at the repository root; the Maven
// module web-shared runs it in the build, so a violation fails the build.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Which features a feature may import, per app (bulletproof-react: app → features → shared, and between features
 * only along these edges). The graph must stay acyclic: the check below refuses a map with a cycle, and the
 * generated rules refuse an import along an edge the map does not list.
 */
const FEATURES = {
  'web-crm': {
    analytics: ['me'],
    auth: [],
    lead: ['me', 'settings', 'stages'],
    leads: ['lead', 'me', 'settings', 'stages'],
    live: ['lead'],
    me: ['push'],
    now: ['lead', 'me'],
    push: [],
    settings: ['stages'],
    stages: [],
  },
  'web-admin': {
    ai: ['packs'],
    audit: [],
    auth: [],
    channel: [],
    followups: [],
    greeting: [],
    health: [],
    packs: [],
    sandbox: [],
    tenants: ['ai', 'audit', 'channel', 'followups', 'greeting', 'packs', 'sandbox'],
  },
};

function assertAcyclic(app, graph) {
  const state = new Map(); // feature -> 'visiting' | 'done'
  const visit = (feature, path) => {
    if (state.get(feature) === 'done') return;
    if (state.get(feature) === 'visiting') throw new Error(`${app}: feature cycle ${[...path, feature].join(' → ')}`);
    state.set(feature, 'visiting');
    for (const next of graph[feature] ?? []) visit(next, [...path, feature]);
    state.set(feature, 'done');
  };
  Object.keys(graph).forEach((feature) => visit(feature, []));
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A relative import that climbs out of the current folder into `<name>/...` (e.g. `../../leads/api/leads`). */
const climbingInto = (names) => `^(\\.\\./)+(${names.map(escape).join('|')})(/|$)`;

/** Imports of the apps' own source from web-shared (shared code must not know the apps). */
const INTO_AN_APP = '(^|/)(web-crm|web-admin)(/|$)';

const boundaries = Object.entries(FEATURES).flatMap(([app, graph]) => {
  assertAcyclic(app, graph);
  const features = Object.keys(graph);
  return [
    // app code outside features (lib, components, test helpers aside) must not reach into a feature
    {
      files: [`${app}/src/lib/**`, `${app}/src/components/**`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { regex: climbingInto(['features', 'app']), message: 'lib and components are below features and app.' },
            ],
          },
        ],
      },
    },
    ...features.map((feature) => {
      const forbidden = features.filter((other) => other !== feature && !graph[feature].includes(other));
      const patterns = [
        {
          regex: climbingInto(['app']),
          message: 'Features are below the app shell (routes, layout): pass what they need as props or move it.',
        },
      ];
      if (forbidden.length > 0) {
        patterns.push({
          regex: climbingInto(forbidden),
          message: `Feature "${feature}" may import only ${graph[feature].length ? graph[feature].join(', ') : 'no other feature'} (eslint.config.js FEATURES).`,
        });
      }
      return {
        files: [`${app}/src/features/${feature}/**`],
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      };
    }),
  ];
});

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/dev-dist/**', 'web-shared/api/schema.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}', '*/vite.config.ts', '*/scripts/**'],
    languageOptions: { globals: globals.node },
  },
  {
    // imported by the CRM's generated service worker
    files: ['web-crm/public/**/*.js'],
    languageOptions: { globals: globals.serviceworker },
  },
  {
    files: ['web-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: INTO_AN_APP, message: 'web-shared is used by the apps and must not import them.' }] },
      ],
    },
  },
  ...boundaries,
);
